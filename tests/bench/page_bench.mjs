// Page benchmark: what the page downloads before its first frame (gzip), the
// time from navigation to the first frame on a first visit (cold) and a
// second one (warm: service worker and HTTP cache), and main-thread busy
// time on the idle home screen. Writes docs/benchmarks.md. Run: ./portal bench
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { launchBrowser, root, startService } from '../e2e/portal_harness.mjs';
import { bytesBeforeFirstFrame, readBudget } from './first_frame_bytes.mjs';
import { writeSection } from './report.mjs';

const runs = 9;
const publicDir = path.join(root, 'public');
const idleSeconds = 10;
// Long enough to cross at least one minute boundary, when every badge's text changes.
const tickingSeconds = 65;

async function firstFrameMs(page) {
    await page.waitForFunction(() => performance.getEntriesByName('portal-first-frame').length > 0, null,
        { timeout: 15000 });
    return page.evaluate(() => performance.getEntriesByName('portal-first-frame')[0].startTime);
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

const service = await startService(['--demo']);   // demo tickets for the live-countdown idle figure
const browser = await launchBrowser();
try {
    // 1. Download size: every response before the first frame, gzip -9 each
    // (the same measure as the size-budget test).
    const { files, totalGzip } = await bytesBeforeFirstFrame(browser, `${service.url}/`);
    const budget = readBudget().gzip_bytes_before_first_frame;
    const restName = readdirSync(publicDir).find((name) => /^portal\.deferred-[0-9a-f]+\.wasm$/.test(name));
    const restBytes = restName ? readFileSync(path.join(publicDir, restName)) : null;

    // 2. First frame, fresh context each time (no HTTP cache, and no service
    // worker yet: these are first visits over the network, not the offline shell).
    const firstFrames = [];
    const restIn = [];
    // Where a cold first frame's time goes: marks set by boot.js and shell/web/main.cpp.
    const phaseMarks = ['portal-runtime-ready', 'portal-main', 'portal-main-done', 'portal-fonts-start',
                        'portal-fonts-built', 'portal-first-frame'];
    const phaseRuns = [];
    for (let i = 0; i < runs; i++) {
        const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const p = await ctx.newPage();
        await p.goto(`${service.url}/`);
        firstFrames.push(await firstFrameMs(p));
        // The rest of the split module (cmake/split_portal.mjs), in after the first frame.
        restIn.push(await p.evaluate(() => new Promise((resolve) => {
            const check = () => {
                const mark = performance.getEntriesByName('portal-rest-in')[0];
                if (mark || !window.portalDeferred.file) resolve(mark ? mark.startTime : NaN);
                else setTimeout(check, 10);
            };
            check();
        })));
        phaseRuns.push(await p.evaluate((names) => Object.fromEntries(names.map((name) => {
            const mark = performance.getEntriesByName(name)[0];
            return [name, mark ? mark.startTime : NaN];
        })), phaseMarks));
        await ctx.close();
    }

    // 2b. Warm first frame: a second visit, once the service worker controls
    // the page and the HTTP cache holds the files.
    const warmFrames = [];
    {
        const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const p = await ctx.newPage();
        await p.goto(`${service.url}/`);
        await firstFrameMs(p);
        await p.evaluate(() => navigator.serviceWorker.ready);
        await p.reload();
        await p.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
        for (let i = 0; i < runs; i++) {
            await p.reload();
            warmFrames.push(await firstFrameMs(p));
        }
        await ctx.close();
    }

    // 3. Idle cost: main-thread task time over 10 s, on the home screen and on
    // the tickets screen, where the countdowns tick once a second.
    async function idleBusyPercent(hash, seconds) {
        const idleContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        // The tickets screen needs a session: the demo support engineer's.
        await idleContext.request.post(`${service.url}/api/v1/session`,
            { data: { email: 'engineer@vendor.example', password: 'demo-password' } });
        const idlePage = await idleContext.newPage();
        await idlePage.goto(`${service.url}/${hash}`);
        await firstFrameMs(idlePage);
        await idlePage.waitForLoadState('networkidle');
        await idlePage.waitForTimeout(1000);
        const cdp = await idleContext.newCDPSession(idlePage);
        await cdp.send('Performance.enable');
        const taskDuration = async () =>
            (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
        const startTask = await taskDuration();
        const startWall = Date.now();
        await idlePage.waitForTimeout(seconds * 1000);
        const busySeconds = (await taskDuration()) - startTask;
        const wallSeconds = (Date.now() - startWall) / 1000;
        await idleContext.close();
        return (100 * busySeconds) / wallSeconds;
    }
    const busyPercent = await idleBusyPercent('#/', idleSeconds);
    const ticketsBusyPercent = await idleBusyPercent('#/tickets', tickingSeconds);

    const phaseWords = {
        'portal-runtime-ready': 'portal.wasm downloaded and compiled (from boot.js, as it arrives), instantiated',
        'portal-main': 'runtime started, main() entered',
        'portal-main-done': 'main() set up: WebGL2 context, ImGui, first effects, kept drafts',
        'portal-fonts-start': 'first frame begins (still in main(), no wait for an animation frame)',
        'portal-fonts-built': 'font atlas built at the device pixel ratio',
        'portal-first-frame': 'first frame laid out and drawn (the browser shows it at its next paint)',
    };
    const phaseTable = () => phaseMarks.map((name, i) => {
        const at = median(phaseRuns.map((r) => r[name]));
        const took = i === 0 ? at : median(phaseRuns.map((r) => r[name] - r[phaseMarks[i - 1]]));
        return `| ${phaseWords[name]} | ${at.toFixed(0)} | ${took.toFixed(0)} |`;
    }).join('\n');
    const chromium = execFileSync('/usr/bin/chromium', ['--version']).toString().trim();
    const kb = (bytes) => (bytes / 1024).toFixed(1);
    const verdict = (ok) => (ok ? 'met' : '**missed**');
    const report = `Command: \`./portal bench\` (tests/bench/page_bench.mjs), run on ${new Date().toISOString().slice(0, 10)}
with ${chromium}, headless, the page served by portal-web on 127.0.0.1, ${os.cpus().length} cores.

| Measure | Result | Goal | |
|---|---|---|---|
| Everything loaded before the first frame, gzip -9 | ${kb(totalGzip)} KB | ≤ 350 KB | ${verdict(totalGzip <= 350 * 1024)} |
| ... the size budget the tests enforce (tests/bench/size_budget.json) | ${kb(budget)} KB | | ${verdict(totalGzip <= budget)} |
| The rest of the module, fetched after the first frame (${restName ?? 'none: the module was left whole'}), gzip -9 | ${restBytes ? kb(gzipSync(restBytes, { level: 9 }).length) : '0'} KB | | |
| ... in and usable, cold, median of ${runs} | ${restBytes ? median(restIn).toFixed(0) + ' ms' : '-'} | | |
| Navigation to first frame, first visit (cold), median of ${runs} | ${median(firstFrames).toFixed(0)} ms | ≤ 300 ms | ${verdict(median(firstFrames) <= 300)} |
| Navigation to first frame, second visit (warm), median of ${runs} | ${median(warmFrames).toFixed(0)} ms | ≤ 150 ms | ${verdict(median(warmFrames) <= 150)} |
| Main thread busy on the idle home screen over ${idleSeconds} s (CDP TaskDuration) | ${busyPercent.toFixed(2)} % | ≤ 1 % | ${verdict(busyPercent <= 1)} |
| Main thread busy on the tickets screen, countdowns ticking, over ${tickingSeconds} s | ${ticketsBusyPercent.toFixed(2)} % | ≤ 1 % | ${verdict(ticketsBusyPercent <= 1)} |

With countdowns on screen the page draws a frame only at the seconds some words change (a badge's next
minute, its last minute's seconds, a time that gains its date: \`ui::next_redraw\`), so between them the
page is as idle as the home screen. A drawn frame costs little in the module (see "Tickets screen frame
cost"); presenting it is the expensive part here: Chromium composites the WebGL canvas with SwiftShader,
its software GL, reading the frame back on the main thread ("GPU stall due to ReadPixels"), about 0.1 s a
frame on this machine. The measure spans a minute boundary, when the demo tickets' badges change.
Goals are issue 13's (at most 1 % idle, with and without countdowns).

Cold runs (ms): ${firstFrames.map((v) => v.toFixed(0)).join(', ')}; warm runs (ms): ${warmFrames.map((v) => v.toFixed(0)).join(', ')}.
The first frame is the \`portal-first-frame\` performance mark the shell sets after drawing it; each cold
run uses a fresh browser context (empty HTTP cache, no service worker); warm runs reload one context whose
service worker is in control. Goals are issue 15's; the figures it was filed with: 870 ms cold from 449 KB (the walking skeleton
had 382 ms from 346 KB). Before the last of that work (main at c51dde2, 2026-12-06, this machine and Chromium,
medians of 11 and 9): cold 395-409 ms, warm 153 ms, 408 KB (drafts: 254 ms after the first frame, measured earlier that day); the wasm compiled
only once portal.js had run, main() waited for an animation frame, and the atlas rendered every glyph twice as wide.
The size goal was met on 2026-12-07, from 361.4 KB: accented letters (Latin-1's too) left the compiled-in faces for
the ones fetched when such a letter shows (4 KB), emcc's glue is minified inside a function scope (2.8 KB), emmalloc
replaced dlmalloc (2.4 KB), the page's C++ is compiled with -Oz and without RTTI (2.8 KB), and wasm-opt -Oz runs once
more after emcc (1 KB). The HAR screen then took it to 363.3 KB, and on 2026-12-08 the module was split by what
a start runs (cmake/split_portal.mjs, binaryen's wasm-split guided by a profile of the page starting in Chromium):
the rest (the HAR screen, the users' admin, the account page, error paths) comes after the first frame, compiled in
the background. A warm start (the service worker in control) reads the rest's bytes from the cache before main()
starts, so a deep link into it opens offline; that read is part of the warm figure (87 ms before the split, on
2026-12-07). On loopback, where bytes cost nothing, the split does not make the cold first frame faster: an A/B of
one build split and left whole (2026-12-08, medians of 11 cold runs, two rounds each) gave 285 and 322 ms split,
307 and 260 ms whole; the last step (font atlas to drawn frame) takes about 48 ms split against 37 whole, though
no function of the rest runs then (\`portalDeferred.loadedBy\` is 'background'). On a real network the
110 KB less before the first frame count for more. Cold times vary by
about 50 ms at the median from run to run on this machine; compare several runs.

Where a cold first frame's time goes (medians of the ${runs} cold runs, ms from navigation):

| Step | Reached at | Took |
|---|---|---|
${phaseTable()}

Files loaded before the first frame:

| File | Bytes | gzip -9 |
|---|---|---|
${files.map((f) => `| ${f.name} | ${f.raw} | ${f.gzip} |`).join('\n')}
`;
    writeSection('Page load and idle cost', report);
    console.log(report);
} finally {
    await browser.close();
    await service.stop();
}
