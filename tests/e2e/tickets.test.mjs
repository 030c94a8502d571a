// Live SLA countdowns on the demo tickets: every kind of badge, one frame per
// second while visible and none at home, hover details, and the viewer's zone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
    clickItem, findItem, items, screenshot, settle, signedInContext, useDemo, waitForFrame, waitForScreen,
    watchConsole,
} from './portal_harness.mjs';

const demo = useDemo();

// The vendor's support engineer sees every tenant's tickets: the whole demo set.
async function signedInPage(options) {
    const context = await signedInContext(demo.browser, demo.service.url, 'engineer@vendor.example', options);
    return context.newPage();
}

const badge = /( left|^Paused · resumes .+|^Breached · .+ late|^Met · answered in .+|^Answered .+ late|^No response target)$/;

async function badges(page) {
    return (await items(page)).filter((i) => badge.test(i.label)).map((i) => i.label);
}

test('the demo tickets show every kind of badge, ticking once a second', async () => {
    // Tall enough for the whole demo set (20 tickets) without scrolling.
    const page = await signedInPage({ viewport: { width: 1280, height: 1400 } });
    const errors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1`);
    await waitForFrame(page);
    await clickItem(page, 'Tickets');
    await waitForScreen(page, '#/tickets');
    // Every row's zone loaded: no badge still waiting for its rules.
    await page.waitForFunction(() => {
        const labels = window.portalTest.items().map((i) => i.label);
        return labels.some((l) => / left$|^Paused|^Breached/.test(l)) && !labels.includes('Loading time zone');
    }, null, { timeout: 10000 });
    const labels = await badges(page);
    for (const kind of [/ left$/, /^Paused · resumes/, /^Breached · /, /^Met · answered in/, /^Answered .+ late$/,
        /^No response target$/]) {
        assert.ok(labels.some((l) => kind.test(l)), `a badge matching ${kind} among ${JSON.stringify(labels)}`);
    }
    await screenshot(page, 'tickets-1-list');

    // Idle except for the tick: about one frame a second.
    await settle(page);
    const before = await page.evaluate(() => window.portalTest.frame);
    await page.waitForTimeout(3200);
    const ticks = (await page.evaluate(() => window.portalTest.frame)) - before;
    assert.ok(ticks >= 2 && ticks <= 6, `${ticks} frames in 3.2 s on the tickets screen`);

    // With the clock frozen every tick lays out the same picture: the frames
    // still run, but none is handed to the browser again.
    await page.evaluate(() => window.portalTest.setNow(Date.now()));
    await page.waitForTimeout(1200);
    const frozen = await page.evaluate(() => ({ frame: window.portalTest.frame, presented: window.portalTest.presented }));
    await page.waitForTimeout(2200);
    const later = await page.evaluate(() => ({ frame: window.portalTest.frame, presented: window.portalTest.presented }));
    assert.ok(later.frame - frozen.frame >= 1, `the tick still runs with a frozen clock (${later.frame - frozen.frame} frames)`);
    assert.equal(later.presented, frozen.presented, 'an unchanged picture is not presented again');
    await page.evaluate(() => window.portalTest.setNow(0));

    // Hover shows the deadline in the customer's zone.
    const paused = await findItem(page, /^Paused · resumes/);
    await page.mouse.move(paused.x + 10, paused.y + paused.h / 2);
    await settle(page);
    await screenshot(page, 'tickets-2-hover-paused');

    // At home nothing ticks.
    await clickItem(page, 'Get help');
    await waitForScreen(page, '#/');
    await settle(page);
    const home = await page.evaluate(() => window.portalTest.frame);
    await page.waitForTimeout(2200);
    assert.equal(await page.evaluate(() => window.portalTest.frame), home, 'no frames while idle at home');
    assert.deepEqual(errors, []);
    await page.close();
});

test('the viewer can show times in another zone', async () => {
    const page = await signedInPage({ viewport: { width: 1280, height: 1000 }, timezoneId: 'America/New_York' });
    const errors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1#/tickets`);
    await waitForFrame(page);
    const zone = await findItem(page, 'Time zone');
    const pausedBefore = await findItem(page, /^Paused · resumes/, { timeout: 10000 });

    await page.mouse.click(zone.x + zone.w / 2, zone.y + zone.h / 2);
    await findItem(page, 'Search time zones');
    await page.keyboard.type('kolkata');
    await clickItem(page, 'Asia/Kolkata');
    await page.waitForFunction((old) => {
        const paused = window.portalTest.items().find((i) => /^Paused · resumes/.test(i.label));
        return paused && paused.label !== old;
    }, pausedBefore.label, { timeout: 5000 });
    await screenshot(page, 'tickets-3-kolkata');
    assert.deepEqual(errors, []);
    await page.close();
});
