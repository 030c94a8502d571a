// Single sign-on as the people involved meet it: the vendor's operator points
// a tenant at its identity provider with `./portal admin tenant sso`, a
// person of that company signs in with their company account at a certified
// OpenID Provider (oidc-provider) and becomes a support-only member on first
// use; and every way a sign-in can be wrong (state, a replayed code, audience,
// expiry, key, signature, nonce, issuer, e-mail) is refused with its own
// sentence, against a scripted provider that spoils one thing on purpose.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { signInAtProvider, startCertifiedProvider, startScriptedIssuer } from './oidc_issuers.mjs';
import {
    clickItem, findItem, launchBrowser, root, screenshot, settle, startService, typeInto, waitForFrame, waitForScreen,
    watchConsole,
} from './portal_harness.mjs';

// No --demo: tenants and people come from the operator. Started here, not
// with useService(), because the providers need the service's address first.
const portal = { service: null, browser: null };
const clientId = 'support-portal';
const clientSecret = 'a client secret: with + and / and &';
let certified;
let scripted;

// Not spawnSync: the command reads the providers' discovery documents, and
// they are served by this very process, whose event loop must keep running.
function admin(...args) {
    return new Promise((resolve) => {
        execFile(path.join(root, 'build/native/portal-web'), ['admin', '--db', portal.service.databasePath, ...args],
            { encoding: 'utf8' }, (error, stdout, stderr) => resolve({ status: error ? error.code : 0, stdout, stderr }));
    });
}

async function adminOk(...args) {
    const result = await admin(...args);
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
}

// A browser context whose portal pages keep the test hook (?test=1) even
// when the service, not the test, sends the browser there (the callback's
// redirect to "/#/..."): the address is amended before the page's scripts run.
async function portalContext(options) {
    const context = await portal.browser.newContext(options);
    await context.addInitScript((origin) => {
        if (location.origin === origin && !location.search) history.replaceState(null, '', `/?test=1${location.hash}`);
    }, portal.service.url);
    return context;
}

before(async () => {
    portal.service = await startService();
    portal.browser = await launchBrowser();
    const redirectUri = `${portal.service.url}/api/v1/sso/callback`;
    certified = await startCertifiedProvider({ clientId, clientSecret, redirectUri });
    scripted = await startScriptedIssuer({ clientId, clientSecret, redirectUri });
    const secretFile = path.join(portal.service.dataDir, 'client-secret');
    writeFileSync(secretFile, `${clientSecret}\n`);
    await adminOk('tenant', 'add', '--slug', 'initech', '--name', 'Initech', '--plan', 'enterprise', '--region', 'eu');
    await adminOk('tenant', 'add', '--slug', 'globex', '--name', 'Globex', '--plan', 'standard', '--region', 'americas');
    const printed = await adminOk('tenant', 'sso', 'initech', '--issuer', certified.issuer, '--client-id', clientId,
        '--client-secret-file', secretFile, '--domains', 'initech.test', '--url', portal.service.url);
    assert.match(printed, /^tenant initech signs in with company accounts of initech\.test at http:\/\/127\.0\.0\.1:\d+ \(client support-portal\); password sign-in on$/m);
    assert.match(printed, new RegExp(`Register this redirect URI with the identity provider: ${redirectUri}`));
    await adminOk('tenant', 'sso', 'globex', '--issuer', scripted.issuer, '--client-id', clientId,
        '--client-secret-file', secretFile, '--domains', 'globex.test, @Globex-Labs.test');
});

after(async () => {
    await certified?.stop();
    await scripted?.stop();
    await portal.browser?.close();
    await portal.service?.stop();
});

test('the operator command checks every input and the issuer itself before it saves anything', async () => {
    const secretFile = path.join(portal.service.dataDir, 'client-secret');
    const cases = [
        [['tenant', 'sso', 'nobody', '--issuer', scripted.issuer, '--client-id', 'x', '--client-secret-file', secretFile, '--domains', 'a.test'],
            1, /^portal admin: there is no tenant nobody\.$/],
        [['tenant', 'sso', 'globex', '--issuer', 'http://id.example.com', '--client-id', 'x', '--client-secret-file', secretFile, '--domains', 'a.test'],
            2, /^portal admin: --issuer http:\/\/id\.example\.com: the issuer .* must be https:\/\//],
        [['tenant', 'sso', 'globex', '--issuer', scripted.issuer, '--client-id', 'x', '--client-secret-file', '/nonexistent', '--domains', 'a.test'],
            2, /cannot read the secret file \/nonexistent/],
        [['tenant', 'sso', 'globex', '--issuer', scripted.issuer, '--client-id', 'x', '--client-secret-file', secretFile, '--domains', 'not a domain'],
            2, /--domains not a domain: not a domain is not an e-mail domain/],
        [['tenant', 'sso', 'globex', '--issuer', scripted.issuer, '--client-id', 'x', '--client-secret-file', secretFile, '--domains', 'initech.test'],
            1, /the domain initech\.test signs in through tenant initech already/],
        [['tenant', 'sso', 'globex', '--issuer', `${scripted.issuer}/elsewhere`, '--client-id', 'x', '--client-secret-file', secretFile, '--domains', 'a.test'],
            2, /^portal admin: --issuer http:\/\/127\.0\.0\.1:\d+\/elsewhere: the issuer .* is not usable: its discovery document .* could not be read: it answered HTTP 404\.$/],
        [['tenant', 'sso', 'globex', '--issuer', scripted.issuer, '--client-id', 'x', '--client-secret-file', secretFile, '--domains', 'a.test', '--password-sign-in', 'maybe'],
            2, /--password-sign-in is on or off, not maybe/],
        [['tenant', 'sso', 'globex', '--issuer', scripted.issuer], 2, /tenant sso needs --client-id/],
    ];
    for (const [args, status, message] of cases) {
        const result = await admin(...args);
        assert.equal(result.status, status, `${args.join(' ')}: ${result.stderr}`);
        assert.match(result.stderr.trim(), message);
        assert.equal(result.stderr.trim().split('\n').length, 1);
    }
    // Nothing changed: globex still signs in at the scripted issuer with its two domains.
    const sqlite = (sql) => execFileSync('sqlite3', [portal.service.databasePath, sql], { encoding: 'utf8' }).trim();
    assert.equal(sqlite("SELECT group_concat(domain, ' ') FROM (SELECT domain FROM sso_domains d JOIN sso_setups s ON s.id = d.setup_id JOIN tenants t ON t.id = s.tenant_id WHERE t.slug = 'globex' ORDER BY domain)"),
        'globex-labs.test globex.test');
    assert.equal(sqlite("SELECT issuer FROM sso_setups s JOIN tenants t ON t.id = s.tenant_id WHERE t.slug = 'globex'"), scripted.issuer);
});

test('a person signs in with their company account at a certified provider and becomes a support-only member', async () => {
    const context = await portalContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${portal.service.url}/?test=1#/sign-in`);
    await waitForFrame(page);
    await typeInto(page, 'E-mail address', 'Ada@Initech.test');
    await settle(page);
    await screenshot(page, 'company-sign-in-1-sign-in');
    await clickItem(page, 'Sign in with your company account');
    await signInAtProvider(page, 'ada@initech.test');
    await findItem(page, /^Signed in as ada/, { timeout: 10000 });
    await waitForScreen(page, '#/');
    const session = await page.evaluate(async () => (await fetch('/api/v1/session')).json());
    assert.equal(session.user.email, 'ada@initech.test');
    assert.deepEqual(session.memberships.map((m) => [m.tenant, m.role]), [['initech', 'support_only']]);
    await screenshot(page, 'company-sign-in-2-signed-in');
    assert.deepEqual(errors, []);
    await context.close();
});

test('a code the certified provider has redeemed once is refused the second time', async () => {
    const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
    // Each browser's requests, redirects included: where the provider sent it back, and the state it was sent with.
    const startAt = async () => {
        const context = await portalContext(phone);
        const page = await context.newPage();
        const requested = [];
        page.on('request', (request) => requested.push(new URL(request.url())));
        await page.goto(`${portal.service.url}/?test=1#/sign-in`);
        await waitForFrame(page);
        await typeInto(page, 'E-mail address', 'bea@initech.test');
        await clickItem(page, 'Sign in with your company account');
        return { context, page, requested };
    };
    const first = await startAt();
    await signInAtProvider(first.page, 'bea@initech.test');
    await waitForScreen(first.page, '#/');
    const session = await first.page.evaluate(async () => (await fetch('/api/v1/session')).json());
    assert.equal(session.user.email, 'bea@initech.test');
    const redeemed = first.requested.find((url) => url.pathname === '/api/v1/sso/callback');
    await first.context.close();

    // Another browser starts its own sign-in and comes back with the first one's code under its own state.
    const { context, page, requested } = await startAt();
    await page.waitForURL((url) => url.href.startsWith(certified.issuer));
    const authorize = requested.find((url) => url.href.startsWith(certified.issuer) && url.searchParams.has('state'));
    const replayed = new URL(redeemed);
    replayed.searchParams.set('state', authorize.searchParams.get('state'));
    await page.goto(replayed.href);
    await waitForScreen(page, '#/sign-in/company/code-refused');
    await findItem(page, /its one-time code was used already or has expired\. Start it again\.$/, { timeout: 10000 });
    await settle(page);
    await screenshot(page, 'company-sign-in-3-code-refused-390');
    await context.close();
});

// A sign-in with a password, as the sign-in screen sends it.
const signIn = (email, password = 'a long enough password') => fetch(`${portal.service.url}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }),
});

// One sign-in at the scripted issuer without a browser: start, the
// provider's redirect, the callback with the cookie of the start. Answers
// the hash the portal is sent to and whether a session cookie was set.
async function scriptedSignIn(email, { spoil = {}, state, code, cookie: withCookie = true } = {}) {
    const started = await fetch(`${portal.service.url}/api/v1/sso/start`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email }),
    });
    assert.equal(started.status, 200, await started.clone().text());
    const cookie = started.headers.getSetCookie().find((c) => c.startsWith('portal_sso='));
    assert.match(cookie, /HttpOnly; SameSite=Lax; Path=\/api\/v1\/sso\/; Max-Age=600/);
    const { authorization_url: authorizationUrl } = await started.json();
    const authorize = new URL(authorizationUrl);
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(authorize.searchParams.get('login_hint'), email.toLowerCase());
    Object.assign(scripted.next, spoil);
    const back = await fetch(authorize, { redirect: 'manual' });
    assert.equal(back.status, 302);
    const callback = new URL(back.headers.get('location'));
    if (state) callback.searchParams.set('state', state);
    if (code) callback.searchParams.set('code', code);
    const answer = await fetch(callback, {
        redirect: 'manual', headers: withCookie ? { Cookie: cookie.split(';')[0] } : {},
    });
    assert.equal(answer.status, 303);
    const location = new URL(answer.headers.get('location'));
    assert.equal(location.origin, portal.service.url);
    return {
        hash: location.hash,
        signedIn: answer.headers.getSetCookie().some((c) => /^portal_session=[^;]/.test(c)),
        callback,
        cookie: cookie.split(';')[0],
        code: callback.searchParams.get('code'),
    };
}

test('every wrong sign-in is refused with its own reason, and nobody is signed in', async () => {
    const good = await scriptedSignIn('pat@globex.test');
    assert.deepEqual([good.hash, good.signedIn], ['#/', true]);
    // The provider rotates its key: the new key id is fetched at once.
    scripted.rotate();
    const rotated = await scriptedSignIn('pat@globex.test');
    assert.deepEqual([rotated.hash, rotated.signedIn], ['#/', true]);
    // Providers sign with RSA-PSS or ECDSA too.
    for (const alg of ['PS256', 'ES256']) {
        const signed = await scriptedSignIn('pat@globex.test', { spoil: { alg } });
        assert.deepEqual([signed.hash, signed.signedIn], ['#/', true], alg);
    }

    const refusals = [
        [{ aud: 'someone-else' }, 'wrong-audience'],
        [{ exp: Math.floor(Date.now() / 1000) - 3600 }, 'token-expired'],
        [{ unknownKey: true }, 'bad-signature'],
        [{ badSignature: true }, 'bad-signature'],
        [{ alg: 'PS256', badSignature: true }, 'bad-signature'],
        [{ alg: 'ES256', badSignature: true }, 'bad-signature'],
        [{ nonce: 'another sign-in' }, 'wrong-nonce'],
        [{ iss: 'http://127.0.0.1:1' }, 'wrong-issuer'],
        [{ emailVerified: false }, 'email-unverified'],
        [{ email: 'pat@elsewhere.test' }, 'domain-not-allowed'],
    ];
    for (const [spoil, reason] of refusals) {
        const { hash, signedIn } = await scriptedSignIn('pat@globex.test', { spoil });
        assert.deepEqual([hash, signedIn], [`#/sign-in/company/${reason}`, false], JSON.stringify(spoil));
    }

    // A state nobody started, a state started by another browser, a callback used twice.
    assert.equal((await scriptedSignIn('pat@globex.test', { state: 'made-up' })).hash, '#/sign-in/company/not-started');
    assert.equal((await scriptedSignIn('pat@globex.test', { cookie: false })).hash, '#/sign-in/company/not-started');
    const once = await scriptedSignIn('pat@globex.test');
    const twice = await fetch(once.callback, { redirect: 'manual', headers: { Cookie: once.cookie } });
    assert.equal(new URL(twice.headers.get('location')).hash, '#/sign-in/company/not-started');
    // A code redeemed already, brought back with a new sign-in's state.
    assert.equal((await scriptedSignIn('pat@globex.test', { code: once.code })).hash, '#/sign-in/company/code-refused');

    // Revoked by the operator: the provider still knows the person, the portal does not let them in.
    await adminOk('revoke', 'pat@globex.test');
    assert.equal((await scriptedSignIn('pat@globex.test')).hash, '#/sign-in/company/access-ended');

    // An address of no company with single sign-on, and no address at all.
    for (const [email, status, field] of [['sam@nowhere.test', 404, /No company sign-in is set up for nowhere\.test addresses/],
        ['', 400, /Enter your work e-mail address/]]) {
        const answer = await fetch(`${portal.service.url}/api/v1/sso/start`, {
            method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email }),
        });
        assert.equal(answer.status, status);
        assert.match((await answer.json()).errors.email, field);
    }
});

test('the sign-in screen says why a company sign-in was refused, in words', async () => {
    const context = await portalContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${portal.service.url}/?test=1#/sign-in`);
    await waitForFrame(page);
    await typeInto(page, 'E-mail address', 'kim@globex-labs.test');
    scripted.next.aud = 'someone-else';
    await clickItem(page, 'Sign in with your company account');
    await waitForScreen(page, '#/sign-in/company/wrong-audience');
    await findItem(page, /sent a sign-in meant for another application, not this portal/, { timeout: 10000 });
    await settle(page);
    await screenshot(page, 'company-sign-in-4-wrong-audience');
    // An address whose company has no single sign-on: said beside the form, the page stays.
    await typeInto(page, 'E-mail address', 'sam@nowhere.test');
    await clickItem(page, 'Sign in with your company account');
    await findItem(page, /^No company sign-in is set up for nowhere\.test addresses/, { timeout: 10000 });
    await context.close();
});

test('with password sign-in off, the company\'s people use their provider; the vendor\'s engineers keep their password', async () => {
    const secretFile = path.join(portal.service.dataDir, 'client-secret');
    // An admin who joined with a password before single sign-on was switched on.
    const link = new URL((await adminOk('invite', '--tenant', 'globex', 'lee@globex.test', '--url', portal.service.url)).trim().split('\n').pop());
    const token = link.hash.replace('#/invitation/', '');
    const joined = await fetch(`${portal.service.url}/api/v1/invitations/${token}/accept`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Lee Admin', password: 'a long enough password' }),
    });
    assert.equal(joined.status, 200, await joined.clone().text());
    assert.equal((await signIn('lee@globex.test')).status, 200);

    await adminOk('tenant', 'sso', 'globex', '--issuer', scripted.issuer, '--client-id', clientId,
        '--client-secret-file', secretFile, '--domains', 'globex.test', '--password-sign-in', 'off');
    const refused = await signIn('lee@globex.test');
    assert.equal(refused.status, 403);
    assert.match((await refused.json()).detail, /signs in with its own identity provider: use "Sign in with your company account"/);
    // A wrong password still gets the plain answer: the refusal tells nothing to a guesser.
    const wrong = await signIn('lee@globex.test', 'not the password');
    assert.equal(wrong.status, 401);
    // No reset link for a password that would not be accepted.
    const reset = await admin('reset-link', 'lee@globex.test');
    assert.equal(reset.status, 1);
    assert.match(reset.stderr, /signs in with the company account only/);
    // Through the provider, the admin is the admin.
    const { hash, signedIn } = await scriptedSignIn('lee@globex.test', { spoil: { email: 'lee@globex.test' } });
    assert.deepEqual([hash, signedIn], ['#/', true]);

    // The vendor's support engineer belongs to every tenant but keeps their own way in.
    const engineerLink = new URL((await adminOk('engineer', 'invite', 'eve@vendor.test', '--url', portal.service.url)).trim().split('\n').pop());
    const engineerJoined = await fetch(`${portal.service.url}/api/v1/invitations/${engineerLink.hash.replace('#/invitation/', '')}/accept`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Eve Engineer', password: 'a long enough password' }),
    });
    assert.equal(engineerJoined.status, 200);
    assert.equal((await signIn('eve@vendor.test')).status, 200);

    await adminOk('tenant', 'sso', 'globex', 'off');
    assert.equal((await signIn('lee@globex.test')).status, 200);
});

test('the vendor\'s own provider signs in the support engineers the operator invited, and nobody else', async () => {
    const secretFile = path.join(portal.service.dataDir, 'client-secret');
    const printed = await adminOk('sso', '--issuer', scripted.issuer, '--client-id', clientId,
        '--client-secret-file', secretFile, '--domains', 'vendor.test');
    assert.match(printed, /^the vendor's staff sign in with company accounts of vendor\.test at /m);
    // A domain has one provider: a customer cannot claim the vendor's.
    const clash = await admin('tenant', 'sso', 'initech', '--issuer', certified.issuer, '--client-id', clientId,
        '--client-secret-file', secretFile, '--domains', 'initech.test,vendor.test');
    assert.equal(clash.status, 1);
    assert.match(clash.stderr, /the domain vendor\.test signs in through the vendor's staff already/);

    // eve@vendor.test was invited as an engineer by the operator (the test before); mallory was not.
    const eve = await scriptedSignIn('eve@vendor.test', { spoil: { email: 'eve@vendor.test' } });
    assert.deepEqual([eve.hash, eve.signedIn], ['#/', true]);
    const mallory = await scriptedSignIn('mallory@vendor.test', { spoil: { email: 'mallory@vendor.test' } });
    assert.deepEqual([mallory.hash, mallory.signedIn], ['#/sign-in/company/no-account', false]);

    await adminOk('sso', '--issuer', scripted.issuer, '--client-id', clientId, '--client-secret-file', secretFile,
        '--domains', 'vendor.test', '--password-sign-in', 'off');
    assert.equal((await signIn('eve@vendor.test')).status, 403);
    await adminOk('sso', 'off');
    assert.equal((await signIn('eve@vendor.test')).status, 200);
    const again = await admin('sso', 'off');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /the vendor's staff have no company sign-in to remove/);
});
