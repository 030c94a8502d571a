// Offline drafting and exactly-once delivery, as a person meets them: the
// network goes, the request is queued (and says so), the network comes back
// and exactly one ticket exists on the service with what was typed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
    clickItem, findItem, screenshotDir, typeInto, useDemo, waitForFrame, watchConsole,
} from './portal_harness.mjs';
import { mkdirSync } from 'node:fs';

const demo = useDemo();

async function signedInContext(options = {}) {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 3400 }, ...options });
    const answer = await context.request.post(`${demo.service.url}/api/v1/session`,
        { data: { email: 'admin@acme.example', password: 'demo-password' } });
    assert.equal(answer.status(), 200);
    return context;
}

// The tickets the service holds whose summary is `summary`, asked by another
// signed-in client (the page under test may be offline).
async function ticketsOnService(summary) {
    const context = await signedInContext();
    const answer = await context.request.get(`${demo.service.url}/api/v1/tickets?limit=500`);
    assert.equal(answer.status(), 200);
    const found = (await answer.json()).items.filter((t) => t.summary === summary);
    await context.close();
    return found;
}

// The top of the (tall) page, where the header and the news are.
async function screenshot(page, name, y = 0) {
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: `${screenshotDir}/${name}.png`, clip: { x: 0, y, width: 1280, height: 1000 } });
}

async function fillGeneral(page, summary) {
    await clickItem(page, 'My problem is something else');   // the demo's EU incident comes first
    await clickItem(page, 'All or most users');
    await typeInto(page, 'Summary', summary);
    await typeInto(page, 'Description', 'Every sign-in ends on a blank page.\nSeen in Chrome and Firefox.');
    await clickItem(page, /^Severity 3/);
}

test('offline: the request is queued, and back online exactly one ticket is filed', async () => {
    const context = await signedInContext();
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1#/route/general`);
    await waitForFrame(page);
    await findItem(page, 'Connection: Online', { timeout: 10000 });

    await context.setOffline(true);
    await findItem(page, 'Connection: Offline');
    const summary = `Offline request ${Date.now()}`;
    await fillGeneral(page, summary);
    await clickItem(page, 'Submit request');
    await findItem(page, 'Queued, will be sent when you are online');
    await findItem(page, 'Connection: Offline \u00b7 1 queued');
    await screenshot(page, 'outbox-1-queued');
    assert.equal((await ticketsOnService(summary)).length, 0, 'nothing reached the service while offline');

    await context.setOffline(false);
    await page.waitForFunction(() => /^#\/tickets\/T-/.test(window.portalTest.screen()), null, { timeout: 15000 });
    await findItem(page, summary, { timeout: 10000 });
    await screenshot(page, 'outbox-2-delivered');
    const filed = await ticketsOnService(summary);
    assert.equal(filed.length, 1, 'exactly one ticket');
    assert.equal(await page.evaluate(() => window.portalTest.screen()), `#/tickets/${filed[0].id}`);
    assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
    await context.close();
});
