// The HAR worker's calls out of C++: each piece of the sanitised file is
// copied out of the module's memory (which may grow, so HEAPU8 is read
// afresh) and kept for the Blob the page receives at the end.
// (A Blob per piece would save that copy, but costs the browser more to
// register than the copy: sanitising took twice as long.)
mergeInto(LibraryManager.library, {
    har_worker_emit: function (bytes, size) {
        harOutput.push(HEAPU8.slice(bytes, bytes + size));
    },
});
