// Live SLA countdowns on the demo tickets: every kind of badge, a frame only
// when a badge's words change and none at home, hover details, and the
// viewer's zone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
    clickItem, findItem, items, labels as itemLabels, screenshot, settle, signedInContext, useDemo, waitForFrame,
    waitForScreen, watchConsole,
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

const frameCount = (page) => page.evaluate(() => window.portalTest.frame);

test('the demo tickets show every kind of badge, drawn again only when their words change', async () => {
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

    // The clock plans the next frame for the second some words change: a
    // second before it everything reads the same (and the unchanged picture
    // is not handed to the browser again), at it something reads differently.
    const start = await page.evaluate(() => Date.now());
    await page.evaluate((ms) => window.portalTest.setNow(ms), start);
    await settle(page);
    const planned = await page.evaluate(() => window.portalTest.nextRedrawMs);
    assert.ok(planned > start, `a frame is planned while countdowns run (${planned - start} ms ahead)`);
    const wordsAtStart = await itemLabels(page);
    const presented = await page.evaluate(() => window.portalTest.presented);
    await page.evaluate((ms) => window.portalTest.setNow(ms), planned - 1 - 1000);
    await settle(page);
    assert.deepEqual(await itemLabels(page), wordsAtStart, 'a second before the planned frame nothing reads differently');
    assert.equal(await page.evaluate(() => window.portalTest.presented), presented, 'an unchanged picture is not presented again');
    await page.evaluate((ms) => window.portalTest.setNow(ms), planned - 1);
    await settle(page);
    assert.notDeepEqual(await itemLabels(page), wordsAtStart, 'the planned frame shows new words');
    await page.evaluate(() => window.portalTest.setNow(0));

    // On the real clock, no frame runs between two changes of words.
    let quietSpanSeen = false;
    for (let tries = 0; tries < 40 && !quietSpanSeen; tries++) {
        await settle(page);
        const [now, next] = await page.evaluate(() => [Date.now(), window.portalTest.nextRedrawMs]);
        assert.ok(next > 0, 'a frame stays planned while countdowns run');
        if (next - now < 1500) {   // too close to tell; try the span after it
            await page.waitForTimeout(Math.max(next - now, 0) + 300);
            continue;
        }
        const frame = await frameCount(page);
        const words = await itemLabels(page);
        await page.waitForTimeout(next - now - 700);
        assert.equal(await frameCount(page), frame, `no frame in the ${next - now - 700} ms before the planned one`);
        await page.waitForFunction((f) => window.portalTest.frame > f, frame, { timeout: 3000 });
        await settle(page);
        assert.notDeepEqual(await itemLabels(page), words, 'the planned frame shows new words');
        quietSpanSeen = true;
    }
    assert.ok(quietSpanSeen, 'a span of at least 1.5 s without a change of words within 40 planned frames');

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
