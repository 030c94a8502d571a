// Offline drafting and exactly-once delivery, as a person meets them: the
// network goes, the request is queued (and says so), the network comes back
// and exactly one ticket exists on the service with what was typed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
    clickItem, faultExitCode, findItem, labels, root, screenshotDir, signedInContext as signedIn, startService,
    settle, typeInto, useDemo, waitForFrame, watchConsole,
} from './portal_harness.mjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const demo = useDemo();

async function signedInContext(service = demo.service) {
    return signedIn(demo.browser, service.url, 'admin@acme.example', { viewport: { width: 1280, height: 3400 } });
}

// The tickets the service holds whose summary is `summary`, asked by another
// signed-in client (the page under test may be offline).
async function ticketsOnService(summary, service = demo.service) {
    const context = await signedInContext(service);
    const answer = await context.request.get(`${service.url}/api/v1/tickets?limit=500`);
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
    // The demo's open EU incident comes first, when the status can be read:
    // wait for the status answer (or its failure) before looking.
    await page.waitForLoadState('networkidle');
    await settle(page);
    if ((await labels(page)).includes('My problem is something else')) await clickItem(page, 'My problem is something else');
    await clickItem(page, 'All or most users');
    await typeInto(page, 'Summary', summary);
    await typeInto(page, 'Description', 'Every sign-in ends on a blank page.\nSeen in Chrome and Firefox.');
    await clickItem(page, /^Severity 3/);
}

// One online visit (the shell and this visit's zone are then cached), then
// the network goes and the page reloads on the General form.
async function offlineOnGeneral(context, page) {
    await page.goto(`${demo.service.url}/?test=1#/tickets`);
    await waitForFrame(page);
    await findItem(page, 'Connection: Online', { timeout: 10000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => caches.match('zoneinfo/UTC').then((r) => r !== undefined), null,
        { timeout: 10000, polling: 200 });
    await context.setOffline(true);
    await page.goto(`${demo.service.url}/?test=1#/route/general`);
    await page.reload();
    await waitForFrame(page);
    await findItem(page, 'Connection: Offline', { timeout: 10000 });
}

test('offline after one visit: the portal opens, queues the request, and back online files exactly one ticket', async () => {
    const context = await signedInContext();
    const page = await context.newPage();
    const errors = watchConsole(page);
    // The network goes after one visit; a reload still opens the portal, as
    // the person the device remembers, on the request form.
    await offlineOnGeneral(context, page);
    await findItem(page, 'Summary', { timeout: 10000 });
    const summary = `Offline request ${Date.now()}`;
    await fillGeneral(page, summary);
    await clickItem(page, 'Submit request');
    await findItem(page, 'Queued, will be sent when you are online');
    await findItem(page, 'Connection: Offline \u00b7 1 queued');
    await screenshot(page, 'outbox-1-queued');
    // The Drafts screen says it is on its way, and it cannot be discarded there.
    await clickItem(page, 'Drafts (1)');
    await findItem(page, /^Queued to be sent/);
    await clickItem(page, 'Resume General question draft');
    await findItem(page, 'Queued, will be sent when you are online');
    assert.equal((await ticketsOnService(summary)).length, 0, 'nothing reached the service while offline');

    await context.setOffline(false);
    await page.waitForFunction(() => /^#\/tickets\/T-/.test(window.portalTest.screen()), null, { timeout: 15000 });
    await findItem(page, summary, { timeout: 10000 });
    await screenshot(page, 'outbox-2-delivered');
    const filed = await ticketsOnService(summary);
    assert.equal(filed.length, 1, 'exactly one ticket');
    assert.equal(await page.evaluate(() => window.portalTest.screen()), `#/tickets/${filed[0].id}`);
    assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to fetch/.test(e)), []);
    await context.close();
});

test('a request queued offline keeps its HAR file after the tab is closed, and its ticket gets the file', async () => {
    const context = await signedInContext();
    let page = await context.newPage();
    const errors = watchConsole(page);
    await offlineOnGeneral(context, page);
    const summary = `Offline request with a HAR file ${Date.now()}`;
    await fillGeneral(page, summary);
    // The HAR screen works offline: the file is read and sanitised on the device.
    await clickItem(page, 'Add a HAR file\u2026');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Choose a HAR file\u2026')]);
    await chooser.setFiles(path.join(root, '..', 'shared', 'fixtures', 'har', 'jfromaniello-har-sanitizer_example.har'));
    await findItem(page, /^The flow stopped at entry 2/, { timeout: 20000 });
    await clickItem(page, /^Attach to the .* request$/);
    const fileLine = /^jfromaniello-har-sanitizer_example-sanitized\.har \(\d+ KB\), sent with the request$/;
    await findItem(page, fileLine);
    await clickItem(page, 'Submit request');
    await findItem(page, 'Queued, will be sent when you are online');
    assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to fetch/.test(e)), []);
    await page.close();

    // A new tab, still offline: the queued request and its file came back from the device.
    page = await context.newPage();
    const laterErrors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1#/route/general`);
    await waitForFrame(page);
    await findItem(page, 'Queued, will be sent when you are online', { timeout: 10000 });
    await findItem(page, fileLine);
    await screenshot(page, 'outbox-3-queued-with-file');

    await context.setOffline(false);
    await page.waitForFunction(() => /^#\/tickets\/T-/.test(window.portalTest.screen()), null, { timeout: 15000 });
    await findItem(page, 'Download jfromaniello-har-sanitizer_example-sanitized.har', { timeout: 15000 });
    const filed = await ticketsOnService(summary);
    assert.equal(filed.length, 1, 'exactly one ticket');
    const api = await signedInContext();
    const list = await (await api.request.get(`${demo.service.url}/api/v1/tickets/${filed[0].id}/attachments`)).json();
    assert.deepEqual(list.attachments.map((a) => a.file_name), ['jfromaniello-har-sanitizer_example-sanitized.har']);
    await api.close();
    assert.deepEqual(laterErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to fetch/.test(e)), []);
    await context.close();
});

test('the service dies after storing the ticket, before answering: the retry still makes one ticket', async () => {
    const service = await startService(['--demo', '--fault=exit-after-ticket-stored']);
    try {
        const context = await signedInContext(service);
        const page = await context.newPage();
        await page.goto(`${service.url}/?test=1#/route/general`);
        await waitForFrame(page);
        const summary = `Filed across a crash ${Date.now()}`;
        await fillGeneral(page, summary);
        await clickItem(page, 'Submit request');

        // The connection drops: the request is queued under its key and the
        // header says the service is unreachable.
        assert.equal(await service.exited, faultExitCode);
        await findItem(page, 'Queued, will be sent when the service can be reached', { timeout: 10000 });
        await findItem(page, 'Connection: Service unreachable \u00b7 1 queued', { timeout: 10000 });
        await screenshot(page, 'outbox-3-unreachable');

        await service.restart();
        // Retries back off (2 s, 4 s, ... with jitter); one reaches the service
        // again, whose idempotency answers with the ticket it already stored.
        await page.waitForFunction(() => /^#\/tickets\/T-/.test(window.portalTest.screen()), null, { timeout: 30000 });
        const filed = await ticketsOnService(summary, service);
        assert.equal(filed.length, 1, 'exactly one ticket');
        assert.equal(await page.evaluate(() => window.portalTest.screen()), `#/tickets/${filed[0].id}`);
        await findItem(page, 'Connection: Online');
        await context.close();
    } finally {
        await service.stop();
    }
});

test('a queued request the service rejects comes back to its form with the error on the field', async () => {
    // While the person is offline a new deployment makes a field required:
    // the queued request no longer passes, and says so where it is typed.
    const service = await startService(['--demo']);
    const stricter = path.join(service.dataDir, 'program.json');
    const program = JSON.parse(readFileSync(path.join(root, 'core/program/program.json'), 'utf8'));
    program.routes.find((r) => r.id === 'general').fields.find((f) => f.id === 'application').required = true;
    writeFileSync(stricter, JSON.stringify(program));
    try {
        const context = await signedInContext(service);
        const page = await context.newPage();
        await page.goto(`${service.url}/?test=1#/route/general`);
        await waitForFrame(page);
        await findItem(page, 'Connection: Online', { timeout: 10000 });
        await context.setOffline(true);
        const summary = `Rejected when delivered ${Date.now()}`;
        await fillGeneral(page, summary);
        await clickItem(page, 'Submit request');
        await findItem(page, 'Queued, will be sent when you are online');

        await service.restart(['--demo', '--program', stricter]);
        await context.setOffline(false);
        await findItem(page, /^Your queued General question request was not accepted/, { timeout: 15000 });
        const error = await findItem(page, /^Affected client or application is required/);
        const field = await findItem(page, 'Affected client or application');
        assert.ok(error.y > field.y, 'the error is under its field');
        await screenshot(page, 'outbox-4-rejected', Math.max(0, field.y - 500));
        // Nothing typed is lost, the form is editable again, and nothing was filed.
        const form = await page.evaluate(() => window.portalTest.forms().general);
        assert.equal(form.fields.summary, summary);
        assert.equal((await ticketsOnService(summary, service)).length, 0);
        await typeInto(page, 'Affected client or application', 'app_3f9c2a71d4e84b0c');
        await clickItem(page, 'Submit request');
        await page.waitForFunction(() => /^#\/tickets\/T-/.test(window.portalTest.screen()), null, { timeout: 15000 });
        assert.equal((await ticketsOnService(summary, service)).length, 1);
        await context.close();
    } finally {
        await service.stop();
    }
});
