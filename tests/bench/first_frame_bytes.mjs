// What a first visit downloads before the portal's first frame: each
// response's body, raw and gzip -9. Shared by the page benchmark (which
// reports it) and the size-budget test (which fails the build above
// tests/bench/size_budget.json). Sizes are deterministic; times are not, and
// stay in the benchmark.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const budgetFile = new URL('./size_budget.json', import.meta.url);

export function readBudget() {
    return JSON.parse(readFileSync(budgetFile, 'utf8'));
}

export async function bytesBeforeFirstFrame(browser, url) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
        const page = await context.newPage();
        const reads = [];
        let drawn = false;
        page.on('response', (response) => {
            if (drawn) return;   // asked for after the first frame: not part of it
            reads.push(response.body().then((body) => ({ url: response.url(), body }), () => null));
        });
        await page.goto(url);
        await page.waitForFunction(() => performance.getEntriesByName('portal-first-frame').length > 0, null,
            { timeout: 15000 });
        // Responses that began before the mark: the page's own record of them.
        const before = new Set(await page.evaluate(() => {
            const frame = performance.getEntriesByName('portal-first-frame')[0].startTime;
            return [performance.getEntriesByType('navigation')[0].name, ...performance.getEntriesByType('resource')
                .filter((r) => r.startTime < frame).map((r) => r.name)];
        }));
        drawn = true;
        const seen = new Set();
        const files = [];
        for (const read of await Promise.all(reads)) {
            if (!read || !before.has(read.url) || seen.has(read.url)) continue;
            seen.add(read.url);
            files.push({ name: new URL(read.url).pathname, raw: read.body.length,
                         gzip: gzipSync(read.body, { level: 9 }).length });
        }
        files.sort((a, b) => a.name.localeCompare(b.name));
        return { files, totalGzip: files.reduce((sum, f) => sum + f.gzip, 0) };
    } finally {
        await context.close();
    }
}
