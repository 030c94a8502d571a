// The page's module comes in two parts (cmake/split_portal.mjs): portal.wasm,
// what a start runs, and the rest, fetched after the first frame. A person
// never notices: the rest arrives in the background, and a screen whose code
// is in the rest still opens on a deep link, before the rest would have come.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findItem, useService, waitForFrame, waitForScreen, watchConsole } from './portal_harness.mjs';

const run = useService();
const restPattern = /\/portal\.deferred-[0-9a-f]{12}\.wasm$/;

test('a first visit draws from portal.wasm alone, then brings the rest in the background', async () => {
    const context = await run.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
        const page = await context.newPage();
        const errors = watchConsole(page);
        // Without ?test=1: the test hook's code is not part of a real start.
        await page.goto(`${run.service.url}/`);
        await page.waitForFunction(() => performance.getEntriesByName('portal-first-frame').length > 0, null,
            { timeout: 15000 });
        await page.waitForFunction(() => window.portalDeferred.loaded, null, { timeout: 10000 });
        const timing = await page.evaluate(() => ({
            frame: performance.getEntriesByName('portal-first-frame')[0].startTime,
            rest: performance.getEntriesByType('resource').filter((r) => /portal\.deferred-/.test(r.name))
                .map((r) => ({ name: r.name, start: r.startTime })),
            file: window.portalDeferred.file,
            by: window.portalDeferred.loadedBy,
        }));
        assert.match(timing.file, /^portal\.deferred-[0-9a-f]{12}\.wasm$/, 'portal.wasm names its rest');
        assert.equal(timing.rest.length, 1, 'the rest is fetched once');
        assert.match(timing.rest[0].name, restPattern);
        assert.ok(timing.rest[0].start >= timing.frame,
            `the rest was asked for at ${timing.rest[0].start} ms, before the first frame at ${timing.frame} ms`);
        assert.equal(timing.by, 'background', 'nothing on the home screen waited for the rest');

        // A screen from the rest now opens at once (read from the accessibility mirror).
        await page.evaluate(() => { location.hash = '#/har'; });
        await page.getByRole('button', { name: 'Choose a HAR file\u2026' }).waitFor({ timeout: 10000 });
        assert.deepEqual(errors, []);
    } finally {
        await context.close();
    }
});

test('a deep link into the rest opens before the rest would have come', async () => {
    const context = await run.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
        const page = await context.newPage();
        const errors = watchConsole(page);
        await page.goto(`${run.service.url}/?test=1#/har`);
        await waitForFrame(page);
        await waitForScreen(page, '#/har');
        await findItem(page, 'Choose a HAR file\u2026');
        const by = await page.evaluate(() => window.portalDeferred.loadedBy);
        assert.equal(by, 'placeholder', 'the HAR screen is not part of a start: its first call brought the rest in');
        // Only the sync fallback's deprecation notice may show; no failure.
        assert.deepEqual(errors.filter((e) => !/Synchronous XMLHttpRequest/.test(e)), []);
    } finally {
        await context.close();
    }
});
