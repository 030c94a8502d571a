// The HAR worker's side of its conversation with the page (portal_library.js
// starts it). Messages in:
//   {type: 'sanitize', file: Blob, key: Uint8Array(16), extra: [text], issuer: text}
//   {type: 'token', text, now: ms}
// and out:
//   {type: 'progress', done, total}            at most every 100 ms
//   {type: 'done', report: JSON text, blob}    the sanitised file, by reference
//   {type: 'failed', message}
//   {type: 'token', report: JSON text}
// The file is read 4 MiB at a time (FileReaderSync: the worker may block),
// so neither its text nor its tree is ever whole in memory.
var harOutput = [];
var harReady = false;
var harWaiting = [];
var harChunkBytes = 4 << 20;

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

function harSanitize(message) {
    var file = message.file, total = file.size, done = 0, lastPost = 0;
    var reader = new FileReaderSync();
    var key = _malloc(16), texts = harString(JSON.stringify(message.extra || [])), issuer = harString(message.issuer || '');
    HEAPU8.set(message.key, key);
    _har_begin(key, texts, issuer);
    _free(key); _free(texts); _free(issuer);
    harOutput = [];
    var chunk = _malloc(harChunkBytes);
    var failed = null;
    try {
        while (done < total && !failed) {
            var bytes = new Uint8Array(reader.readAsArrayBuffer(file.slice(done, done + harChunkBytes)));
            HEAPU8.set(bytes, chunk);
            if (!_har_feed(chunk, bytes.length)) failed = UTF8ToString(_har_error());
            done += bytes.length;
            var now = Date.now();
            if (now - lastPost >= 100) {
                self.postMessage({ type: 'progress', done: done, total: total });
                lastPost = now;
            }
        }
        var report = failed ? 0 : _har_finish();
        if (!failed && !report) failed = UTF8ToString(_har_error());
        if (failed) {
            self.postMessage({ type: 'failed', message: failed });
        } else {
            var text = UTF8ToString(report);
            var blob = new Blob(harOutput, { type: 'application/json' });
            self.postMessage({ type: 'done', report: text, blob: blob, memory: HEAPU8.length });
        }
    } catch (error) {
        self.postMessage({ type: 'failed', message: 'The file could not be read: ' + (error && error.message || error) });
    }
    _free(chunk);
    _har_end();
    harOutput = [];
}

function harHandle(message) {
    if (message.type === 'sanitize') {
        harSanitize(message);
    } else if (message.type === 'token') {
        var text = harString(message.text);
        self.postMessage({ type: 'token', report: UTF8ToString(_token_inspect(text, message.now)) });
        _free(text);
    }
}
