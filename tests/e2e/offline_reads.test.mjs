// Stale reads: offline, the tickets and users screens show the last data
// they had, marked with its age, instead of an error; back online they
// refresh by themselves.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
    clickItem, findItem, items, screenshot, signedInContext, useDemo, waitForFrame, waitForScreen,
} from './portal_harness.mjs';

const demo = useDemo();

async function ticketIds(page) {
    return (await items(page)).map((i) => i.label).filter((l) => /^T-\d+$/.test(l));
}

test('offline, tickets and users show what they last had, with its age', async () => {
    const context = await signedInContext(demo.browser, demo.service.url, 'admin@acme.example',
        { viewport: { width: 1280, height: 2000 } });
    const page = await context.newPage();
    await page.goto(`${demo.service.url}/?test=1#/tickets`);
    await waitForFrame(page);
    await page.waitForFunction(() => window.portalTest.items().some((i) => /^T-\d+$/.test(i.label)), null,
        { timeout: 10000 });
    const online = await ticketIds(page);
    await clickItem(page, 'Users');
    await findItem(page, /^Details of /, { timeout: 10000 });

    await context.setOffline(true);
    await clickItem(page, 'Tickets');
    await waitForScreen(page, '#/tickets');
    await findItem(page, /^Showing your tickets as of less than a minute ago/, { timeout: 10000 });
    assert.deepEqual(await ticketIds(page), online, 'the same tickets, not an error');
    await findItem(page, 'Connection: Offline');
    await screenshot(page, 'offline-1-tickets');
    await clickItem(page, 'Users');
    await findItem(page, /^Showing the support users as of less than a minute ago/, { timeout: 10000 });
    await findItem(page, /^Details of /);

    // A reload while offline (the page comes from the service worker): the
    // device's copies stand in, with the person and the list's real age.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.goto(`${demo.service.url}/?test=1#/tickets`);
    await waitForFrame(page);
    await findItem(page, /^Showing your tickets as of /, { timeout: 10000 });
    assert.deepEqual(await ticketIds(page), online, 'the tickets the device kept');
    await findItem(page, 'Sign out');   // signed in as the device remembers
    await screenshot(page, 'offline-2-tickets-after-reload');

    // Back online, the screen refreshes without being asked.
    await context.setOffline(false);
    await page.waitForFunction(() => !window.portalTest.items().some((i) => /^Showing the support users/.test(i.label)),
        null, { timeout: 10000 });
    await findItem(page, 'Connection: Online');
    await context.close();
});
