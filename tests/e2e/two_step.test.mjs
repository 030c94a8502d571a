// Two-step sign-in as a person sets it up and uses it: on a laptop, the
// account page's QR code and key, the app's first code (computed here as an
// authenticator app would, from the key the page shows: portal_harness's totp), the recovery codes
// shown once; then on a phone, the password and then the code, by keyboard.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
    clickItem, findItem, items, screenshot, settle, signedInContext, totp, totpStepNow as stepNow, typeInto, useDemo, waitForFrame,
    waitForScreen, watchConsole,
} from './portal_harness.mjs';

const demo = useDemo();
const person = 'admin@globex.example';
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };


test('two-step sign-in: set up an app on the account page, then sign in on a phone with its code', async () => {
    const url = demo.service.url;
    const laptop = await signedInContext(demo.browser, url, person, { viewport: { width: 1280, height: 900 } });
    const page = await laptop.newPage();
    const errors = watchConsole(page);
    await page.goto(`${url}/?test=1#/tickets`);
    await waitForFrame(page);
    await clickItem(page, 'Account');
    await waitForScreen(page, '#/account');
    await findItem(page, /^Two-step sign-in is off/, { timeout: 10000 });
    await clickItem(page, 'Set up an authenticator app');
    await findItem(page, 'QR code for your authenticator app. The same key is written out below.', { timeout: 10000 });
    const key = (await findItem(page, /^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/)).label;
    await settle(page);
    await screenshot(page, 'two-step-1-set-up-1280');

    // A wrong code first: said at the field, nothing turned on.
    await typeInto(page, 'Code from the app', '000000');
    await page.keyboard.press('Enter');
    await findItem(page, /^That code is not right/, { timeout: 10000 });
    const step = stepNow();
    await clickItem(page, 'Code from the app');
    await settle(page);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(totp(key, step));
    await settle(page);
    await page.keyboard.press('Enter');
    await findItem(page, 'Save your recovery codes', { timeout: 10000 });
    const codes = (await items(page)).map((i) => i.label).filter((l) => /^[0-9a-f]{5}-[0-9a-f]{5}$/.test(l));
    assert.equal(codes.length, 10);
    await settle(page);
    await screenshot(page, 'two-step-2-recovery-codes-1280');
    await clickItem(page, 'I have saved them');
    await findItem(page, 'Two-step sign-in is on.');
    await findItem(page, /10 recovery codes are left/);
    await laptop.close();

    // On a phone: the password, then the code, all from the keyboard.
    const context = await demo.browser.newContext(phone);
    const mobile = await context.newPage();
    const mobileErrors = watchConsole(mobile);
    await mobile.goto(`${url}/?test=1#/sign-in`);
    await waitForFrame(mobile);
    await typeInto(mobile, 'E-mail address', person);
    await typeInto(mobile, 'Password', 'demo-password');
    await mobile.keyboard.press('Enter');
    await findItem(mobile, 'Code from the app', { timeout: 10000 });
    await findItem(mobile, `Open your authenticator app and type the code it shows for ${person}.`);
    await settle(mobile);
    await screenshot(mobile, 'two-step-3-code-390');
    // The code that turned it on is spent; the next one works.
    await typeInto(mobile, 'Code from the app', totp(key, step));
    await mobile.keyboard.press('Enter');
    await findItem(mobile, /^That code is not right/, { timeout: 10000 });
    await typeInto(mobile, 'Code from the app', totp(key, step + 1));
    await mobile.keyboard.press('Enter');
    await waitForScreen(mobile, '#/tickets');
    const session = await mobile.evaluate(async () => (await fetch('/api/v1/session')).json());
    assert.equal(session.user.email, person);
    // The wrong codes typed on purpose are the only answers the browser logs as failed.
    const unexpected = (list) => list.filter((e) => !/status of 422 \(Unprocessable Entity\)/.test(e));
    assert.deepEqual(unexpected(errors), []);
    assert.deepEqual(unexpected(mobileErrors), []);
    await context.close();
});
