// A forgotten password, as the person sees it on a phone: "Forgot password?"
// on the sign-in screen, the link from the e-mail, a new password that signs
// them in here and out of the session they had on another device, and the
// used link telling them so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
    clickItem, findItem, screenshot, settle, signedInContext, typeInto, useDemo, waitForFrame, waitForScreen,
    watchConsole,
} from './portal_harness.mjs';

const demo = useDemo();
const person = 'sam.taylor@acme.example';
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

async function newestResetLink(url) {
    const mailbox = await (await fetch(`${url}/api/v1/dev/mailbox`)).json();
    const mail = mailbox.messages.find((m) => m.to === person && m.link.includes('#/reset-password/'));   // newest first
    assert.ok(mail, `a reset e-mail to ${person}`);
    return new URL(mail.link);
}

test('forgot password on a phone: ask for a link, choose a new password, signed in here and out elsewhere', async () => {
    const url = demo.service.url;
    const laptop = await signedInContext(demo.browser, url, person);
    assert.equal((await laptop.request.get(`${url}/api/v1/session`)).status(), 200);

    const context = await demo.browser.newContext(phone);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${url}/?test=1#/sign-in`);
    await waitForFrame(page);
    await typeInto(page, 'E-mail address', person);
    await clickItem(page, 'Forgot password?');
    await waitForScreen(page, '#/forgot-password');
    await findItem(page, 'Forgot your password?');
    // The address typed to sign in is already there: Enter in the field sends it.
    await clickItem(page, 'E-mail address');
    await settle(page);
    await page.keyboard.press('Enter');
    await findItem(page, new RegExp(`^Check your inbox\\nIf ${person.replace('.', '\\.')} has an account here`), { timeout: 10000 });
    await findItem(page, 'Send another link');
    await settle(page);
    await screenshot(page, 'password-reset-1-link-sent');

    // The link from the e-mail, opened on the same phone.
    const link = await newestResetLink(url);
    await page.goto(`${url}/?test=1${link.hash}`);
    await waitForFrame(page);
    await findItem(page, `For ${person}. Choosing it signs you in here and out everywhere else.`, { timeout: 10000 });
    await typeInto(page, 'New password', 'too short');
    await clickItem(page, 'Set password and sign in');
    await findItem(page, /at least 12 characters/);
    await screenshot(page, 'password-reset-2-too-short');
    await clickItem(page, 'New password');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('a brand new passphrase');
    await settle(page);
    await clickItem(page, 'Set password and sign in');
    await waitForScreen(page, '#/tickets');
    const session = await page.evaluate(async () => (await fetch('/api/v1/session')).json());
    assert.equal(session.user.email, person);

    // The laptop's session ended; the old password no longer works, the new one does.
    assert.equal((await laptop.request.get(`${url}/api/v1/session`)).status(), 401);
    await laptop.close();
    const signIn = (password) => fetch(`${url}/api/v1/session`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: person, password }),
    });
    assert.equal((await signIn('demo-password')).status, 401);
    assert.equal((await signIn('a brand new passphrase')).status, 200);

    // The link again: used, with the way on.
    const again = await context.newPage();
    await again.goto(`${url}/?test=1${link.hash}`);
    await waitForFrame(again);
    await findItem(again, /^This link has been used already/, { timeout: 10000 });
    await findItem(again, 'Ask for a new link');
    await settle(again);
    await screenshot(again, 'password-reset-3-used');
    assert.deepEqual(errors, []);
    await context.close();
});
