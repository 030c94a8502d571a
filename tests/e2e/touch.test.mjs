// Touch on a phone-sized page: a tap activates what is under the finger, a
// one-finger drag scrolls the content, and a fling keeps it moving unless
// the person asked for reduced motion.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findItem, screenshot, settle, signedInContext, useDemo, waitForFrame, watchConsole } from './portal_harness.mjs';

const demo = useDemo();

async function phonePage(reducedMotion) {
    const context = await signedInContext(demo.browser, demo.service.url, 'admin@acme.example',
        { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, reducedMotion });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1#/`);
    await waitForFrame(page);
    await findItem(page, 'Production');
    return { page, errors, cdp: await context.newCDPSession(page), close: () => context.close() };
}

// A quick upward swipe of `distance` CSS px in steps, as a finger does it.
async function swipeUp(cdp, x, fromY, distance, steps = 8) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: fromY }] });
    for (let i = 1; i <= steps; i++) {
        await cdp.send('Input.dispatchTouchEvent',
            { type: 'touchMove', touchPoints: [{ x, y: fromY - (distance * i) / steps }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

const top = async (page, label) => (await findItem(page, label)).y;

test('a tap opens the menu and a drag scrolls the page, with momentum', async () => {
    const { page, errors, cdp, close } = await phonePage('no-preference');
    const menu = await findItem(page, 'Menu');
    await page.touchscreen.tap(menu.x + menu.w / 2, menu.y + menu.h / 2);
    await findItem(page, 'Sign out');
    await page.touchscreen.tap(195, 800);   // outside the panel: it closes
    await settle(page);

    const before = await top(page, 'Production');
    await swipeUp(cdp, 195, 700, 300);
    const released = await top(page, 'Production');
    assert.ok(before - released >= 250, `the drag moved the content by ${before - released} px`);
    await page.waitForTimeout(800);
    await settle(page);
    const coasted = await top(page, 'Production');
    assert.ok(released - coasted > 20, `the fling carried the content ${released - coasted} px further`);
    assert.deepEqual(errors, []);
    await close();
});

test('with reduced motion the content stops where the finger lifts', async () => {
    const { page, errors, cdp, close } = await phonePage('reduce');
    const before = await top(page, 'Production');
    await swipeUp(cdp, 195, 700, 300);
    await settle(page);
    const released = await top(page, 'Production');
    assert.ok(before - released >= 250, `the drag moved the content by ${before - released} px`);
    await page.waitForTimeout(800);
    await settle(page);
    assert.equal(await top(page, 'Production'), released, 'no momentum');
    assert.deepEqual(errors, []);
    await close();
});

test('a long press on words selects them, so the phone offers to copy them', async () => {
    const { page, errors, cdp, close } = await phonePage('no-preference');
    const words = await findItem(page, 'How can we help?');
    const at = { x: words.x + Math.min(20, words.w / 2), y: words.y + words.h / 2 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
    await page.waitForTimeout(800);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await settle(page);
    assert.equal((await page.evaluate(() => window.getSelection().toString())).trim(), 'How can we help?');
    await screenshot(page, 'touch-long-press-selects');
    // A plain tap elsewhere lets go of it.
    await page.touchscreen.tap(200, 600);
    await settle(page);
    assert.equal(await page.evaluate(() => document.querySelectorAll('#a11y .long-pressed').length), 0);
    assert.deepEqual(errors, []);
    await close();
});
