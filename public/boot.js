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
