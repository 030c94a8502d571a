// The service worker, as a person meets it: after one online visit the portal
// opens with the network off (and with the service gone), and a new
// deployment waits until the person presses "Reload to update".
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
    clickItem, findItem, items, launchBrowser, root, screenshot, settle, startService, typeInto, waitForFrame, waitForScreen,
    watchConsole,
} from './portal_harness.mjs';

const updateText = 'A new version of the Support Portal is ready.';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// Requests the page makes while offline fail, and Chromium logs each one; any
// other console error still fails the test.
function unexpected(errors) {
    return errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|network error/i.test(e));
}

// Every URL kept by the page's caches, by cache name.
async function cachedUrls(page) {
    return page.evaluate(async () => {
        const result = {};
        for (const name of await caches.keys()) {
            result[name] = (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname);
        }
        return result;
    });
}

// One online visit, then a reload so the installed worker controls the page.
async function visitOnce(context, url) {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${url}/?test=1`);
    await waitForFrame(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await waitForFrame(page);
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the worker controls the page');
    await findItem(page, 'Onboarding');
    return { page, errors };
}

// A field's text as the app holds it, read back through the clipboard.
async function fieldText(page, label) {
    await clickItem(page, label);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    await settle(page);
    return page.evaluate(() => navigator.clipboard.readText());
}

async function expectHome(page) {
    await waitForFrame(page);
    await waitForScreen(page, '#/');
    for (const title of ['Onboarding', 'Production', 'Advanced features']) await findItem(page, title);
}

test('after one online visit the portal opens offline, deep links too, and without the service', async () => {
    const service = await startService();
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, timezoneId: 'Europe/Berlin' });
    try {
        const { page, errors } = await visitOnce(context, service.url);
        // The viewer's zone was fetched under the worker, so it is kept.
        await page.waitForFunction(async () => {
            for (const name of await caches.keys()) {
                if (await (await caches.open(name)).match('zoneinfo/Europe/Berlin')) return true;
            }
            return false;
        }, null, { timeout: 10000 });
        const kept = Object.values(await cachedUrls(page));
        // The program is not kept: the service answered 304 to the portal's
        // compiled-in program's tag, and offline the portal uses that one
        // (a service whose program differs answers 200, which is kept).
        assert.ok(!kept[0].includes('/api/v1/program'), 'an unchanged program is not downloaded, so not kept');
        assert.equal(kept.length, 1, 'one versioned cache');
        for (const file of ['/index.html', '/boot.js', '/favicon.svg', '/portal.js', '/portal.wasm',
            '/har-worker.js', '/har-worker.wasm',
            '/fonts/inter-regular-accented.otf', '/fonts/inter-semibold-accented.otf']) {
            assert.ok(kept[0].includes(file), `${file} is cached`);
        }
        assert.ok(kept[0].some((p) => /^\/portal\.deferred-[0-9a-f]{12}\.wasm$/.test(p)),
            'the rest of the split module is cached, for screens whose code is not part of a start');
        assert.ok(!kept[0].some((p) => p.startsWith('/api/') && p !== '/api/v1/program'), 'no private API data cached');

        await context.setOffline(true);
        await page.reload();
        await expectHome(page);
        await screenshot(page, 'offline-1-home');

        const deep = await context.newPage();
        const deepErrors = watchConsole(deep);
        await deep.goto(`${service.url}/?test=1#/route/onboarding`);
        await waitForFrame(deep);
        await waitForScreen(deep, '#/route/onboarding');
        await findItem(deep, /tenant/i);
        await screenshot(deep, 'offline-2-deep-link');
        await deep.close();

        // The HAR screen too: its worker was kept, and nothing there needs the network.
        const har = await context.newPage();
        const harErrors = watchConsole(har);
        await har.goto(`${service.url}/?test=1#/har`);
        await waitForFrame(har);
        const [chooser] = await Promise.all([har.waitForEvent('filechooser'), clickItem(har, 'Choose a HAR file\u2026')]);
        await chooser.setFiles(path.join(root, '..', 'shared', 'fixtures', 'har', 'jfromaniello-har-sanitizer_example.har'));
        await findItem(har, /^The flow stopped at entry 2/, { timeout: 20000 });
        await screenshot(har, 'offline-2b-har');
        assert.deepEqual(unexpected(harErrors), []);
        await har.close();

        // Real unreachability: the service is gone, the network "on".
        await context.setOffline(false);
        await service.stop();
        await page.reload();
        await expectHome(page);
        // The zone came from the cache: no "could not be loaded" notice.
        assert.ok(!(await items(page)).some((i) => /could not be loaded/.test(i.label)));
        await screenshot(page, 'offline-3-service-stopped');

        assert.deepEqual(unexpected(errors), []);
        assert.deepEqual(unexpected(deepErrors), []);
    } finally {
        await context.close();
        await service.stop();
    }
});

test('a new deployment waits for "Reload to update", then replaces the old cache', async () => {
    // A deployment of our own that this test can change.
    const site = mkdtempSync(path.join(tmpdir(), 'portal-site-'));
    cpSync(path.join(root, 'public'), site, { recursive: true, verbatimSymlinks: true });
    const service = await startService([], { publicDir: site });
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    try {
        const { page, errors } = await visitOnce(context, service.url);
        const oldCaches = Object.keys(await cachedUrls(page));
        assert.equal(oldCaches.length, 1);

        // Nothing waits yet: no banner.
        assert.ok(!(await items(page)).some((i) => i.label === updateText));

        // Deploy: the page's own script differs by a comment, and the worker's
        // version with it (as the build would write it).
        appendFileSync(path.join(site, 'boot.js'), '\n// deployment 2\n');
        const workerFile = path.join(site, 'service-worker.js');
        const worker = readFileSync(workerFile, 'utf8');
        const oldVersion = worker.match(/const VERSION = '([0-9a-f]+)'/)[1];
        const newVersion = `${oldVersion.slice(0, 8)}deploy02`;
        writeFileSync(workerFile, worker.replace(`const VERSION = '${oldVersion}'`, `const VERSION = '${newVersion}'`));
        assert.deepEqual(oldCaches, [`support-portal-${oldVersion}`]);

        // Someone is typing when the deployment lands.
        await clickItem(page, 'Onboarding');
        await waitForScreen(page, '#/route/onboarding');
        await typeInto(page, /^Tenant slug/, 'acme-prod');

        // A long-open tab checks for deployments (boot.js does this when the
        // tab is shown again and hourly).
        await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
        await findItem(page, updateText, { timeout: 15000 });
        await findItem(page, 'Reload to update');
        await screenshot(page, 'offline-4-update-ready');
        // Still the old version until the person agrees.
        assert.deepEqual(Object.keys(await cachedUrls(page)).sort(),
            [`support-portal-${newVersion}`, `support-portal-${oldVersion}`].sort());
        assert.ok(!(await page.evaluate(() => fetch('boot.js').then((r) => r.text()))).includes('deployment 2'));

        const reloaded = page.waitForEvent('load');
        await clickItem(page, 'Reload to update');
        await reloaded;
        await waitForFrame(page);
        await waitForScreen(page, '#/route/onboarding');
        assert.equal(await fieldText(page, /^Tenant slug/), 'acme-prod', 'what was typed survives the update');
        assert.ok(await page.evaluate(() => fetch('boot.js').then((r) => r.text())).then((t) => t.includes('deployment 2')),
            'the page runs the new deployment');
        assert.deepEqual(Object.keys(await cachedUrls(page)), [`support-portal-${newVersion}`], 'old caches are gone');
        assert.ok(!(await items(page)).some((i) => i.label === updateText), 'no banner under the new version');
        await screenshot(page, 'offline-5-updated');
        assert.deepEqual(errors, []);
    } finally {
        await context.close();
        await service.stop();
        rmSync(site, { recursive: true, force: true });
    }
});
