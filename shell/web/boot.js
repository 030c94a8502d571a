// Starts portal.js (inline scripts are not allowed by the page's Content
// Security Policy) and says so in words if the app cannot start.
var Module = {
    canvas: document.getElementById('canvas'),
    onRuntimeInitialized: function () {
        if (window.performance && performance.mark) performance.mark('portal-runtime-ready');   // wasm compiled and instantiated
        document.getElementById('status').hidden = true;
    },
    printErr: function (text) { console.error(text); },
};
function portalCouldNotStart() {
    var status = document.getElementById('status');
    status.hidden = false;
    status.textContent = 'The Support Portal could not start. Reload the page to try again.';
}
window.addEventListener('error', portalCouldNotStart);

// portal.wasm is compiled as it downloads, from now rather than from when
// portal.js has arrived and run (the fetch takes the page's preload of it);
// the module instantiates what is compiled. A server that does not say
// application/wasm gets the slower whole-file compile, not a broken page.
var portalWasm = (function () {
    var download = function () { return fetch('portal.wasm', { credentials: 'same-origin' }); };
    var whole = function () {
        return download().then(function (response) {
            if (!response.ok) throw new Error('portal.wasm answered ' + response.status);
            return response.arrayBuffer();
        }).then(function (bytes) { return WebAssembly.compile(bytes); });
    };
    if (typeof WebAssembly !== 'object') return Promise.reject(new Error('this browser has no WebAssembly'));
    if (!WebAssembly.compileStreaming) return whole();
    return WebAssembly.compileStreaming(download()).catch(whole);
})();
portalWasm.catch(function () { /* said when the module asks for it */ });
// The module comes in two parts (cmake/split_portal.mjs): portal.wasm holds
// what starting the page runs, and names the rest, portal.deferred-<hash>.wasm,
// in a custom section. On a first visit the rest is fetched after the first
// frame (loadSoon), so it does not slow it; once the service worker keeps
// the portal, its bytes come from the cache before main() starts. Until the
// rest is in, each of its functions is a placeholder import that brings it in
// at once, synchronously (compiling the bytes in hand, or fetching them), then
// calls the real function from the table the rest's element segment filled.
// A portal.wasm that names no rest (left whole) never asks for one.
var portalDeferred = {
    file: null, imports: null, exports: null, bytes: null, compiled: null, loading: null, loaded: false,
    loadedBy: null,   // 'background' or 'placeholder': how the rest came in (the tests read it)
    placeholders: function () {
        return new Proxy({}, {
            get: function (target, name) {
                var slot = Number(name);
                return function () {
                    portalDeferred.loadNow();
                    return portalDeferred.table.get(slot).apply(null, arguments);
                };
            },
        });
    },
    table: null,   // portal.wasm's function table, which the rest fills in
    started: function (imports, exports) {
        this.imports = imports;
        this.exports = exports;
        for (var name in exports) {
            if (exports[name] instanceof WebAssembly.Table) this.table = exports[name];
        }
    },
    instantiate: function (module, by) {
        if (this.loaded) return;
        var imports = Object.assign({}, this.imports, { primary: this.exports });
        new WebAssembly.Instance(module, imports);   // its element segment puts its functions in the table
        this.loaded = true;
        this.loadedBy = by;
        if (window.performance && performance.mark) performance.mark('portal-rest-in');
    },
    // The bytes, once: from the service worker's cache when it controls the page.
    fetchBytes: function () {
        var self = this, file = this.file;
        if (!this.bytes) {
            this.bytes = fetch(file).then(function (response) {
                if (!response.ok) throw new Error(file + ' answered ' + response.status);
                return response.arrayBuffer();
            }).then(function (bytes) { self.bytes = bytes; return bytes; });
        }
        return Promise.resolve(this.bytes);
    },
    // A placeholder was called before the rest was in: bring it in now, blocking.
    loadNow: function () {
        if (this.loaded) return;
        if (!this.compiled) {
            var bytes = this.bytes instanceof ArrayBuffer ? new Uint8Array(this.bytes) : null;
            if (!bytes) {
                var request = new XMLHttpRequest();
                request.open('GET', this.file, false);
                request.overrideMimeType('text/plain; charset=x-user-defined');
                request.send();
                if (request.status !== 200) throw new Error(this.file + ' answered ' + request.status);
                var text = request.responseText;
                bytes = new Uint8Array(text.length);
                for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
            }
            this.compiled = new WebAssembly.Module(bytes);
        }
        this.instantiate(this.compiled, 'placeholder');
    },
    // After the first frame (portal_library.js): compiled in the background.
    loadSoon: function () {
        if (!this.file || this.loaded || this.loading) return;
        var self = this;
        this.loading = this.fetchBytes().then(function (bytes) { return WebAssembly.compile(bytes); }).then(function (module) {
            self.compiled = self.compiled || module;
            self.instantiate(self.compiled, 'background');
        }).catch(function (error) {
            // Offline before it was ever kept: the first call that needs it says so.
            console.error('the rest of the portal could not be loaded yet: ' + error);
            self.loading = null;
            if (!(self.bytes instanceof ArrayBuffer)) self.bytes = null;
        });
    },
};
Module.instantiateWasm = function (imports, receiveInstance) {
    portalWasm.then(function (module) {
        var rest = WebAssembly.Module.customSections(module, 'portal.deferred');
        var ready = null;
        if (rest.length) {
            portalDeferred.file = new TextDecoder().decode(rest[0]);
            imports.placeholder = portalDeferred.placeholders();
            var kept = navigator.serviceWorker && navigator.serviceWorker.controller;
            if (kept) ready = portalDeferred.fetchBytes().catch(function () { /* loadNow fetches it */ });
        }
        return Promise.resolve(ready).then(function () {
            return WebAssembly.instantiate(module, imports);
        }).then(function (instance) {
            portalDeferred.started(imports, instance.exports);
            receiveInstance(instance, module);
        });
    }).catch(function (error) {
        console.error('portal.wasm could not be compiled or started: ' + error);
        portalCouldNotStart();
    });
    return {};   // the exports arrive through receiveInstance
};

// Started now, while portal.wasm downloads and compiles, instead of one
// after another once the module runs: the viewer's zone file and the
// device's database (kept drafts). portal_library.js takes the zone answer
// once; one it never takes is simply dropped. The program is not fetched
// here: the module holds it compiled in and asks the service only whether it
// changed (If-None-Match). Nor is the session: answered this early, it let a
// restored draft lose its cursor field to the incident notice (drafts test).
window.portalEarly = (function () {
    var answers = {};
    // 'zoneinfo/Europe/Berlin': each part escaped, the slashes kept.
    var zoneUrl = function (zone) { return 'zoneinfo/' + zone.split('/').map(encodeURIComponent).join('/'); };
    try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone) {
            var url = zoneUrl(zone);
            answers[url] = fetch(url);
            answers[url].catch(function () { /* the module sees the failure when it takes the answer */ });
        }
    } catch (e) { /* very old browser: the module asks for UTC itself */ }

    // IndexedDB: version 2 adds the outbox (queued requests) and the
    // snapshots read offline; each store is created once, whatever the old version.
    var database = null;
    var openDatabase = function () {
        if (database) return database;
        database = new Promise(function (resolve, reject) {
            if (!window.indexedDB) { reject(new Error('this browser offers no IndexedDB')); return; }
            var request = indexedDB.open('support-portal', 2);
            request.onupgradeneeded = function () {
                var db = request.result;
                ['drafts', 'outbox', 'snapshots'].forEach(function (name) {
                    if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, { keyPath: 'key' });
                });
            };
            request.onsuccess = function () { resolve(request.result); };
            request.onerror = function () { reject(request.error || new Error('IndexedDB would not open')); };
        });
        database.catch(function () { /* reported when the module opens it */ });
        return database;
    };
    // The kept drafts, read now so the module has them for its first frame,
    // with what a page that went away left in localStorage (portal_library.js's
    // rescue: newer than IndexedDB's copy) laid over them. The read does not
    // wait for the rescued drafts' write into IndexedDB; they leave
    // localStorage only once that write has completed.
    var rescueKey = 'support-portal-pending-drafts';
    var readRescued = function () {
        try {
            var kept = JSON.parse(localStorage.getItem(rescueKey) || 'null');
            return kept && typeof kept === 'object' ? kept : {};
        } catch (e) { return {}; }
    };
    var forgetRescued = function (written) {
        try {
            var kept = readRescued();
            Object.keys(written).forEach(function (key) { if (kept[key] === written[key]) delete kept[key]; });
            if (Object.keys(kept).length === 0) localStorage.removeItem(rescueKey);
            else localStorage.setItem(rescueKey, JSON.stringify(kept));
        } catch (e) { /* no storage */ }
    };
    // A hint kept beside them, readable at once: this device had drafts at
    // its last visit. Then the first frame waits (briefly) for them to be
    // read, so the person's words are on it rather than on the one after.
    var keptHintKey = 'support-portal-drafts-kept';
    var draftsExpected = (function () {
        try { return localStorage.getItem(keptHintKey) === '1'; } catch (e) { return false; }
    })();
    var hinted = draftsExpected;   // what the hint says now: written only when that changes
    var keptHint = function (kept) {
        if (kept === hinted) return;
        hinted = kept;
        try {
            if (kept) localStorage.setItem(keptHintKey, '1');
            else localStorage.removeItem(keptHintKey);
        } catch (e) { /* no storage: no hint, and no wait */ }
    };
    var drafts = openDatabase().then(function (db) {
        var rescued = {};
        var found = readRescued();
        Object.keys(found).forEach(function (key) { if (typeof found[key] === 'string') rescued[key] = found[key]; });
        var rescuedKeys = Object.keys(rescued);
        var read = new Promise(function (resolve, reject) {
            var request = db.transaction('drafts', 'readonly').objectStore('drafts').getAll();
            request.onsuccess = function () {
                var records = request.result.filter(function (record) { return !Object.prototype.hasOwnProperty.call(rescued, record.key); });
                rescuedKeys.forEach(function (key) { records.push({ key: key, json: rescued[key], edited_at: Date.now() }); });
                records.sort(function (a, b) { return a.key < b.key ? -1 : a.key > b.key ? 1 : 0; });   // as getAll orders them
                resolve(records);
            };
            request.onerror = function () { reject(request.error || new Error('the drafts could not be read')); };
        });
        if (rescuedKeys.length > 0) {
            var tx = db.transaction('drafts', 'readwrite');
            rescuedKeys.forEach(function (key) {
                tx.objectStore('drafts').put({ key: key, json: rescued[key], edited_at: Date.now() });
            });
            tx.oncomplete = function () { forgetRescued(rescued); };
        }
        return read;
    });
    drafts.catch(function () { /* reported when the module asks for them */ });
    var draftsRead = null;   // the records, once read: the module takes them before its first frame
    drafts.then(function (records) {
        draftsRead = records;
        keptHint(records.length > 0);
    }, function () { /* as above */ });

    return {
        zoneUrl: zoneUrl,
        rescueKey: rescueKey,
        // A promise of every kept draft record ({key, json, edited_at}), and
        // the records themselves once they have been read (else null).
        drafts: function () { return drafts; },
        draftsRead: function () { return draftsRead; },
        // True while drafts this device kept at its last visit are still being read.
        draftsPending: function () { return draftsExpected && draftsRead === null; },
        // A draft was written: the next visit's first frame waits for the read.
        draftsKept: function () { keptHint(true); },
        // The answer asked for early for this URL, once; null if none.
        take: function (url) {
            var answer = answers[url] || null;
            delete answers[url];
            return answer;
        },
        openDatabase: openDatabase,
    };
})();

// The WebGL2 context, made now: creating it is one of the slowest steps to
// the first frame, and the module's own request (shell/web/surface.cpp, the
// same attributes) then gets this one back instead of waiting for it.
try {
    Module.canvas.getContext('webgl2', { alpha: false, depth: false, stencil: false, antialias: false,
                                         premultipliedAlpha: true, preserveDrawingBuffer: false });
} catch (e) { /* the module says so in words if it cannot have one */ }

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
