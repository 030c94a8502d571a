// A vendor's first day, as the people involved see it: the service starts
// empty (no --demo), the operator adds a tenant and invites its admin with
// `portal-web admin` (what `./portal admin` runs), and that admin opens the
// printed link in a browser, joins, and finds the operator's invitation in
// the tenant's audit log.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import {
    clickItem, findItem, root, screenshot, typeInto, useService, waitForFrame, waitForScreen, watchConsole,
} from './portal_harness.mjs';

const empty = useService();   // no --demo

function admin(...args) {
    return execFileSync(path.join(root, 'build/native/portal-web'), ['admin', '--db', empty.service.databasePath, ...args],
        { encoding: 'utf8' });
}

test('a tenant and its admin from the command line; the admin joins from the printed link', async () => {
    assert.match(empty.service.output, /no tenants yet; create the first with: \.\/portal admin tenant add/);
    admin('tenant', 'add', '--slug', 'umbrella', '--name', 'Umbrella Health', '--plan', 'enterprise', '--region', 'americas');
    const printed = admin('invite', '--tenant', 'umbrella', 'ada@umbrella.example', '--url', empty.service.url);
    const link = new URL(printed.trim().split('\n').pop());

    const context = await empty.browser.newContext({ viewport: { width: 1280, height: 1400 } });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${empty.service.url}/?test=1${link.hash}`);
    await waitForFrame(page);
    await findItem(page, 'Your name', { timeout: 10000 });
    // The page tells an operator's invitation of an admin for what it is: no inviter, the admin's role.
    await findItem(page, 'Join as an admin');
    await findItem(page, /^You were invited to administer support for Umbrella Health as ada@umbrella\.example\. As an admin there/);
    await typeInto(page, 'Your name', 'Ada Admin');
    await typeInto(page, 'Choose a password', 'a long enough password');
    await screenshot(page, 'first-tenant-1-invitation');
    await clickItem(page, 'Join and sign in');
    await findItem(page, /^Signed in as Ada Admin/, { timeout: 10000 });

    // An admin manages the tenant's users: the operator's invitation is the first line of its log.
    await page.evaluate(() => { location.hash = '#/users'; });
    await waitForScreen(page, '#/users');
    await findItem(page, 'Invite a support user', { timeout: 10000 });
    await findItem(page, "The vendor's operator", { timeout: 10000 });
    await screenshot(page, 'first-tenant-2-users-and-audit');
    assert.deepEqual(errors, []);
    await context.close();
});
