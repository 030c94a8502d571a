// The HAR worker's side of its conversation with the page (portal_library.js
// starts it). Messages in:
//   {type: 'sanitize', file: Blob, key: Uint8Array(16), extra: [text], issuer: text}
//   {type: 'token', text, now: ms}
// and out:
//   {type: 'progress', done, total}            at most every 100 ms
//   {type: 'done', report: JSON text, blob}    the sanitised file, by reference
//   {type: 'failed', message}
//   {type: 'token', report: JSON text}
// The file is read 4 MiB at a time, the next piece while this one is
// sanitised, so neither its text nor its tree is ever whole in memory and
// reading costs no time of its own. One file at a time: a second waits.
var harOutput = [];
var harReady = false;
var harWaiting = [];
var harChunkBytes = 4 << 20;
var harReadAhead = 3;

Module.onRuntimeInitialized = function () {
    harReady = true;
    harWaiting.splice(0).forEach(harHandle);
};

self.onmessage = function (event) {
    if (harReady) harHandle(event.data);
    else harWaiting.push(event.data);
};

function harString(text) {
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
}

async function harSanitize(message) {
    var file = message.file, total = file.size, done = 0, lastPost = 0;
    var key = _malloc(16), texts = harString(JSON.stringify(message.extra || [])), issuer = harString(message.issuer || '');
    HEAPU8.set(message.key, key);
    _har_begin(key, texts, issuer);
    _free(key); _free(texts); _free(issuer);
    harOutput = [];
    var chunk = _malloc(harChunkBytes);
    var failed = null;
    var readMs = 0, feedMs = 0, at;   // where the time goes, for the benchmark
    // A few pieces are asked for ahead: the browser reads them on its own
    // threads while this one is sanitised.
    var ahead = [], asked = 0;
    var askAhead = function () {
        while (ahead.length < harReadAhead && asked < total) {
            ahead.push(file.slice(asked, asked + harChunkBytes).arrayBuffer());
            asked += harChunkBytes;
        }
    };
    try {
        askAhead();
        while (done < total && !failed) {
            at = performance.now();
            var bytes = new Uint8Array(await ahead.shift());
            readMs += performance.now() - at;   // only the wait: the read ran during earlier pieces' work
            askAhead();
            var following = done + bytes.length;
            at = performance.now();
            HEAPU8.set(bytes, chunk);
            if (!_har_feed(chunk, bytes.length)) failed = UTF8ToString(_har_error());
            feedMs += performance.now() - at;
            if (bytes.length === 0) failed = failed || 'The file could not be read to its end.';
            done = following;
            var now = Date.now();
            if (now - lastPost >= 100) {
                self.postMessage({ type: 'progress', done: done, total: total });
                lastPost = now;
            }
        }
        at = performance.now();
        var report = failed ? 0 : _har_finish();
        if (!failed && !report) failed = UTF8ToString(_har_error());
        if (failed) {
            self.postMessage({ type: 'failed', message: failed });
        } else {
            var text = UTF8ToString(report);
            var blob = new Blob(harOutput, { type: 'application/json' });
            var finishMs = performance.now() - at;
            self.postMessage({ type: 'done', report: text, blob: blob, memory: HEAPU8.length,
                               readMs: readMs, feedMs: feedMs, finishMs: finishMs });
        }
    } catch (error) {
        self.postMessage({ type: 'failed', message: 'The file could not be read: ' + (error && error.message || error) });
    }
    _free(chunk);
    _har_end();
    harOutput = [];
}

var harQueue = Promise.resolve();

function harHandle(message) {
    if (message.type === 'sanitize') {
        harQueue = harQueue.then(function () { return harSanitize(message); });
    } else if (message.type === 'token') {
        var text = harString(message.text);
        self.postMessage({ type: 'token', report: UTF8ToString(_token_inspect(text, message.now)) });
        _free(text);
    }
}
