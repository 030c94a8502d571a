// Support-only users, as people do it: an admin invites a new address, the
// invitee opens the e-mailed link in a fresh browser, sets a password, sees
// only what a support user may see, the admin revokes them, and the
// invitee's next action lands on the sign-in screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
    clickItem, findItem, items, screenshot, settle, typeInto, useDemo, waitForFrame, waitForScreen, watchConsole,
} from './portal_harness.mjs';

const demo = useDemo();

async function signIn(page, email, password) {
    await waitForScreen(page, '#/sign-in');
    await typeInto(page, 'E-mail address', email);
    await typeInto(page, 'Password', password);
    await clickItem(page, 'Sign in');
}

test('invite, accept, restricted navigation, revoke', async () => {
    const invitee = `new.support.${Date.now()}@acme.example`;

    // The admin signs in and invites.
    const adminContext = await demo.browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const admin = await adminContext.newPage();
    const adminErrors = watchConsole(admin);
    await admin.goto(`${demo.service.url}/?test=1#/users`);
    await waitForFrame(admin);
    await signIn(admin, 'admin@acme.example', 'demo-password');
    await waitForScreen(admin, '#/users');
    await findItem(admin, /^Details of /, { timeout: 10000 });
    await screenshot(admin, 'accounts-1-admin-users');

    await clickItem(admin, 'Invite a support user');
    await typeInto(admin, 'E-mail address', 'not an address');
    await clickItem(admin, 'Send invitation');
    await admin.waitForFunction(() => window.portalTest.idle);
    await screenshot(admin, 'accounts-2-invite-bad-address');
    // The error is on the field and what was typed stays: fix it in place.
    await clickItem(admin, 'E-mail address');
    await settle(admin);
    await admin.keyboard.press('Control+A');
    await admin.keyboard.type(invitee);
    await settle(admin);
    await clickItem(admin, 'Send invitation');
    await findItem(admin, `Details of ${invitee}`, { timeout: 10000 });
    await screenshot(admin, 'accounts-3-invited');

    // The invitation e-mail, from the development mailbox.
    const mailbox = await (await fetch(`${demo.service.url}/api/v1/dev/mailbox`)).json();
    const mail = mailbox.messages.find((m) => m.to === invitee);
    assert.ok(mail, `an e-mail to ${invitee}`);
    const link = new URL(mail.link);

    // The invitee, in a fresh browser context, opens the link.
    const inviteeContext = await demo.browser.newContext({ viewport: { width: 1280, height: 3000 } });
    const user = await inviteeContext.newPage();
    const userErrors = watchConsole(user);
    await user.goto(`${demo.service.url}/?test=1${link.hash}`);
    await waitForFrame(user);
    await findItem(user, 'Your name', { timeout: 10000 });
    await screenshot(user, 'accounts-4-invitation');
    await typeInto(user, 'Your name', 'Nia Support');
    await typeInto(user, 'Choose a password', 'a long enough password');
    await clickItem(user, 'Join and sign in');
    await waitForScreen(user, '#/tickets');
    await findItem(user, 'Tickets');
    const navigation = (await items(user)).map((i) => i.label);
    assert.ok(!navigation.includes('Users'), 'a support-only user sees no user management');
    await user.waitForFunction(() => window.portalTest.items().some((i) => / left$|^Paused|^Breached|^Met|^Answered|^No response/.test(i.label)),
        null, { timeout: 10000 });
    await screenshot(user, 'accounts-5-support-user-tickets');

    // A support-only user may open a ticket for their tenant, and comment on it.
    await clickItem(user, 'Get help');
    await clickItem(user, 'General question');
    await clickItem(user, 'My problem is something else');   // the demo's open incident in Acme's region
    await typeInto(user, 'Summary', 'How do we rotate the signing certificate?');
    await typeInto(user, 'Description', 'We want to plan the yearly rotation without downtime.');
    await clickItem(user, /^Severity 4 \(Low\)/);
    await clickItem(user, 'Submit request');
    await user.waitForFunction(() => /^#\/tickets\/T-/.test(window.portalTest.screen()), null, { timeout: 10000 });
    await findItem(user, /· How do we rotate the signing certificate\?$/);
    await typeInto(user, 'Reply', 'Our change window is Saturday morning.');
    await clickItem(user, 'Send reply');
    await findItem(user, /Nia Support · /, { timeout: 10000 });
    await screenshot(user, 'accounts-5b-support-user-opened-ticket');

    // The admin revokes the new user, confirming a dialog that names them.
    await clickItem(admin, `Revoke ${invitee}`);
    await findItem(admin, 'Revoke access');
    await screenshot(admin, 'accounts-6-revoke-confirmation');
    await clickItem(admin, 'Revoke access');
    await admin.waitForFunction((who) => !window.portalTest.items().some((i) => i.label === `Revoke ${who}`), invitee,
        { timeout: 10000 });
    await screenshot(admin, 'accounts-7-revoked');

    // The invitee's next action needs the session, which is gone.
    await clickItem(user, 'Get help');
    await clickItem(user, 'Tickets');
    await waitForScreen(user, '#/sign-in');
    await findItem(user, 'E-mail address');
    await screenshot(user, 'accounts-8-invitee-signed-out');

    assert.deepEqual(adminErrors.filter((e) => !/status of (400|401|409)/.test(e)), []);
    assert.deepEqual(userErrors.filter((e) => !/status of 401/.test(e)), []);
    await adminContext.close();
    await inviteeContext.close();
});
