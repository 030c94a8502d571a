// The browser side of shell/web: everything that needs the DOM or a web API.
// C++ calls these through extern "C" declarations (shell/web/browser.hpp);
// results come back through exported C functions (portal_on_*).
mergeInto(LibraryManager.library, {
    // --- page -------------------------------------------------------------
    portal_js_init__deps: ['$portalCopyString'],
    portal_js_init: function () {
        var canvas = document.getElementById('canvas');
        // The canvas takes keyboard focus so key events reach it (and only it:
        // other elements on the page keep their own keys).
        // It is not a Tab stop itself: the accessibility mirror's elements are
        // (a click on the canvas focuses it, see accessibility_mirror.js).
        canvas.setAttribute('tabindex', '-1');
        canvas.focus();
        // No browser context menu or drag ghost over the app surface.
        canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });

        window.addEventListener('hashchange', function () {
            var ptr = portalCopyString(location.hash);
            _portal_on_location_changed(ptr);
            _free(ptr);
        });
        // Text pasted from any application arrives as a paste event; the shell
        // then presses Ctrl+V inside ImGui, which reads this text back.
        document.addEventListener('paste', function (e) {
            // A field's own <input> (the accessibility mirror) pastes natively.
            if (e.target && e.target.closest && e.target.closest('#a11y')) return;
            var text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
            e.preventDefault();
            var ptr = portalCopyString(text);
            _portal_on_paste(ptr);
            _free(ptr);
        });
        window.addEventListener('blur', function () { _portal_on_focus(0); });
        window.addEventListener('focus', function () { _portal_on_focus(1); });
    },

    $portalCopyString: function (text) {
        var size = lengthBytesUTF8(text) + 1;
        var ptr = _malloc(size);
        stringToUTF8(text, ptr, size);
        return ptr;
    },

    portal_js_test_mode: function () {
        return new URLSearchParams(location.search).get('test') === '1' ? 1 : 0;
    },

    portal_js_is_mac: function () {
        return /Mac|iPhone|iPad/.test(navigator.platform || '') ? 1 : 0;
    },

    // Asked at each fling, so a change in the system setting applies at once.
    portal_js_prefers_reduced_motion: function () {
        return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0;
    },

    // --- location -----------------------------------------------------------
    portal_js_location_hash__deps: ['$portalCopyString'],
    portal_js_location_hash: function () {
        return portalCopyString(location.hash);   // caller frees
    },

    // pushState does not fire hashchange: the state already matches the URL.
    portal_js_push_location: function (hash) {
        var target = UTF8ToString(hash);
        if (location.hash !== target) history.pushState(null, '', target);
    },

    portal_js_replace_location: function (hash) {
        history.replaceState(null, '', UTF8ToString(hash));
    },

    // --- HTTP -----------------------------------------------------------------
    // One request per id; the answer (or a network failure as status 0) comes
    // back through portal_on_http_done.
    // method, body, csrf, key and ifNoneMatch may be 0 (GET, no body, no headers).
    portal_js_http_request__deps: ['$portalCopyString'],
    portal_js_http_request: function (requestId, method, url, body, csrf, key, ifNoneMatch) {
        var target = UTF8ToString(url);
        var init = { method: method ? UTF8ToString(method) : 'GET', credentials: 'same-origin',
                     headers: { 'Accept': 'application/json' } };
        if (body) {
            init.body = UTF8ToString(body);
            init.headers['Content-Type'] = 'application/json';
        }
        if (csrf && HEAPU8[csrf]) init.headers['X-CSRF-Token'] = UTF8ToString(csrf);
        if (key && HEAPU8[key]) init.headers['Idempotency-Key'] = UTF8ToString(key);
        if (ifNoneMatch) init.headers['If-None-Match'] = UTF8ToString(ifNoneMatch);
        var deliver = function (status, text) {
            var ptr = portalCopyString(text);
            _portal_on_http_done(requestId, status, ptr);
            _free(ptr);
        };
        fetch(target, init)
            .then(function (response) {
                return response.text().then(function (text) { deliver(response.status, text); });
            })
            .catch(function (error) { deliver(0, String(error && error.message || error)); });
    },

    // The service's readable "a session may exist" cookie (the session
    // cookie itself is HttpOnly).
    portal_js_session_hint: function () {
        return document.cookie.split(';').some(function (c) { return c.trim() === 'portal_signed_in=1'; }) ? 1 : 0;
    },

    // Random text for idempotency keys (unique per page load).
    portal_js_random_id__deps: ['$portalCopyString'],
    portal_js_random_id: function () {
        var bytes = new Uint8Array(12);
        crypto.getRandomValues(bytes);
        var text = '';
        for (var i = 0; i < bytes.length; i++) text += (bytes[i] + 256).toString(16).slice(1);
        return portalCopyString(text);   // caller frees
    },

    // --- time zones -------------------------------------------------------------
    portal_js_time_zone__deps: ['$portalCopyString'],
    portal_js_time_zone: function () {
        var zone = '';
        try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { /* very old browser */ }
        return portalCopyString(zone);   // caller frees
    },

    // Fetches one zone's TZif file and hands its bytes to the module through
    // portal_on_zone_loaded (length -1 when there is no file).
    portal_js_load_zone__deps: ['$portalCopyString'],
    portal_js_load_zone: function (name) {
        var zone = UTF8ToString(name);
        var done = function (bytes) {
            var namePtr = portalCopyString(zone);
            var bytesPtr = bytes ? _malloc(bytes.length + 1) : 0;
            if (bytes) HEAPU8.set(bytes, bytesPtr);
            _portal_on_zone_loaded(namePtr, bytesPtr, bytes ? bytes.length : -1);
            _free(bytesPtr);
            _free(namePtr);
        };
        var url = window.portalEarly.zoneUrl(zone);
        // On a first visit the service worker takes over only after the
        // zones were fetched: fetch them again through it then, so it keeps
        // them for offline visits.
        if (navigator.serviceWorker && !navigator.serviceWorker.controller) {
            navigator.serviceWorker.addEventListener('controllerchange', function () {
                fetch(url).catch(function () { /* offline again: the next visit caches it */ });
            }, { once: true });
        }
        (window.portalEarly.take(url) || fetch(url))
            .then(function (response) {
                if (!response.ok) throw new Error('HTTP ' + response.status);
                return response.arrayBuffer();
            })
            .then(function (buffer) { done(new Uint8Array(buffer)); })
            .catch(function () { done(null); });
    },

    // --- Inter's accented letters, fetched when first needed (font_extension.cpp)
    portal_js_load_font_extension: function () {
        var face = function (name) {
            return fetch('fonts/' + name, { credentials: 'same-origin' }).then(function (response) {
                if (!response.ok) throw new Error('HTTP ' + response.status);
                return response.arrayBuffer();
            });
        };
        var done = function (faces) {
            var copies = faces.map(function (bytes) {
                var pointer = _malloc(bytes.byteLength || 1);
                HEAPU8.set(new Uint8Array(bytes), pointer);
                return pointer;
            });
            _portal_on_font_extension(copies[0], faces[0].byteLength, copies[1], faces[1].byteLength);
            copies.forEach(function (pointer) { _free(pointer); });
        };
        Promise.all([face('inter-regular-accented.otf'), face('inter-semibold-accented.otf')])
            .then(done)
            .catch(function () { _portal_on_font_extension(0, -1, 0, -1); });
    },

    // --- clipboard --------------------------------------------------------------
    // --- characters Inter lacks (glyphs_on_demand.cpp) ------------------------
    $portalGlyphs: { context: null },
    portal_js_draw_glyph__deps: ['$portalGlyphs'],
    portal_js_draw_glyph: function (codePoint, size, bold, width, height, baseline, alpha) {
        if (!portalGlyphs.context) {
            var canvas = document.createElement('canvas');
            portalGlyphs.context = canvas.getContext('2d', { willReadFrequently: true });
        }
        var context = portalGlyphs.context;
        context.canvas.width = width;     // resizing also clears it
        context.canvas.height = height;
        // The fonts the browser would use for this text in an HTML page.
        context.font = (bold ? '600 ' : '400 ') + size + 'px system-ui, -apple-system, "Segoe UI", "Noto Sans", ' +
                       '"Noto Sans CJK JP", "Hiragino Sans", "Microsoft YaHei", sans-serif';
        context.textBaseline = 'alphabetic';
        context.fillStyle = '#fff';
        var text = String.fromCodePoint(codePoint);
        var advance = context.measureText(text).width;
        if (!(advance > 0)) return 0;
        context.fillText(text, 1, baseline);
        var pixels = context.getImageData(0, 0, width, height).data;
        for (var i = 0; i < width * height; i++) HEAPU8[alpha + i] = pixels[i * 4 + 3];
        return advance;
    },

    portal_js_copy_text: function (text) {
        var value = UTF8ToString(text);
        if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(value).catch(function () {
                // Permission refused or no focus: the text stays in the app's
                // own clipboard, so in-app paste still works.
            });
        }
    },

    // --- surface ------------------------------------------------------------------
    portal_js_set_cursor: function (name) {
        document.getElementById('canvas').style.cursor = UTF8ToString(name);
    },

    // A performance mark ('portal-first-frame', ...): the benchmark (and any
    // real-user monitoring) reads it relative to navigation start.
    portal_js_mark: function (name) {
        name = UTF8ToString(name);
        if (window.performance && performance.mark) performance.mark(name);
        // What waits for the first frame to be drawn (the drafts' own mark).
        // The rest of the module (boot.js), now that the first frame is out.
        if (name === 'portal-first-frame' && window.portalDeferred) window.portalDeferred.loadSoon();
        if (name === 'portal-first-frame' && window.portalAfterFirstFrame) {
            var then = window.portalAfterFirstFrame;
            window.portalAfterFirstFrame = null;
            then();
        }
    },

    // --- drafts ------------------------------------------------------------------
    // Every form is a draft kept in IndexedDB, so a reload, a closed tab or a
    // crash loses nothing. Writes are debounced per draft and happen off the
    // frame: the C++ side only hands over the text.
    $portalDrafts__deps: ['$portalCopyString'],
    $portalDrafts: {
        pending: {},        // key -> {json, timer}
        database: null,     // a promise of the IDBDatabase, opened by boot.js
        failed: false,
        storesRead: 0,      // of the three read back at start; tests wait for all
        // Opened by boot.js while the module was still downloading.
        open: function () {
            if (!portalDrafts.database) portalDrafts.database = window.portalEarly.openDatabase();
            return portalDrafts.database;
        },
        fail: function (error) {
            if (portalDrafts.failed) return;   // say it once
            portalDrafts.failed = true;
            var ptr = portalCopyString(String(error && error.message || error));
            _portal_on_storage_failed(ptr);
            _free(ptr);
        },
        // `files` (the outbox's): [{ name, blob }], kept in the same record.
        write: function (key, json, store, files) {
            store = store || 'drafts';
            portalDrafts.open().then(function (db) {
                var tx = db.transaction(store, 'readwrite');
                var record = { key: key, json: json, edited_at: Date.now() };
                if (files && files.length) record.files = files;
                if (json === null) tx.objectStore(store).delete(key);
                else tx.objectStore(store).put(record);
                if (json !== null && store === 'drafts' && window.portalEarly) window.portalEarly.draftsKept();
                tx.onerror = function () { portalDrafts.fail(tx.error); };
                // Written: a rescued copy of it is no longer needed (and would be older).
                if (store === 'drafts') tx.oncomplete = function () { portalDrafts.unrescue(key); };
            }).catch(portalDrafts.fail);
        },
        // Every record of a store, each handed to `each(record)`.
        readAll: function (db, store, each, done) {
            var request = db.transaction(store, 'readonly').objectStore(store).getAll();
            request.onsuccess = function () {
                request.result.forEach(each);
                portalDrafts.storesRead++;
                if (done) done();
            };
            request.onerror = function () { portalDrafts.fail(request.error); };
        },
        // Written 400 ms after the last change, and while typing goes on at
        // least every 800 ms: what is kept is never a second behind.
        schedule: function (key, json) {
            var now = Date.now();
            var entry = portalDrafts.pending[key];
            if (entry) clearTimeout(entry.timer);
            else entry = portalDrafts.pending[key] = { since: now };
            entry.json = json;
            var wait = Math.min(400, Math.max(0, entry.since + 800 - now));
            entry.timer = setTimeout(function () { portalDrafts.flush(key); }, wait);
        },
        flush: function (key) {
            var entry = portalDrafts.pending[key];
            if (!entry) return;
            delete portalDrafts.pending[key];
            clearTimeout(entry.timer);
            portalDrafts.write(key, entry.json);
        },
        // A page going away may not live to finish an IndexedDB write, so
        // what is pending is also put, synchronously, in localStorage; the
        // next start (boot.js, which names the key) moves it into IndexedDB
        // before reading the drafts.
        rescue: function () {
            var keys = Object.keys(portalDrafts.pending);
            if (keys.length === 0) return;
            var kept = {};
            keys.forEach(function (key) { kept[key] = portalDrafts.pending[key].json; });
            try { localStorage.setItem(window.portalEarly.rescueKey, JSON.stringify(kept)); } catch (e) { /* no storage: IndexedDB alone */ }
        },
        unrescue: function (key) {
            try {
                var kept = JSON.parse(localStorage.getItem(window.portalEarly.rescueKey) || 'null');
                if (!kept || !(key in kept)) return;
                delete kept[key];
                if (Object.keys(kept).length === 0) localStorage.removeItem(window.portalEarly.rescueKey);
                else localStorage.setItem(window.portalEarly.rescueKey, JSON.stringify(kept));
            } catch (e) { /* no storage */ }
        },
        flushAll: function () {
            portalDrafts.rescue();
            Object.keys(portalDrafts.pending).forEach(portalDrafts.flush);
        },
    },
    portal_js_save_draft__deps: ['$portalDrafts'],
    portal_js_save_draft: function (key, json) { portalDrafts.schedule(UTF8ToString(key), UTF8ToString(json)); },
    portal_js_delete_draft__deps: ['$portalDrafts'],
    portal_js_delete_draft: function (key) {
        key = UTF8ToString(key);
        var entry = portalDrafts.pending[key];
        if (entry) { clearTimeout(entry.timer); delete portalDrafts.pending[key]; }
        portalDrafts.write(key, null);
    },
    // The first frame once the kept drafts are restored (or after `ms` at
    // most, or at once if their read fails): portal_first_frame, once.
    portal_js_first_frame_after_drafts: function (ms) {
        var drawn = false;
        var draw = function () {
            if (drawn) return;
            drawn = true;
            _portal_first_frame();
        };
        // Registered after portal_js_load_drafts's own: the drafts are restored first.
        window.portalEarly.drafts().then(draw, draw);
        setTimeout(draw, ms);
    },
    portal_js_drafts_pending: function () {
        return window.portalEarly && window.portalEarly.draftsPending() ? 1 : 0;
    },

    portal_js_load_drafts__deps: ['$portalDrafts', '$portalCopyString', '$portalFiles'],
    portal_js_load_drafts: function () {
        // A page being hidden or closed writes what is still pending.
        window.addEventListener('pagehide', portalDrafts.flushAll);
        document.addEventListener('visibilitychange', function () {
            if (document.visibilityState === 'hidden') portalDrafts.flushAll();
        });
        // The drafts (what the person was typing, wanted on screen at once)
        // boot.js read while the module downloaded: usually read already,
        // and then restored now, before main() draws the first frame. Then
        // what to show offline (ticket lists, larger and read in the module)
        // and what is queued (a queued request finds its form already
        // restored).
        var restore = function (records, beforeFirstFrame) {
            records.forEach(function (entry) {
                var ptr = portalCopyString(entry.json);
                _portal_on_draft_loaded(ptr);
                _free(ptr);
            });
            portalDrafts.storesRead++;
            // For the benchmark (and real-user monitoring): drafts are back,
            // and on screen with the first frame when it is still to come,
            // or else with the next animation frame.
            if (!window.performance || !performance.mark) return;
            performance.mark('portal-drafts-restored');
            var onScreen = function () { performance.mark('portal-drafts-on-screen'); };
            if (beforeFirstFrame || performance.getEntriesByName('portal-first-frame').length === 0)
                window.portalAfterFirstFrame = onScreen;
            else requestAnimationFrame(onScreen);
        };
        var read = window.portalEarly.draftsRead();
        var restored;
        if (read) {
            try { restore(read, true); } catch (error) { portalDrafts.fail(error); }
            restored = Promise.resolve();
        } else {
            restored = window.portalEarly.drafts().then(function (records) { restore(records, false); }, portalDrafts.fail);
        }
        restored.then(portalDrafts.open).then(function (db) {
            portalDrafts.readAll(db, 'snapshots', function (entry) {
                var name = portalCopyString(entry.key), json = portalCopyString(entry.json);
                _portal_on_snapshot_loaded(name, json);
                _free(name); _free(json);
            });
            portalDrafts.readAll(db, 'outbox', function (entry) {
                // Its files are held again, under this page's ids.
                var files = (entry.files || []).filter(function (file) { return file && file.blob instanceof Blob; })
                    .map(function (file) {
                        var id = portalFiles.next++;
                        portalFiles.held[id] = file.blob;
                        return { id: id, name: String(file.name || ''), bytes: file.blob.size };
                    });
                var ptr = portalCopyString(entry.json), filesPtr = portalCopyString(JSON.stringify(files));
                _portal_on_queued_loaded(ptr, filesPtr);
                _free(ptr); _free(filesPtr);
            });
        }).catch(portalDrafts.fail);
    },

    // --- outbox and offline reading ------------------------------------------------
    // A queued request is a promise to deliver: written at once, not debounced.
    // Its files go with it (IndexedDB keeps Blobs), so a request queued
    // offline still carries them after the tab was closed.
    portal_js_keep_queued__deps: ['$portalDrafts', '$portalFiles'],
    portal_js_keep_queued: function (key, json, filesJson) {
        var files = JSON.parse(UTF8ToString(filesJson)).map(function (file) {
            return { name: file.name, blob: portalFiles.held[file.id] };
        }).filter(function (file) { return file.blob; });
        portalDrafts.write(UTF8ToString(key), UTF8ToString(json), 'outbox', files);
    },
    portal_js_drop_queued__deps: ['$portalDrafts'],
    portal_js_drop_queued: function (key) { portalDrafts.write(UTF8ToString(key), null, 'outbox'); },
    portal_js_keep_snapshot__deps: ['$portalDrafts'],
    portal_js_keep_snapshot: function (name, json) { portalDrafts.write(UTF8ToString(name), UTF8ToString(json), 'snapshots'); },
    portal_js_forget_snapshots__deps: ['$portalDrafts'],
    portal_js_forget_snapshots: function () {
        portalDrafts.open().then(function (db) {
            var tx = db.transaction('snapshots', 'readwrite');
            tx.objectStore('snapshots').clear();
            tx.onerror = function () { portalDrafts.fail(tx.error); };
        }).catch(portalDrafts.fail);
    },

    // The browser's word on the network, now and whenever it changes.
    portal_js_watch_connectivity: function () {
        var report = function () { _portal_on_connectivity(navigator.onLine ? 1 : 0); };
        window.addEventListener('online', report);
        window.addEventListener('offline', report);
        if (!navigator.onLine) report();
    },

    // The person's display preferences, now and whenever they change (a
    // system switching to dark at sunset changes the page without a reload).
    portal_js_watch_preferences: function () {
        var watch = function (query, report) {
            var list = window.matchMedia(query);
            report(list.matches ? 1 : 0);
            list.addEventListener('change', function (event) { report(event.matches ? 1 : 0); });
        };
        watch('(prefers-color-scheme: dark)', function (dark) { _portal_on_color_scheme(dark); });
        watch('(prefers-reduced-motion: reduce)', function (reduce) { _portal_on_reduced_motion(reduce); });
    },

    portal_js_set_page_colour: function (red, green, blue) {
        var byte = function (part) { return Math.round(part * 255); };
        var colour = 'rgb(' + byte(red) + ',' + byte(green) + ',' + byte(blue) + ')';
        document.documentElement.style.background = colour;
        document.body.style.background = colour;
    },

    // --- updates -------------------------------------------------------------------
    // boot.js registers the service worker and keeps window.portalUpdate; the
    // app only hears that a new version waits and says when to switch.
    portal_js_watch_updates: function () {
        var update = window.portalUpdate;
        if (!update) return;   // a page without boot.js's contract: no updates to announce
        update.onReady = function () { _portal_on_update_ready(); };
        if (update.waiting) _portal_on_update_ready();
    },

    portal_js_apply_update: function () {
        if (window.portalUpdate) window.portalUpdate.apply();
        else location.reload();
    },

    // A company's identity provider: the whole tab goes there and comes back
    // to the service's callback. core checked the URL is http(s).
    portal_js_leave_portal: function (url) {
        location.assign(UTF8ToString(url));
    },

    // --- files -------------------------------------------------------------------
    // A download the person saves: a temporary <a download> clicked.
    $portalSaveAs: function (href, fileName) {
        var link = document.createElement('a');
        link.href = href;
        link.download = fileName;
        link.style.display = 'none';
        document.body.appendChild(link);
        link.click();
        link.remove();
    },
    $portalSaveBlob__deps: ['$portalSaveAs'],
    $portalSaveBlob: function (blob, fileName) {
        var url = URL.createObjectURL(blob);
        portalSaveAs(url, fileName);
        setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    },

    // An exported draft.
    portal_js_download_file__deps: ['$portalSaveBlob'],
    portal_js_download_file: function (fileName, content) {
        portalSaveBlob(new Blob([UTF8ToString(content)], { type: 'application/json' }), UTF8ToString(fileName));
    },

    // Files the page holds for core (picked, dropped, written by the HAR
    // worker), by id: core knows a name and a size, the bytes stay here and
    // never pass through the module's memory.
    $portalFiles: { next: 1, held: {} },
    $portalHoldFile__deps: ['$portalFiles', '$portalCopyString'],
    $portalHoldFile: function (purpose, file) {
        var id = portalFiles.next++;
        portalFiles.held[id] = file;
        var strings = [purpose, file.name || ''].map(portalCopyString);
        _portal_on_file_held(strings[0], id, strings[1], file.size);
        strings.forEach(function (ptr) { _free(ptr); });
        return id;
    },

    // Opens the browser's file picker. A draft is read as text (one too
    // large to be a draft is not read at all, only its size reported); any
    // other file is held, and core hears its id.
    portal_js_pick_file__deps: ['$portalCopyString', '$portalHoldFile'],
    portal_js_pick_file: function (purposePtr, maxBytes) {
        var purpose = UTF8ToString(purposePtr);
        var input = document.createElement('input');
        input.type = 'file';
        input.accept = purpose === 'draft' ? '.json,application/json'
            : purpose === 'har' ? '.har,application/json,.json'
            : '.har,.png,.jpg,.jpeg,.webp,.log,.txt,image/png,image/jpeg,image/webp,text/plain';
        input.style.display = 'none';
        var deliver = function (name, text, bytes, error) {
            var strings = [purpose, name, text, error].map(portalCopyString);
            _portal_on_file_picked(strings[0], strings[1], strings[2], bytes, strings[3]);
            strings.forEach(function (ptr) { _free(ptr); });
        };
        input.addEventListener('change', function () {
            var file = input.files && input.files[0];
            input.remove();
            if (!file) return;
            if (purpose !== 'draft') { portalHoldFile(purpose, file); return; }
            if (file.size > maxBytes) { deliver(file.name, '', file.size, ''); return; }
            file.text()
                .then(function (text) { deliver(file.name, text, file.size, ''); })
                .catch(function (error) { deliver(file.name, '', file.size, String(error && error.message || error)); });
        });
        input.addEventListener('cancel', function () { input.remove(); });
        document.body.appendChild(input);
        input.click();
    },

    // A file dropped anywhere on the page (core decides what it is for).
    portal_js_watch_drops__deps: ['$portalHoldFile'],
    portal_js_watch_drops: function () {
        var carriesFiles = function (e) {
            return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types || [], 'Files') >= 0;
        };
        document.addEventListener('dragover', function (e) {
            if (!carriesFiles(e)) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
        });
        document.addEventListener('drop', function (e) {
            if (!carriesFiles(e)) return;
            e.preventDefault();
            var file = e.dataTransfer.files && e.dataTransfer.files[0];
            if (file) portalHoldFile('dropped', file);
        });
    },

    // After each update: every held file core no longer refers to goes, so
    // its bytes can be collected (a replaced reading's copy, a sent file).
    portal_js_keep_files__deps: ['$portalFiles'],
    portal_js_keep_files: function (ids, count) {
        var keep = {};
        for (var i = 0; i < count; i++) keep[HEAP32[(ids >> 2) + i]] = true;
        for (var id in portalFiles.held) {
            if (!keep[id]) delete portalFiles.held[id];
        }
    },

    // A held file saved by the person (the sanitised HAR copy).
    portal_js_save_held_file__deps: ['$portalFiles', '$portalSaveBlob'],
    portal_js_save_held_file: function (fileId, fileName) {
        var file = portalFiles.held[fileId];
        if (file) portalSaveBlob(file, UTF8ToString(fileName));
    },

    // A ticket's attachment: the service answers it with Content-Disposition,
    // so a link with the session's cookie is the whole download.
    portal_js_download_url__deps: ['$portalSaveAs'],
    portal_js_download_url: function (url, fileName) {
        portalSaveAs(UTF8ToString(url), UTF8ToString(fileName));
    },

    // POSTs a held file as the body, as it is; answered like any request
    // (portal_on_http_done), so core reads the service's words.
    portal_js_upload_file__deps: ['$portalFiles', '$portalCopyString'],
    portal_js_upload_file: function (requestId, url, fileId, fileName, csrf, key) {
        var deliver = function (status, text) {
            var ptr = portalCopyString(text);
            _portal_on_http_done(requestId, status, ptr);
            _free(ptr);
        };
        var file = portalFiles.held[fileId];
        if (!file) {
            deliver(410, JSON.stringify({ detail: 'The page no longer holds the file; choose it again.' }));
            return;
        }
        var headers = { 'Accept': 'application/json', 'Content-Type': file.type || 'application/octet-stream',
                        'X-File-Name': encodeURIComponent(UTF8ToString(fileName)) };
        if (HEAPU8[csrf]) headers['X-CSRF-Token'] = UTF8ToString(csrf);
        if (HEAPU8[key]) headers['Idempotency-Key'] = UTF8ToString(key);
        fetch(UTF8ToString(url), { method: 'POST', credentials: 'same-origin', headers: headers, body: file })
            .then(function (response) {
                return response.text().then(function (text) { deliver(response.status, text); });
            })
            .catch(function (error) { deliver(0, String(error && error.message || error)); });
    },

    // --- the HAR worker ------------------------------------------------------
    // public/har-worker.js (shell/web/har_worker): started the first time a
    // HAR file is opened or a token pasted, never with the page. A new file
    // while one is being read ends that worker and starts another.
    $portalHar: { worker: null, reading: 0, token: null },
    $portalHarWorker__deps: ['$portalHar', '$portalFiles', '$portalCopyString'],
    $portalHarWorker: function () {
        if (portalHar.worker) return portalHar.worker;
        var worker = new Worker('har-worker.js');
        var failed = function (run, message) {
            var ptr = portalCopyString(message);
            _portal_on_har_failed(run, ptr);
            _free(ptr);
        };
        worker.onmessage = function (e) {
            var m = e.data, ptr;
            if (m.type === 'progress') {
                _portal_on_har_progress(portalHar.reading, m.done);
            } else if (m.type === 'done') {
                var run = portalHar.reading, id = portalFiles.next++;
                portalHar.reading = 0;
                portalFiles.held[id] = m.blob;
                ptr = portalCopyString(m.report);
                _portal_on_har_done(run, ptr, id, m.blob.size);
                _free(ptr);
            } else if (m.type === 'failed') {
                var failedRun = portalHar.reading;
                portalHar.reading = 0;
                failed(failedRun, m.message);
            } else if (m.type === 'token') {
                portalHar.token = null;
                ptr = portalCopyString(m.report);
                _portal_on_token_inspected(ptr);
                _free(ptr);
            }
        };
        worker.onerror = function (e) {
            e.preventDefault();
            var why = 'The HAR reader could not start (' + (e.message || 'no details') + '). Reload the page and try again.';
            if (portalHar.reading) failed(portalHar.reading, why);
            if (portalHar.token !== null) {
                var ptr = portalCopyString(JSON.stringify({ kind: 'none', error: why }));
                _portal_on_token_inspected(ptr);
                _free(ptr);
            }
            portalHar.reading = 0;
            portalHar.token = null;
            worker.terminate();
            portalHar.worker = null;
        };
        portalHar.worker = worker;
        return worker;
    },

    portal_js_har_start__deps: ['$portalHar', '$portalHarWorker', '$portalFiles'],
    portal_js_har_start: function (run, fileId, userTextsJson, issuer) {
        var file = portalFiles.held[fileId];
        if (portalHar.reading && portalHar.worker) {
            portalHar.worker.terminate();
            portalHar.worker = null;
        }
        var worker = portalHarWorker();
        portalHar.reading = run;
        // The token viewer's question, if the ended worker had one, goes again.
        if (portalHar.token !== null) worker.postMessage({ type: 'token', text: portalHar.token, now: Date.now() });
        var key = new Uint8Array(16);
        crypto.getRandomValues(key);   // per file: markers of two files never match
        worker.postMessage({ type: 'sanitize', file: file || new Blob([]), key: key,
                             extra: JSON.parse(UTF8ToString(userTextsJson)), issuer: UTF8ToString(issuer) });
    },

    portal_js_token_inspect__deps: ['$portalHar', '$portalHarWorker'],
    portal_js_token_inspect: function (text) {
        portalHar.token = UTF8ToString(text);
        portalHarWorker().postMessage({ type: 'token', text: portalHar.token, now: Date.now() });
    },

    // --- test hook -------------------------------------------------------------
    portal_js_install_test_hook__deps: ['$portalDrafts'],
    portal_js_install_test_hook: function () {
        window.portalTest = {
            get frame() { return _portal_test_frame(); },
            // Frames handed to the browser: only those whose picture changed.
            get presented() { return _portal_test_presented(); },
            get nextRedrawMs() { return _portal_test_next_redraw_ms(); },
            // The clock the app uses, for tests: set with setNow(ms) to freeze it.
            setNow: function (ms) { _portal_test_set_now(ms); },
            // True once every input so far has been drawn and frames stopped.
            get idle() { return _portal_test_idle() !== 0; },
            // CPU milliseconds the last frame took inside the module.
            get frameMs() { return _portal_test_frame_ms(); },
            // ...of which the UI: ui::draw (with the SLA badges) and ImGui's layout.
            get uiMs() { return _portal_test_ui_ms(); },
            // ...and the accessibility mirror's update: its difference, and the DOM changes it made.
            get mirrorMs() { return _portal_test_mirror_ms(); },
            // Characters of the last frame's text drawn as ImGui's fallback (no glyph yet).
            get glyphsMissing() { return _portal_test_glyphs_missing(); },
            get fontExtension() { return ['not asked', 'fetching', 'loaded', 'failed'][_portal_test_font_extension()]; },
            get fontExtensionLettersPainted() { return _portal_test_font_extension_letters_painted(); },
            items: function () { return JSON.parse(UTF8ToString(_portal_test_items_json())); },
            screen: function () { return UTF8ToString(_portal_test_screen()); },
            // True once the drafts, the outbox and the snapshots kept on the
            // device have been read back into the app.
            get restored() { return portalDrafts.storesRead === 3; },
            // Main-thread milliseconds spent on edits and on handing drafts to the page.
            draftCosts: function () { return JSON.parse(UTF8ToString(_portal_test_draft_costs())); },
            // What each route's form holds, route -> draft (fields, answers, ...).
            forms: function () { return JSON.parse(UTF8ToString(_portal_test_forms_json())); },
        };
    },
});
