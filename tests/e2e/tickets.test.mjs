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
    // The engineer's queue lists open tickets; answered and solved ones show their badges too.
    await clickItem(page, 'Status');
    await clickItem(page, 'Any status');
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

// What the service lists for the signed-in page, for counting.
async function listed(page) {
    return page.evaluate(async () => (await (await fetch('/api/v1/tickets?limit=500')).json()).items);
}

async function shownCount(page) {
    const line = await findItem(page, /^\d+ of \d+ tickets?$/);
    const [shown, total] = line.label.match(/\d+/g).map(Number);
    return { shown, total };
}

test("the engineer's queue leads with breached tickets and filters by tenant, plan, severity and status", async () => {
    const page = await signedInPage({ viewport: { width: 1280, height: 1400 } });
    const errors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1#/tickets`);
    await waitForFrame(page);
    await findItem(page, 'Ticket queue', { timeout: 10000 });
    await page.waitForFunction(() => {
        const labels = window.portalTest.items().map((i) => i.label);
        return labels.some((l) => /^Breached/.test(l)) && !labels.includes('Loading time zone');
    }, null, { timeout: 10000 });
    await settle(page);

    // Open tickets only, breached ones first.
    const all = await listed(page);
    const open = all.filter((t) => t.status === 'open');
    assert.deepEqual(await shownCount(page), { shown: open.length, total: all.length });
    const order = await badges(page);
    assert.match(order[0], /^Breached/);
    const firstOther = order.findIndex((l) => !/^Breached/.test(l));
    assert.ok(firstOther > 0 && order.slice(firstOther).every((l) => !/^Breached/.test(l)),
        `breached tickets lead: ${JSON.stringify(order)}`);
    await screenshot(page, 'tickets-4-queue');

    // One tenant, then one severity within it: the counts the service's list gives.
    await clickItem(page, 'Tenant');
    await clickItem(page, 'Globex (development)');
    await settle(page);
    const globex = open.filter((t) => t.tenant === 'globex-dev');
    assert.ok(globex.length > 0 && globex.length < open.length);
    assert.equal((await shownCount(page)).shown, globex.length);
    await clickItem(page, 'Severity');
    const severity = globex[0].severity;
    await clickItem(page, new RegExp(`^${severity} · `));
    await settle(page);
    assert.equal((await shownCount(page)).shown, globex.filter((t) => t.severity === severity).length);
    await screenshot(page, 'tickets-5-queue-filtered');

    // Any status of one plan, then closed ones only: again the service's counts, and none said in words.
    await clickItem(page, 'Status');
    await clickItem(page, 'Any status');
    await clickItem(page, 'Plan');
    await clickItem(page, 'Standard Support');
    await settle(page);
    const mine = (t) => t.tenant === 'globex-dev' && t.severity === severity && t.plan === 'standard';
    assert.equal((await shownCount(page)).shown, all.filter(mine).length);
    await clickItem(page, 'Status');
    await clickItem(page, 'Closed');
    await settle(page);
    const closed = all.filter((t) => mine(t) && t.status === 'closed');
    assert.equal((await shownCount(page)).shown, closed.length);
    if (closed.length === 0) await findItem(page, 'No tickets match these filters.');
    await clickItem(page, 'Clear filters');
    await settle(page);
    assert.deepEqual(await shownCount(page), { shown: open.length, total: all.length });
    assert.deepEqual(errors, []);
    await page.close();
});

test("the engineer's queue on a phone: filters two a row, each ticket a card with its tenant", async () => {
    const page = await signedInPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    const errors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1#/tickets`);
    await waitForFrame(page);
    await findItem(page, 'Ticket queue', { timeout: 10000 });
    await page.waitForFunction(() => window.portalTest.items().some((i) => /^Breached/.test(i.label)), null, { timeout: 10000 });
    const tenant = await findItem(page, 'Tenant');
    const plan = await findItem(page, 'Plan');
    assert.equal(Math.round(tenant.y), Math.round(plan.y), 'tenant and plan side by side');
    assert.ok(plan.x + plan.w <= 390, 'the filters fit the screen');
    await settle(page);
    await screenshot(page, 'tickets-6-queue-phone');
    assert.deepEqual(errors, []);
    await page.close();
});
