// Starts portal.js (inline scripts are not allowed by the page's Content
// Security Policy) and says so in words if the app cannot start.
var Module = {
    canvas: document.getElementById('canvas'),
    onRuntimeInitialized: function () { document.getElementById('status').hidden = true; },
    printErr: function (text) { console.error(text); },
};
window.addEventListener('error', function () {
    var status = document.getElementById('status');
    status.hidden = false;
    status.textContent = 'The Support Portal could not start. Reload the page to try again.';
});

// Offline shell and updates (service-worker.js). The app learns of a waiting
// new version through this small contract: it sets onReady, shows a banner,
// and calls apply() when the user agrees. Without service workers (an old
// browser, a private window that refuses them) the portal simply works online.
window.portalUpdate = {
    waiting: false,
    onReady: null,
    apply: function () { location.reload(); },
};
if ('serviceWorker' in navigator) {
    window.addEventListener('load', function () {
        navigator.serviceWorker.register('service-worker.js').then(watchForUpdates, function (error) {
            console.warn('The portal will not work offline: ' + error);
        });
    });
}

function watchForUpdates(registration) {
    var update = window.portalUpdate;
    var applying = false;
    var announce = function () {
        if (update.waiting) return;
        update.waiting = true;
        if (update.onReady) update.onReady();
    };
    // A worker waits once it is installed while an older one is active (the
    // very first worker activates at once: nothing to announce then).
    var follow = function (worker) {
        if (!worker) return;
        var check = function () {
            if (worker.state === 'installed' && registration.active && registration.active !== worker) announce();
        };
        worker.addEventListener('statechange', check);
        check();
    };
    if (registration.waiting && registration.active) announce();
    follow(registration.installing);
    registration.addEventListener('updatefound', function () { follow(registration.installing); });

    update.apply = function () {
        if (!registration.waiting) { location.reload(); return; }   // another tab already switched
        applying = true;
        registration.waiting.postMessage({ type: 'skip-waiting' });
    };
    // The new worker took over because this page asked: load the new version
    // (drafts are written on pagehide). Another tab's switch only leaves the
    // banner up, so nobody's page reloads under them.
    navigator.serviceWorker.addEventListener('controllerchange', function () {
        if (!applying) return;
        applying = false;
        location.reload();
    });

    // Long-open tabs learn of deployments: when shown again, and hourly.
    var check = function () { registration.update().catch(function () { /* offline: try later */ }); };
    document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'visible') check();
    });
    setInterval(check, 60 * 60 * 1000);
}
