// Walking skeleton, as a person uses it: home with the route cards, open
// Onboarding, type fast, delete fast, paste, scroll, go Back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
    clickItem, findItem, items, screenshot, settle, useService, waitForFrame, waitForScreen, watchConsole,
} from './portal_harness.mjs';

const run = useService();

// The text of a field as the portal's state holds it, read back through the
// clipboard: select all, copy, and read what the app put there.
async function fieldText(page, label) {
    await clickItem(page, label);
    const modifier = process.platform === 'darwin' ? 'Meta' : 'Control';
    await page.keyboard.press(`${modifier}+A`);
    await page.keyboard.press(`${modifier}+C`);
    await settle(page);
    await page.keyboard.press('End');
    await settle(page);
    return page.evaluate(() => navigator.clipboard.readText());
}

test('home, onboarding form, typing, paste, wheel and Back', async () => {
    const context = await run.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    const errors = watchConsole(page);

    await page.goto(`${run.service.url}/?test=1`);
    await waitForFrame(page);
    await waitForScreen(page, '#/');
    for (const title of ['Onboarding', 'Production', 'Advanced features']) await findItem(page, title);
    await screenshot(page, 'skeleton-1-home');

    await clickItem(page, 'Onboarding');
    await waitForScreen(page, '#/route/onboarding');
    assert.equal(new URL(page.url()).hash, '#/route/onboarding');
    const tenant = await findItem(page, 'Tenant slug');
    assert.ok(tenant.w > 100 && tenant.h > 20, 'the tenant field is a real text box');

    // Playwright's default typing speed: no delay between keys.
    await clickItem(page, 'Tenant slug');
    const typed = 'acme-prod-eu-west-1234567890';
    await page.keyboard.type(typed);
    assert.equal(await fieldText(page, 'Tenant slug'), typed);

    for (let i = 0; i < 8; i++) await page.keyboard.press('Backspace');
    assert.equal(await fieldText(page, 'Tenant slug'), typed.slice(0, -8));

    // Paste text another application put on the system clipboard.
    await page.evaluate(() => navigator.clipboard.writeText('-pasted'));
    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+V' : 'Control+V');
    const expected = typed.slice(0, -8) + '-pasted';
    assert.equal(await fieldText(page, 'Tenant slug'), expected);
    await screenshot(page, 'skeleton-2-onboarding-typed');

    // Wheel down: the content moves up, like every web page.
    const before = await findItem(page, 'Tenant slug');
    await page.mouse.move(640, 500);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction((y) => {
        const field = window.portalTest.items().find((i) => i.label === 'Tenant slug');
        return !field || field.y < y - 100;
    }, before.y);
    const scrolled = (await items(page)).find((i) => i.label === 'Tenant slug');
    assert.ok(!scrolled || scrolled.y < before.y - 100, 'wheel down scrolls the form up');
    await screenshot(page, 'skeleton-3-onboarding-scrolled');

    await page.goBack();
    await waitForScreen(page, '#/');
    await findItem(page, 'Onboarding');
    await screenshot(page, 'skeleton-4-back-home');

    // What was typed survives the trip home and back.
    await clickItem(page, 'Onboarding');
    await waitForScreen(page, '#/route/onboarding');
    assert.equal(await fieldText(page, 'Tenant slug'), expected);

    assert.deepEqual(errors, []);
    await context.close();
});

test('deep link to a route and an unknown page', async () => {
    const page = await run.browser.newPage({ viewport: { width: 600, height: 900 } });
    const errors = watchConsole(page);
    await page.goto(`${run.service.url}/?test=1#/route/production`);
    await waitForFrame(page);
    await waitForScreen(page, '#/route/production');
    await findItem(page, 'All support routes');
    await screenshot(page, 'skeleton-5-production-narrow');

    await page.goto(`${run.service.url}/?test=1#/no/such/page`);
    await waitForFrame(page);
    await findItem(page, 'Go to the home page');
    await screenshot(page, 'skeleton-6-not-found');
    await clickItem(page, 'Go to the home page');
    await waitForScreen(page, '#/');
    // Narrow screens: the cards stack in one column.
    const cards = [];
    for (const title of ['Onboarding', 'Production']) cards.push(await findItem(page, title));
    assert.equal(cards[0].x, cards[1].x);
    assert.ok(cards[1].y > cards[0].y);
    assert.deepEqual(errors, []);
    await page.close();
});

test('without ?test=1 nothing is recorded', async () => {
    const page = await run.browser.newPage();
    const errors = watchConsole(page);
    await page.goto(`${run.service.url}/`);
    await page.waitForFunction(() => document.getElementById('status').hidden);
    assert.equal(await page.evaluate(() => typeof window.portalTest), 'undefined');
    assert.deepEqual(errors, []);
    await page.close();
});
