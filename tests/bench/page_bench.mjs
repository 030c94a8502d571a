// Page benchmark: what the page downloads before its first frame (gzip), the
// time from navigation to the first frame, and main-thread busy time on the
// idle home screen. Writes docs/benchmarks.md. Run: ./portal bench
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { launchBrowser, startService } from '../e2e/portal_harness.mjs';
import { writeSection } from './report.mjs';

const runs = 5;
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
    // 1. Download size: every response before the first frame, gzip -9 each.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const bodies = [];
    page.on('response', async (response) => {
        if (bodies.some((b) => b.url === response.url())) return;
        try { bodies.push({ url: response.url(), body: await response.body() }); } catch { /* redirects */ }
    });
    await page.goto(`${service.url}/`);
    await firstFrameMs(page);
    await page.waitForTimeout(200);   // let the response handlers finish reading bodies
    const files = bodies.map(({ url, body }) => ({
        name: new URL(url).pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length,
    }));
    const totalGzip = files.reduce((sum, f) => sum + f.gzip, 0);
    await context.close();

    // 2. First frame, fresh context each time (no HTTP cache, and no service
    // worker yet: these are first visits over the network, not the offline shell).
    const firstFrames = [];
    for (let i = 0; i < runs; i++) {
        const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const p = await ctx.newPage();
        await p.goto(`${service.url}/`);
        firstFrames.push(await firstFrameMs(p));
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

    const chromium = execFileSync('/usr/bin/chromium', ['--version']).toString().trim();
    const kb = (bytes) => (bytes / 1024).toFixed(1);
    const verdict = (ok) => (ok ? 'met' : '**missed**');
    const report = `Command: \`./portal bench\` (tests/bench/page_bench.mjs), run on ${new Date().toISOString().slice(0, 10)}
with ${chromium}, headless, the page served by portal-web on 127.0.0.1, ${os.cpus().length} cores.

| Measure | Result | Goal | |
|---|---|---|---|
| Everything loaded before the first frame, gzip -9 | ${kb(totalGzip)} KB | ≤ 800 KB | ${verdict(totalGzip <= 800 * 1024)} |
| Navigation to first frame, median of ${runs} | ${median(firstFrames).toFixed(0)} ms | ≤ 1000 ms | ${verdict(median(firstFrames) <= 1000)} |
| Main thread busy on the idle home screen over ${idleSeconds} s (CDP TaskDuration) | ${busyPercent.toFixed(2)} % | ≤ 1 % | ${verdict(busyPercent <= 1)} |
| Main thread busy on the tickets screen, countdowns ticking, over ${tickingSeconds} s | ${ticketsBusyPercent.toFixed(2)} % | ≤ 1 % | ${verdict(ticketsBusyPercent <= 1)} |

With countdowns on screen the page draws a frame only at the seconds some words change (a badge's next
minute, its last minute's seconds, a time that gains its date: \`ui::next_redraw\`), so between them the
page is as idle as the home screen. A drawn frame costs little in the module (see "Tickets screen frame
cost"); presenting it is the expensive part here: Chromium composites the WebGL canvas with SwiftShader,
its software GL, reading the frame back on the main thread ("GPU stall due to ReadPixels"), about 0.1 s a
frame on this machine. The measure spans a minute boundary, when the demo tickets' badges change.
Goals are issue 13's (at most 1 % idle, with and without countdowns).

First-frame runs (ms): ${firstFrames.map((v) => v.toFixed(0)).join(', ')}. The first frame is the
\`portal-first-frame\` performance mark the shell sets after drawing it; each run uses a
fresh browser context (empty HTTP cache).

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
