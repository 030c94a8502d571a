// HAR sanitiser benchmark (issue 17): a generated HAR file of about 100 MB
// (build/native/har-bench --generate), sanitised
//   - in WASM, by the page's own HAR worker (public/har-worker.js) in
//     headless Chromium, the file handed over as a Blob as a picked file is
//     (median of 3 runs after a warm-up; peak WASM memory = the module's
//     memory at the end, as it only grows);
//   - natively a mebibyte at a time as the CLI does (median of 3, peak RSS);
// beside the floor a JavaScript sanitiser cannot beat, measured in the same
// Chromium page on the same Blob: JSON.parse plus JSON.stringify, with and
// without decoding the bytes to a string first (and in node too). Writes the
// "HAR sanitiser" section of docs/benchmarks.md. Builds nothing:
// `./portal bench` builds har-bench, portal-web and the worker first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSection } from './report.mjs';
import { launchBrowser, root, startService } from '../e2e/portal_harness.mjs';

const bench = path.join(root, 'build/native/har-bench');
if (!existsSync(bench)) {
    console.error(`har_bench: ${bench} is missing; build it: cmake --build --preset native --target har-bench`);
    process.exit(1);
}
const megabytes = Number(process.env.HAR_BENCH_MEGABYTES ?? 100);
const file = path.join(os.tmpdir(), `portal-har-bench-${megabytes}.har`);
const lastJson = (text) => JSON.parse(text.trim().split('\n').pop());

console.error(`har_bench: generating ${file}`);
const generated = lastJson(execFileSync(bench, ['--generate', file, '--megabytes', String(megabytes)]).toString());
console.error('har_bench: native sanitiser');
const native = lastJson(execFileSync(bench, ['--sanitize', file, '--runs', '3']).toString());

console.error('har_bench: JSON.parse + JSON.stringify in node');
const bytes = readFileSync(file);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const decode = [], roundTrip = [];
for (let run = 0; run < 3; run++) {
    let start = performance.now();
    const text = bytes.toString('utf8');
    decode.push(performance.now() - start);
    start = performance.now();
    const copy = JSON.stringify(JSON.parse(text));
    roundTrip.push(performance.now() - start);
    if (copy.length < 1000) throw new Error('the round trip lost the file');
}
console.error('har_bench: the HAR worker (WASM) and JSON.parse + JSON.stringify in headless Chromium');
// The service serves the file itself: handing 100 MB through the DevTools
// protocol (page.route) ends the browser. A folder of links: the worker,
// a page of the origin, the file.
const site = mkdtempSync(path.join(os.tmpdir(), 'portal-har-bench-site-'));
for (const name of ['har-worker.js', 'har-worker.wasm', 'favicon.svg']) symlinkSync(path.join(root, 'public', name), path.join(site, name));
symlinkSync(file, path.join(site, 'bench.har'));
const service = await startService([], { publicDir: site });
const browser = await launchBrowser();
// Each measurement in a page of its own: the JSON round trip of 100 MB may
// take the renderer past its memory, which must not lose the worker's figures.
async function inPage(measure) {
    const page = await browser.newPage();
    try {
        await page.goto(`${service.url}/favicon.svg`);   // any page of the origin: the worker is same-origin
        return await page.evaluate(measure);
    } catch (error) {
        return { failed: String(error.message ?? error).split('\n')[0] };
    } finally {
        await page.close().catch(() => {});
    }
}
let chromium, floor;
try {
    chromium = await inPage(async () => {
        const blob = await (await fetch('/bench.har')).blob();
        const worker = new Worker('/har-worker.js');
        const sanitize = (file) => new Promise((resolve, reject) => {
            worker.onmessage = (e) => {
                if (e.data.type === 'done') resolve(e.data);
                else if (e.data.type === 'failed') reject(new Error(e.data.message));
            };
            worker.onerror = (e) => reject(new Error(e.message));
            worker.postMessage({ type: 'sanitize', file, key: new Uint8Array(16), extra: [], issuer: '' });
        });
        const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
        // Warm-up: the module compiled and instantiated, on a small file.
        await sanitize(new Blob(['{"log":{"version":"1.2","entries":[]}}']));
        const runs = [];
        let memory = 0, output = 0;
        for (let run = 0; run < 3; run++) {
            const start = performance.now();
            const done = await sanitize(blob);
            runs.push({ ms: performance.now() - start, read: done.readMs, feed: done.feedMs, finish: done.finishMs });
            memory = Math.max(memory, done.memory);
            output = done.blob.size;
        }
        worker.terminate();
        const middle = runs.find((r) => r.ms === median(runs.map((x) => x.ms)));
        return { bytes: blob.size, wasmMs: middle.ms, readMs: middle.read, feedMs: middle.feed, finishMs: middle.finish,
                 memory, output, version: navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?' };
    });
    if (chromium.failed) throw new Error(`the HAR worker's run failed: ${chromium.failed}`);
    floor = await inPage(async () => {
        const blob = await (await fetch('/bench.har')).blob();
        const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
        const decode = [], roundTrip = [];
        for (let run = 0; run < 3; run++) {
            let start = performance.now();
            const text = await blob.text();
            decode.push(performance.now() - start);
            start = performance.now();
            const copy = JSON.stringify(JSON.parse(text));
            roundTrip.push(performance.now() - start);
            if (copy.length < 1000) throw new Error('the round trip lost the file');
        }
        return { decodeMs: median(decode), roundTripMs: median(roundTrip) };
    });
} finally {
    await browser.close();
    await service.stop();
    rmSync(site, { recursive: true, force: true });
}

const mbps = (ms) => generated.bytes / (ms / 1000) / 1e6;
const wasmMbps = mbps(chromium.wasmMs);
const chromeJs = floor.failed ? 0 : mbps(floor.roundTripMs);
const chromeJsWithDecode = floor.failed ? 0 : mbps(floor.roundTripMs + floor.decodeMs);
const wasmMemoryMb = (chromium.memory / 1048576).toFixed(0);
const jsOnly = mbps(median(roundTrip)), jsWithDecode = mbps(median(roundTrip) + median(decode));
const fixed = (value, digits = 0) => value.toFixed(digits);
const peakMb = (native.peak_kib / 1024).toFixed(1);
const sizeMb = (generated.bytes / 1e6).toFixed(1);

const body = `Command: \`./portal bench\` (or \`node tests/bench/har_bench.mjs\` after
\`cmake --build --preset native --target har-bench\`). Measured ${new Date().toISOString().slice(0, 10)} on
${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), node ${process.version}.

The file: ${sizeMb} MB, ${generated.entries.toLocaleString('en-US')} entries, generated deterministically
(tests/bench/har_bench.cpp): JSON API calls with tokens, redirects with codes and
cookies, form_post pages with an id_token, base64 PNG bodies, scripts; every
request has a Cookie and a bearer JWT.

| Run | Throughput | Goal | Memory |
|---|---|---|---|
| **WASM**: the HAR worker (public/har-worker.js, core/har at -O3) in headless Chromium ${chromium.version}, the file as a Blob read 4 MiB at a time | **${fixed(wasmMbps)} MB/s** (${fixed(chromium.wasmMs)} ms: reading ${fixed(chromium.readMs)}, sanitising ${fixed(chromium.feedMs)}, report and Blob ${fixed(chromium.finishMs)}) | ≥ 100 MB/s: ${wasmMbps >= 100 ? 'met' : '**missed**'}; faster than the JavaScript floor below: ${floor.failed || wasmMbps > chromeJsWithDecode ? 'yes' : '**no**'} | ${wasmMemoryMb} MB of WASM memory at peak for a ${sizeMb} MB file (goal ≤ 2× the file: ${chromium.memory <= 2 * generated.bytes ? 'met' : '**missed**'}); the sanitised copy (${(chromium.output / 1e6).toFixed(1)} MB) leaves as a Blob |
${floor.failed ? `| Chromium's \`JSON.stringify(JSON.parse(await blob.text()))\`, same Chromium, same Blob | did not finish: ${floor.failed} | the floor a JavaScript sanitiser cannot beat | the whole tree in memory |` : `| Chromium's \`JSON.stringify(JSON.parse(await blob.text()))\`, same Chromium, same Blob | ${fixed(chromeJsWithDecode)} MB/s (${fixed(floor.roundTripMs + floor.decodeMs)} ms) | the floor a JavaScript sanitiser cannot beat | the whole tree in memory |
| ...without the text decode | ${fixed(chromeJs)} MB/s (${fixed(floor.roundTripMs)} ms) | | |`}
| core::HarSanitizer, native (-O2), read 1 MiB at a time | **${fixed(native.mb_per_s)} MB/s** (${fixed(native.seconds * 1000)} ms; ${native.redactions.toLocaleString('en-US')} values redacted) | ≥ 100 MB/s: ${native.mb_per_s >= 100 ? 'met' : '**missed**'} | ${peakMb} MB resident at peak (≤ 2× the file: ${native.peak_kib * 1024 <= 2 * generated.bytes ? 'met' : '**missed**'}) |
| V8 \`JSON.stringify(JSON.parse(text))\` (node ${process.version}) | ${fixed(jsOnly)} MB/s (${fixed(median(roundTrip))} ms) | | |
| the same, with the UTF-8 decode of the bytes | ${fixed(jsWithDecode)} MB/s | | |

${floor.failed ? 'The JSON round trip did not finish in the page.' : `In the browser the worker runs ${fixed(wasmMbps / chromeJsWithDecode, 1)}× Chromium's own JSON round trip of the
same file (which only parses and prints: it removes nothing).`} Native runs ${fixed(native.mb_per_s / wasmMbps, 1)}× the WASM.
The worker's code is built for speed (cmake/har_worker.cmake: -O3 with inlining, bulk memory, libc++'s
string code inlined, and its own -O3 copy of the text readers); the page's copy of core stays built for
size. On this 2-core machine both Chromium figures vary by about a third from run to run.
`;
console.log(body);
console.error(`har_bench: wrote ${writeSection('HAR sanitiser', body)}`);
