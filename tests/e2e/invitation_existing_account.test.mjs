// An invitation to an address that has an account already: the link alone
// must not be enough. Acme's admin invites Globex's admin; the link's page
// asks only for that account's password, a wrong one changes nothing, and
// the right one signs Gustav in with Acme added to the services he may switch to.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
    clickItem, findItem, labels, screenshot, settle, signedInContext, typeInto, useDemo, waitForFrame, waitForScreen,
    watchConsole,
} from './portal_harness.mjs';

const demo = useDemo();
const invitee = 'admin@globex.example';
const viewport = { width: 1280, height: 900 };

// The tenants `email` may work in now, as the service says to them.
async function tenantsOf(email) {
    const context = await signedInContext(demo.browser, demo.service.url, email);
    const answer = await context.request.get(`${demo.service.url}/api/v1/session`);
    assert.equal(answer.status(), 200);
    const session = await answer.json();
    await context.close();
    return { name: session.user.name, tenants: session.memberships.map((m) => m.tenant).sort() };
}

test('an invitation to an existing account asks for its password, and a wrong one changes nothing', async () => {
    const url = demo.service.url;
    assert.deepEqual(await tenantsOf(invitee), { name: 'Gustav Lindqvist', tenants: ['globex-dev'] });

    // Acme's admin invites Globex's admin through the API, as the Users screen would.
    const adminContext = await signedInContext(demo.browser, url, 'admin@acme.example');
    const { csrf_token: csrfToken } = await (await adminContext.request.get(`${url}/api/v1/session`)).json();
    const invited = await adminContext.request.post(`${url}/api/v1/tenants/acme-prod/support-users`, {
        headers: { 'X-CSRF-Token': csrfToken, 'Idempotency-Key': `invite-existing-${Date.now()}` },
        data: { email: invitee, tenants: ['acme-prod'] },
    });
    assert.equal(invited.status(), 201, await invited.text());
    await adminContext.close();

    const mailbox = await (await fetch(`${url}/api/v1/dev/mailbox`)).json();
    const mail = mailbox.messages.find((m) => m.to === invitee);   // newest first
    assert.ok(mail, `an e-mail to ${invitee}`);
    const link = new URL(mail.link);
    const token = link.hash.replace('#/invitation/', '');
    const invitation = async () => (await fetch(`${url}/api/v1/invitations/${token}`)).json();
    assert.equal((await invitation()).existing_account, true);

    // Gustav opens the link in a fresh browser: only his password is asked for.
    const context = await demo.browser.newContext({ viewport });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${url}/?test=1${link.hash}`);
    await waitForFrame(page);
    await findItem(page, 'Your password', { timeout: 10000 });
    await findItem(page, 'Sign in and accept');
    const shown = await labels(page);
    for (const absent of ['Your name', 'Choose a password', 'Join and sign in'])
        assert.ok(!shown.includes(absent), `no "${absent}" for an existing account; labels: ${JSON.stringify(shown)}`);
    await screenshot(page, 'invitation-existing-1-asks-password');

    // A wrong password: an error under the field, and the account as it was.
    await typeInto(page, 'Your password', 'not-the-password');
    await clickItem(page, 'Sign in and accept');
    const field = await findItem(page, 'Your password');
    const error = await findItem(page, `This is not the password of ${invitee}. Use the one you sign in with.`,
        { timeout: 10000 });
    assert.ok(error.y >= field.y + field.h, 'the error is under the password field');
    assert.ok(page.url().includes('#/invitation/'), 'still on the invitation');
    await settle(page);
    await screenshot(page, 'invitation-existing-2-wrong-password');
    assert.deepEqual(await tenantsOf(invitee), { name: 'Gustav Lindqvist', tenants: ['globex-dev'] });
    assert.equal((await invitation()).existing_account, true, 'the invitation is still open');

    // The right password: signed in as Gustav, on the tickets, with Acme to switch to.
    await typeInto(page, 'Your password', 'demo-password');
    await clickItem(page, 'Sign in and accept');
    await waitForScreen(page, '#/tickets');
    const session = await page.evaluate(async () => (await fetch('/api/v1/session')).json());
    assert.equal(session.user.email, invitee);
    assert.equal(session.user.name, 'Gustav Lindqvist');
    await clickItem(page, 'Service');
    await findItem(page, 'Acme (production)');
    await findItem(page, 'Globex (development)');
    await settle(page);
    await screenshot(page, 'invitation-existing-3-accepted');
    assert.deepEqual(await tenantsOf(invitee), { name: 'Gustav Lindqvist', tenants: ['acme-prod', 'globex-dev'] });

    assert.deepEqual(errors.filter((e) => !/status of 401/.test(e)), []);
    await context.close();
});
