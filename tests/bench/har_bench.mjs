// HAR sanitiser benchmark (issue 17): a generated HAR file of about 100 MB
// (build/native/har-bench --generate), sanitised natively a mebibyte at a
// time as the CLI does (median of 3 runs, peak resident memory), beside the
// floor a JavaScript sanitiser cannot beat: V8's JSON.parse plus
// JSON.stringify of the same text (node, the V8 Chromium ships), with and
// without decoding the bytes to a string first. Writes the "HAR sanitiser"
// section of docs/benchmarks.md. Builds nothing: `./portal bench` builds
// har-bench first.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSection } from './report.mjs';
import { root } from '../e2e/portal_harness.mjs';

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
const mbps = (ms) => generated.bytes / (ms / 1000) / 1e6;
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
| core::HarSanitizer, native (-O2), read 1 MiB at a time | **${fixed(native.mb_per_s)} MB/s** (${fixed(native.seconds * 1000)} ms; ${native.redactions.toLocaleString('en-US')} values redacted) | ≥ 100 MB/s: ${native.mb_per_s >= 100 ? 'met' : '**missed**'} | ${peakMb} MB resident at peak for a ${sizeMb} MB file (goal ≤ 2× the file: ${native.peak_kib * 1024 <= 2 * generated.bytes ? 'met' : '**missed**'}) |
| V8 \`JSON.stringify(JSON.parse(text))\` (node) | ${fixed(jsOnly)} MB/s (${fixed(median(roundTrip))} ms) | the floor a JavaScript sanitiser cannot beat | the whole tree in memory |
| the same, with the UTF-8 decode of the bytes | ${fixed(jsWithDecode)} MB/s | | |

Native runs ${fixed(native.mb_per_s / jsWithDecode, 1)}× the JavaScript floor. The issue's goal is
the WASM figure in headless Chromium, measured in the HAR worker, which comes with
the #/har page; until then this section has the native figure and the node floor.
`;
console.log(body);
console.error(`har_bench: wrote ${writeSection('HAR sanitiser', body)}`);
