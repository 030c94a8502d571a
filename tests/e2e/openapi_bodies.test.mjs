// The API's real answers against web/openapi.yaml: a demo service is driven
// through every operation the document lists (as the tenant admin, a
// support-only user, the vendor's support engineer, an invitee and nobody),
// into every answer the document gives each one that a test can bring about,
// and Ajv (see openapi_contract.mjs) checks each status, Content-Type,
// documented header and body against the document. A status the operation
// does not document fails, and so does an operation or a documented answer
// that was never seen, unless `notExercised` says why it cannot be.
// No browser: node's fetch.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Contract } from './openapi_contract.mjs';
import { writeFileSync } from 'node:fs';
import { startScriptedIssuer } from './oidc_issuers.mjs';
import { onboardingDraft, root, startService, totp } from './portal_harness.mjs';

const contract = new Contract(path.join(root, 'web/openapi.yaml'));

// Documented answers no test here can bring about, and why.
const notExercised = {
    'acceptInvitation 409': 'only in a race: another invitation to the same address sets its password between this ' +
        'request reading the invitation and storing the new account (a later request is asked for that password)',
    'acceptInvitation 503': 'only when argon2id cannot get its memory to hash the new password',
    'resetPassword 503': 'only when argon2id cannot get its memory to hash the new password',
    'addAttachment 413': 'refused from the request head before the body arrives; fetch sends the whole body first and loses ' +
        'the answer on the closed connection (tests/api/hostile_client_test.cpp sends the head alone over a raw socket)',
};
// A broken database is made with Debian's sqlite3 tool (as tests/api does
// with the library); without it these answers go unchecked, and the test says so.
const sqliteTool = (() => {
    try {
        execFileSync('sqlite3', ['-version'], { stdio: 'ignore' });
        return true;
    } catch {
        return false;
    }
})();
const needBrokenDatabase = {
    'getHealth 503': 'the database does not answer',
    'listTickets 500': 'the tickets cannot be read',
    'getTicket 500': 'the tickets cannot be read',
};
if (!sqliteTool) {
    for (const [answer, why] of Object.entries(needBrokenDatabase)) notExercised[answer] = `${why}: needs the sqlite3 tool`;
}

let service;
const mismatches = [];
let keys = 0;
const newKey = () => `openapi-bodies-${process.pid}-${++keys}`;

before(async () => {
    service = await startService(['--demo']);
});
after(async () => {
    await service?.stop();
});

// One request to the API, its answer checked against the document.
//   as       a session from signIn(): its cookie, and its CSRF token on
//            anything but GET unless csrf is false
//   body     sent as JSON; raw: sent as it is, as JSON or as contentType
//   form     a FormData sent as multipart/form-data
//   key      an Idempotency-Key
//   expect   the status the scenario needs (else it stops here)
async function api(method, pathAndQuery, { as, body, raw, contentType, form, headers = {}, csrf = true, key, expect, base = service } = {}) {
    const url = new URL(base.url + contract.server + pathAndQuery);
    const sent = { ...headers };
    if (as) {
        sent.cookie = `portal_session=${as.cookie}`;
        if (csrf && method !== 'GET') sent['x-csrf-token'] = as.csrf;
    }
    if (key) sent['idempotency-key'] = key;
    let payload;
    if (raw !== undefined || body !== undefined) {
        payload = raw ?? JSON.stringify(body);
        sent['content-type'] = contentType ?? 'application/json';
    }
    if (form) payload = form;   // fetch writes its multipart Content-Type
    const response = await fetch(url, { method, headers: sent, body: payload, redirect: 'manual' });
    const text = await response.text();
    const apiPath = decodeURI(url.pathname.slice(new URL(base.url + contract.server).pathname.length));
    const found = contract.check(method, apiPath, response.status, response.headers, text);
    if (response.ok && body !== undefined) found.push(...contract.checkRequest(method, apiPath, body));
    mismatches.push(...found.map((m) => `${m}\n  (request: ${method} ${pathAndQuery}${as ? ` as ${as.email}` : ''})`));
    if (expect !== undefined && response.status !== expect) {
        const pending = mismatches.splice(0);
        throw new Error(`${method} ${pathAndQuery}${as ? ` as ${as.email}` : ''} answered ${response.status}; ` +
            `the scenario needs ${expect}:\n${text.slice(0, 500)}` +
            (pending.length ? `\n\nand ${pending.length} answer(s) so far differ from web/openapi.yaml:\n\n${pending.join('\n\n')}` : ''));
    }
    let json;
    try {
        json = JSON.parse(text);
    } catch {
        json = undefined;
    }
    return { status: response.status, headers: response.headers, json, text };
}

// Fails the test with every mismatch found since the last call.
function assertNoMismatches() {
    const found = mismatches.splice(0);
    assert.ok(found.length === 0, `${found.length} answer(s) differ from web/openapi.yaml:\n\n${found.join('\n\n')}`);
}

async function signIn(email, password = 'demo-password') {
    const answer = await api('POST', '/session', { body: { email, password }, expect: 200 });
    return sessionOf(email, answer);
}

function sessionOf(email, answer) {
    const cookie = answer.headers.getSetCookie().map((c) => c.split(';')[0])
        .find((c) => c.startsWith('portal_session=') && c.length > 'portal_session='.length);
    assert.ok(cookie, `a session cookie for ${email}`);
    return { email, cookie: cookie.slice('portal_session='.length), csrf: answer.json.csrf_token };
}


const stale = { 'if-match': '"0000000000000000-0"' };
let admin;      // admin@acme.example: admin of acme-prod
let customer;   // sam.taylor@acme.example: support-only user of acme-prod
let engineer;   // engineer@vendor.example: the vendor's support engineer

test('public answers: health, program, status, mailbox, and 405s', async () => {
    await api('GET', '/health', { expect: 200 });
    await api('POST', '/health', { expect: 405 });

    const program = await api('GET', '/program', { expect: 200 });
    await api('GET', '/program', { headers: { 'if-none-match': program.headers.get('etag') }, expect: 304 });
    await api('DELETE', '/program', { expect: 405 });

    await api('GET', '/status', { expect: 200 });
    await api('PUT', '/status', { raw: '{}', expect: 405 });

    await api('GET', '/dev/mailbox', { expect: 200 });
    // Without --demo the mailbox does not exist.
    const plain = await startService([]);
    try {
        await api('GET', '/dev/mailbox', { base: plain, expect: 404 });
    } finally {
        await plain.stop();
    }
    assertNoMismatches();
});

test('sessions: sign in, who is signed in, sign out, and refusals', async () => {
    admin = await signIn('admin@acme.example');
    customer = await signIn('sam.taylor@acme.example');
    engineer = await signIn('engineer@vendor.example');

    await api('POST', '/session', { body: { email: '', password: '' }, expect: 400 });
    // Revoked from their only tenant: the right password, and no way in.
    await api('POST', '/session', { body: { email: 'jordan.blake@acme.example', password: 'demo-password' }, expect: 403 });
    // Five wrong passwords for one address from here, then a wait.
    for (let i = 0; i < 5; i++) {
        await api('POST', '/session', { body: { email: 'admin@hooli.example', password: `wrong ${i}` }, expect: 401 });
    }
    const throttled = await api('POST', '/session', { body: { email: 'admin@hooli.example', password: 'demo-password' }, expect: 429 });
    assert.ok(Number(throttled.headers.get('retry-after')) >= 1, 'a Retry-After');

    await api('GET', '/session', { as: admin, expect: 200 });
    await api('GET', '/session', { expect: 401 });
    await api('GET', '/tenants', { as: admin, expect: 200 });
    await api('GET', '/tenants', { as: engineer, expect: 200 });
    await api('GET', '/tenants', { expect: 401 });

    const leaving = await signIn('lee.chen@acme.example');
    await api('DELETE', '/session', { as: leaving, csrf: false, expect: 403 });
    await api('DELETE', '/session', { as: leaving, expect: 204 });
    await api('DELETE', '/session', { as: leaving, expect: 401 });
    assertNoMismatches();
});

test('tickets: list, read, file, change, comment, solve, reopen, confirm, escalate', async () => {
    // Lists, by role, a page at a time, and unchanged.
    const firstPage = await api('GET', '/tickets?limit=3', { as: engineer, expect: 200 });
    assert.ok(firstPage.json.next_cursor, 'the demo has more than 3 tickets');
    await api('GET', `/tickets?limit=3&cursor=${firstPage.json.next_cursor}`, { as: engineer, expect: 200 });
    await api('GET', '/tickets?limit=3', { as: engineer, headers: { 'if-none-match': firstPage.headers.get('etag') }, expect: 304 });
    await api('GET', '/tickets', { as: admin, expect: 200 });
    await api('GET', '/tickets?tenant=acme-prod', { as: customer, expect: 200 });
    await api('GET', '/tickets?tenant=globex-dev', { as: customer, expect: 404 });
    await api('GET', '/tickets?limit=0', { as: customer, expect: 400 });
    await api('GET', '/tickets?cursor=nonsense', { as: customer, expect: 400 });
    await api('GET', '/tickets', { expect: 401 });
    await api('PUT', '/tickets', { raw: '{}', expect: 405 });

    // Every demo ticket in detail, as the engineer sees it (every kind of SLA).
    const all = await api('GET', '/tickets?limit=500', { as: engineer, expect: 200 });
    for (const ticket of all.json.items) await api('GET', `/tickets/${ticket.id}`, { as: engineer, expect: 200 });
    const demoTicket = all.json.items.find((t) => t.tenant === 'acme-prod').id;
    const read = await api('GET', `/tickets/${demoTicket}`, { as: customer, expect: 200 });
    await api('GET', `/tickets/${demoTicket}`, { as: customer, headers: { 'if-none-match': read.headers.get('etag') }, expect: 304 });
    await api('GET', '/tickets/T-99999', { as: customer, expect: 404 });
    await api('GET', `/tickets/${demoTicket}`, { expect: 401 });
    await api('PUT', `/tickets/${demoTicket}`, { raw: '{}', expect: 405 });

    // Filing.
    const draft = onboardingDraft('acme-prod');
    const filingKey = newKey();
    const filed = await api('POST', '/tickets', { as: customer, body: draft, key: filingKey, expect: 201 });
    const id = filed.json.id;
    const replay = await api('POST', '/tickets', { as: customer, body: draft, key: filingKey, expect: 201 });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    await api('POST', '/tickets', { as: customer, body: { ...draft, severity: 3 }, key: filingKey, expect: 422 });
    await api('POST', '/tickets', { as: customer, body: draft, expect: 400 });              // no Idempotency-Key
    await api('POST', '/tickets', { as: customer, raw: '[1, 2]', key: newKey(), expect: 400 });
    await api('POST', '/tickets', { as: customer, body: { ...draft, fields: { ...draft.fields, summary: '' } }, key: newKey(), expect: 422 });
    await api('POST', '/tickets', { as: customer, body: { ...draft, severity: 'high' }, key: newKey(), expect: 422 });
    await api('POST', '/tickets', { as: customer, body: { ...draft, tenant: '' }, key: newKey(), expect: 422 });
    await api('POST', '/tickets', { as: customer, body: onboardingDraft('globex-dev'), key: newKey(), expect: 404 });
    await api('POST', '/tickets', { as: engineer, body: draft, key: newKey(), expect: 403 });
    await api('POST', '/tickets', { body: draft, key: newKey(), expect: 401 });

    // Severity: lowered, never raised.
    await api('PATCH', `/tickets/${id}`, { as: customer, body: { severity: 3 }, expect: 200 });
    await api('PATCH', `/tickets/${id}`, { as: customer, body: { severity: 1 }, expect: 409 });
    await api('PATCH', `/tickets/${id}`, { as: customer, body: { severity: 4 }, headers: stale, expect: 412 });
    await api('PATCH', `/tickets/${id}`, { as: customer, body: { severity: 0 }, expect: 422 });
    await api('PATCH', `/tickets/${id}`, { as: customer, raw: '"lower"', expect: 400 });
    await api('PATCH', `/tickets/${id}`, { as: engineer, body: { severity: 4 }, expect: 403 });
    await api('PATCH', '/tickets/T-99999', { as: customer, body: { severity: 4 }, expect: 404 });
    await api('PATCH', `/tickets/${id}`, { body: { severity: 4 }, expect: 401 });

    // Comments, from both sides.
    const current = await api('GET', `/tickets/${id}`, { as: customer, expect: 200 });
    await api('POST', `/tickets/${id}/comments`, {
        as: customer, body: { body: 'It fails for every user.' }, key: newKey(),
        headers: { 'if-match': current.headers.get('etag') }, expect: 201,
    });
    await api('POST', `/tickets/${id}/comments`, { as: engineer, body: { body: 'Looking at the redirect URIs now.' }, key: newKey(), expect: 201 });
    await api('POST', `/tickets/${id}/comments`, { as: customer, body: { body: 'Still there.' }, key: newKey(), headers: stale, expect: 412 });
    await api('POST', `/tickets/${id}/comments`, { as: customer, body: { body: '   ' }, key: newKey(), expect: 422 });
    await api('POST', `/tickets/${id}/comments`, { as: customer, body: { body: 'No key.' }, expect: 400 });
    await api('POST', `/tickets/${id}/comments`, { as: customer, csrf: false, body: { body: 'No token.' }, key: newKey(), expect: 403 });
    await api('POST', '/tickets/T-99999/comments', { as: customer, body: { body: 'Anyone?' }, key: newKey(), expect: 404 });
    await api('POST', `/tickets/${id}/comments`, { body: { body: 'Anyone?' }, key: newKey(), expect: 401 });

    // Attachments: what a file is comes from its bytes; HAR files are checked again.
    const attachments = `/tickets/${id}/attachments`;
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const asPng = { raw: png, contentType: 'image/png' };
    const added = await api('POST', attachments, { as: customer, ...asPng, headers: { 'x-file-name': 'login%20error.png' }, key: newKey(), expect: 201 });
    const form = new FormData();
    form.append('file', new Blob(['12:00:01 login failed: invalid_grant\n']), 'app.log');
    await api('POST', attachments, { as: engineer, form, key: newKey(), expect: 201 });
    await api('POST', attachments, { as: customer, raw: '<html><body>error</body></html>', contentType: 'text/html', key: newKey(), expect: 415 });
    const cookieHar = { log: { entries: [{ request: { method: 'GET', url: 'https://a.example/', headers: [{ name: 'Cookie', value: 'sid=abc123' }] } }] } };
    await api('POST', attachments, { as: customer, raw: JSON.stringify(cookieHar), key: newKey(), expect: 422 });
    await api('POST', attachments, { as: customer, ...asPng, expect: 400 });            // no Idempotency-Key
    await api('POST', attachments, { as: customer, csrf: false, ...asPng, key: newKey(), expect: 403 });
    await api('POST', '/tickets/T-99999/attachments', { as: customer, ...asPng, key: newKey(), expect: 404 });
    await api('POST', attachments, { ...asPng, key: newKey(), expect: 401 });
    const listed = await api('GET', attachments, { as: customer, expect: 200 });
    assert.equal(listed.json.attachments.length, 2);
    await api('GET', '/tickets/T-99999/attachments', { as: customer, expect: 404 });
    await api('GET', attachments, { expect: 401 });
    const one = `${attachments}/${added.json.id}`;
    const file = await api('GET', one, { as: customer, expect: 200 });
    assert.equal(file.headers.get('content-type'), 'image/png');
    await api('GET', one, { as: customer, headers: { 'if-none-match': file.headers.get('etag') }, expect: 304 });
    await api('GET', `${attachments}/att_000000000000000000000000`, { as: customer, expect: 404 });
    await api('GET', one, { expect: 401 });

    // Escalation: a new, more urgent ticket.
    await api('POST', `/tickets/${id}/escalate`, {
        as: customer, body: { severity: 1, reason: 'Now every production sign-in fails.' }, key: newKey(), expect: 201,
    });
    await api('POST', `/tickets/${id}/escalate`, { as: customer, body: { severity: 4, reason: 'Less urgent?' }, key: newKey(), expect: 422 });
    await api('POST', `/tickets/${id}/escalate`, { as: customer, body: { severity: 1, reason: '' }, key: newKey(), expect: 422 });
    await api('POST', `/tickets/${id}/escalate`, { as: customer, body: { severity: 1, reason: 'Stale.' }, key: newKey(), headers: stale, expect: 412 });
    await api('POST', `/tickets/${id}/escalate`, { as: customer, body: { severity: 1, reason: 'No key.' }, expect: 400 });
    await api('POST', `/tickets/${id}/escalate`, { as: engineer, body: { severity: 1, reason: 'Mine?' }, key: newKey(), expect: 403 });
    await api('POST', '/tickets/T-99999/escalate', { as: customer, body: { severity: 1, reason: 'Where?' }, key: newKey(), expect: 404 });
    await api('POST', `/tickets/${id}/escalate`, { body: { severity: 1, reason: 'Who?' }, key: newKey(), expect: 401 });

    // Solved, not solved after all, solved, confirmed: closed.
    await api('POST', `/tickets/${id}/solve`, { as: engineer, headers: stale, expect: 412 });
    await api('POST', `/tickets/${id}/solve`, { as: customer, expect: 403 });
    await api('POST', `/tickets/${id}/confirm`, { as: customer, expect: 409 });       // open: nothing to confirm
    await api('POST', `/tickets/${id}/reopen`, { as: customer, expect: 409 });
    await api('POST', `/tickets/${id}/solve`, { as: engineer, expect: 200 });
    await api('POST', `/tickets/${id}/solve`, { as: engineer, raw: '{}', expect: 409 });
    await api('POST', `/tickets/${id}/reopen`, { as: customer, headers: stale, expect: 412 });
    await api('POST', `/tickets/${id}/reopen`, { as: engineer, expect: 403 });
    await api('POST', `/tickets/${id}/reopen`, { as: customer, expect: 200 });
    await api('POST', `/tickets/${id}/solve`, { as: engineer, expect: 200 });
    await api('POST', `/tickets/${id}/confirm`, { as: customer, headers: stale, expect: 412 });
    await api('POST', `/tickets/${id}/confirm`, { as: engineer, expect: 403 });
    await api('POST', `/tickets/${id}/confirm`, { as: customer, expect: 200 });
    for (const action of ['solve', 'confirm', 'reopen']) {
        await api('POST', `/tickets/T-99999/${action}`, { as: customer, expect: 404 });
        await api('POST', `/tickets/${id}/${action}`, { expect: 401 });
    }
    // Closed: no more changes.
    await api('POST', `/tickets/${id}/comments`, { as: customer, body: { body: 'One more thing.' }, key: newKey(), expect: 409 });
    await api('POST', attachments, { as: customer, ...asPng, key: newKey(), expect: 409 });
    await api('POST', `/tickets/${id}/escalate`, { as: customer, body: { severity: 1, reason: 'Again.' }, key: newKey(), expect: 409 });
    await api('PATCH', `/tickets/${id}`, { as: customer, body: { severity: 4 }, expect: 409 });
    await api('GET', `/tickets/${id}`, { as: customer, expect: 200 });
    assertNoMismatches();
});

test('support users, the audit log and invitations', async () => {
    const users = '/tenants/acme-prod/support-users';
    const firstPage = await api('GET', `${users}?limit=2`, { as: admin, expect: 200 });
    assert.ok(firstPage.json.next_cursor, 'acme-prod has more than 2 support users');
    await api('GET', `${users}?limit=2&cursor=${encodeURIComponent(firstPage.json.next_cursor)}`, { as: admin, expect: 200 });
    await api('GET', `${users}?limit=2`, { as: admin, headers: { 'if-none-match': firstPage.headers.get('etag') }, expect: 304 });
    // Users of each status, and a few of each in detail.
    for (const status of ['invited', 'active', 'revoked']) {
        const some = await api('GET', `${users}?status=${status}&sort=last_sign_in_at&order=desc&limit=200`, { as: admin, expect: 200 });
        assert.ok(some.json.items.length > 0, `acme-prod has ${status} users`);
        for (const user of some.json.items.slice(0, 5)) await api('GET', `${users}/${user.id}`, { as: admin, expect: 200 });
    }
    await api('GET', `${users}?q=a&sort=name`, { as: admin, expect: 200 });
    await api('GET', `${users}?status=gone`, { as: admin, expect: 400 });
    await api('GET', users, { as: customer, expect: 403 });
    await api('GET', '/tenants/globex-dev/support-users', { as: admin, expect: 404 });
    await api('GET', users, { expect: 401 });

    const someone = firstPage.json.items[0].id;
    const details = await api('GET', `${users}/${someone}`, { as: admin, expect: 200 });
    await api('GET', `${users}/${someone}`, { as: admin, headers: { 'if-none-match': details.headers.get('etag') }, expect: 304 });
    await api('GET', `${users}/99999999`, { as: admin, expect: 404 });
    await api('GET', `${users}/${someone}`, { as: customer, expect: 403 });
    await api('GET', `${users}/${someone}`, { expect: 401 });

    // An invitation to a new address, its e-mail, and joining with it.
    const invitee = `openapi.${process.pid}@acme.example`;
    const invitation = { email: invitee, tenants: ['acme-prod'] };
    const invitationKey = newKey();
    const invited = await api('POST', users, { as: admin, body: invitation, key: invitationKey, expect: 201 });
    await api('POST', users, { as: admin, body: invitation, key: invitationKey, expect: 201 });   // replayed
    await api('POST', users, { as: admin, body: { email: `other.${invitee}` }, key: invitationKey, expect: 422 });
    await api('POST', users, { as: admin, body: invitation, key: newKey(), expect: 409 });          // pending already
    await api('POST', users, { as: admin, body: { email: 'sam.taylor@acme.example' }, key: newKey(), expect: 409 });
    await api('POST', users, { as: admin, body: { email: 'not an address' }, key: newKey(), expect: 400 });
    await api('POST', users, { as: customer, body: { email: `x.${invitee}` }, key: newKey(), expect: 403 });
    await api('POST', '/tenants/globex-dev/support-users', { as: admin, body: { email: `x.${invitee}` }, key: newKey(), expect: 404 });
    await api('POST', users, { body: { email: `x.${invitee}` }, key: newKey(), expect: 401 });

    const tokenFor = async (email) => {
        const mailbox = await api('GET', '/dev/mailbox', { expect: 200 });
        const mail = mailbox.json.messages.find((m) => m.to === email);
        assert.ok(mail, `an e-mail to ${email}`);
        return new URL(mail.link).hash.replace(/^#\/invitation\//, '');
    };
    const token = await tokenFor(invitee);
    await api('GET', `/invitations/${token}`, { expect: 200 });
    await api('GET', `/invitations/${'A'.repeat(43)}`, { expect: 404 });
    const joining = { name: 'Olu Contract', password: 'a long enough password' };
    await api('POST', `/invitations/${token}/accept`, { body: { name: 'Olu Contract', password: 'short' }, expect: 400 });
    await api('POST', `/invitations/${token}/accept`, { body: joining, headers: { origin: 'https://elsewhere.example' }, expect: 403 });
    await api('POST', `/invitations/${'A'.repeat(43)}/accept`, { body: joining, expect: 404 });
    const joined = await api('POST', `/invitations/${token}/accept`, { body: joining, expect: 200 });
    const newcomer = sessionOf(invitee, joined);
    await api('GET', '/session', { as: newcomer, expect: 200 });
    await api('GET', `/invitations/${token}`, { expect: 410 });
    await api('POST', `/invitations/${token}/accept`, { body: joining, expect: 410 });

    // An address with an account already: accepting asks for its password,
    // throttled like signing in.
    const owner = await signIn('owner@multi.example');
    await api('POST', '/tenants/globex-dev/support-users', {
        as: owner, body: { email: 'lee.chen@acme.example' }, key: newKey(), expect: 201,
    });
    const existingToken = await tokenFor('lee.chen@acme.example');
    const existing = await api('GET', `/invitations/${existingToken}`, { expect: 200 });
    assert.equal(existing.json.existing_account, true);
    await api('POST', `/invitations/${existingToken}/accept`, { body: {}, expect: 400 });
    for (let i = 0; i < 5; i++) {
        await api('POST', `/invitations/${existingToken}/accept`, { body: { password: `wrong ${i}` }, expect: 401 });
    }
    await api('POST', `/invitations/${existingToken}/accept`, { body: { password: 'demo-password' }, expect: 429 });

    // Revoking the newcomer: only with a current copy.
    const newcomerId = invited.json.user.id;
    const beforeRevoke = await api('GET', `${users}/${newcomerId}`, { as: admin, expect: 200 });
    await api('POST', `${users}/${newcomerId}/revoke`, { as: admin, headers: stale, expect: 412 });
    await api('POST', `${users}/${newcomerId}/revoke`, { as: customer, expect: 403 });
    await api('POST', `/tenants/globex-dev/support-users/${newcomerId}/revoke`, { as: admin, expect: 404 });
    await api('POST', `${users}/${newcomerId}/revoke`, { expect: 401 });
    await api('POST', `${users}/${newcomerId}/revoke`, { as: admin, headers: { 'if-match': beforeRevoke.headers.get('etag') }, expect: 200 });
    await api('GET', '/session', { as: newcomer, expect: 401 });

    // The audit log, a page at a time.
    const audit = await api('GET', '/tenants/acme-prod/audit?limit=2', { as: admin, expect: 200 });
    assert.ok(audit.json.next_cursor, 'more than 2 audit entries');
    await api('GET', `/tenants/acme-prod/audit?limit=200&cursor=${encodeURIComponent(audit.json.next_cursor)}`, { as: admin, expect: 200 });
    await api('GET', '/tenants/acme-prod/audit?limit=0', { as: admin, expect: 400 });
    await api('GET', '/tenants/acme-prod/audit?cursor=nonsense', { as: admin, expect: 400 });
    await api('GET', '/tenants/acme-prod/audit', { as: customer, expect: 403 });
    await api('GET', '/tenants/globex-dev/audit', { as: admin, expect: 404 });
    await api('GET', '/tenants/acme-prod/audit', { expect: 401 });
    assertNoMismatches();
});

test('password resets: ask for a link, read it, use it once, and refusals', async () => {
    const person = 'dana.whitfield@globex.example';
    await api('POST', '/password-resets', { body: { email: person }, expect: 202 });
    await api('POST', '/password-resets', { body: { email: 'not an address' }, expect: 400 });
    await api('POST', '/password-resets', { body: { email: person }, headers: { origin: 'https://elsewhere.example' }, expect: 403 });
    for (let i = 0; i < 3; i++) await api('POST', '/password-resets', { body: { email: 'nobody.reset@example.com' }, expect: 202 });
    await api('POST', '/password-resets', { body: { email: 'nobody.reset@example.com' }, expect: 429 });

    const mailbox = await api('GET', '/dev/mailbox', { expect: 200 });
    const mail = mailbox.json.messages.find((m) => m.to === person && m.link.includes('#/reset-password/'));
    assert.ok(mail, `a reset e-mail to ${person}`);
    const token = new URL(mail.link).hash.replace(/^#\/reset-password\//, '');
    await api('GET', `/password-resets/${token}`, { expect: 200 });
    await api('GET', `/password-resets/${'A'.repeat(43)}`, { expect: 404 });
    await api('POST', `/password-resets/${'A'.repeat(43)}`, { body: { password: 'a brand new passphrase' }, expect: 404 });
    await api('POST', `/password-resets/${token}`, { body: { password: 'short' }, expect: 400 });
    await api('POST', `/password-resets/${token}`, {
        body: { password: 'a brand new passphrase' }, headers: { origin: 'https://elsewhere.example' }, expect: 403,
    });
    const reset = await api('POST', `/password-resets/${token}`, { body: { password: 'a brand new passphrase' }, expect: 200 });
    await api('GET', '/session', { as: sessionOf(person, reset), expect: 200 });
    await api('GET', `/password-resets/${token}`, { expect: 410 });
    await api('POST', `/password-resets/${token}`, { body: { password: 'another new passphrase' }, expect: 410 });
    assertNoMismatches();
});

test('two-step sign-in: enrol, confirm, sign in with a code, turn off, and refusals', async () => {
    const email = 'owner@multi.example';
    const person = await signIn(email);
    const base = '/session/second-factor';
    await api('GET', base, { as: person, expect: 200 });
    await api('GET', base, { expect: 401 });
    await api('POST', `${base}/enrolment`, { expect: 401 });
    await api('POST', `${base}/enrolment`, { as: person, csrf: false, expect: 403 });
    await api('POST', `${base}/enrolment/confirm`, { as: person, body: { code: '123456' }, expect: 409 });
    const { secret } = (await api('POST', `${base}/enrolment`, { as: person, expect: 201 })).json;
    await api('POST', `${base}/enrolment/confirm`, { as: person, body: { code: '000000' }, expect: 422 });
    await api('POST', `${base}/enrolment/confirm`, { as: person, body: {}, expect: 400 });
    await api('POST', `${base}/enrolment/confirm`, { body: { code: '000000' }, expect: 401 });
    await api('POST', `${base}/enrolment/confirm`, { as: person, csrf: false, body: { code: '000000' }, expect: 403 });
    const step = Math.floor(Date.now() / 30000);
    const on = await api('POST', `${base}/enrolment/confirm`, { as: person, body: { code: totp(secret, step) }, expect: 200 });
    await api('POST', `${base}/enrolment`, { as: person, expect: 409 });

    // A new password by mail still needs the code.
    await api('POST', '/password-resets', { body: { email }, expect: 202 });
    const mail = (await api('GET', '/dev/mailbox', { expect: 200 })).json.messages
        .find((m) => m.to === email && m.link.includes('#/reset-password/'));
    const resetToken = new URL(mail.link).hash.replace(/^#\/reset-password\//, '');
    await api('POST', `/password-resets/${resetToken}`, { body: { password: 'demo-password' }, expect: 202 });

    const challenged = await api('POST', '/session', { body: { email, password: 'demo-password' }, expect: 202 });
    const { challenge } = challenged.json;
    await api('POST', base, { body: { challenge, code: '000000' }, expect: 422 });
    await api('POST', base, { body: { challenge }, expect: 400 });
    await api('POST', base, { body: { challenge, code: totp(secret, step + 1) }, headers: { origin: 'https://elsewhere.example' }, expect: 403 });
    const signedIn = await api('POST', base, { body: { challenge, code: totp(secret, step + 1) }, expect: 200 });
    await api('POST', base, { body: { challenge, code: totp(secret, step + 1) }, expect: 410 });
    const again = sessionOf(email, signedIn);

    await api('POST', `${base}/disable`, { as: again, body: { code: '000000' }, expect: 422 });
    await api('POST', `${base}/disable`, { as: again, body: {}, expect: 400 });
    await api('POST', `${base}/disable`, { body: { code: on.json.recovery_codes[0] }, expect: 401 });
    await api('POST', `${base}/disable`, { as: again, csrf: false, body: { code: on.json.recovery_codes[0] }, expect: 403 });
    await api('POST', `${base}/disable`, { as: again, body: { code: on.json.recovery_codes[0] }, expect: 200 });
    await api('POST', `${base}/disable`, { as: again, body: { code: on.json.recovery_codes[1] }, expect: 409 });
    assertNoMismatches();
});

test('the operator API: tenants, plans, admins, engineers, revocations, and refusals', async () => {
    const portalAdmin = (...args) => execFileSync(path.join(root, 'build/native/portal-web'),
        ['admin', '--db', service.databasePath, ...args], { encoding: 'utf8' });
    const token = portalAdmin('operator', 'invite', 'ops@vendor.example').match(/spt_\S+/)[0];
    const operator = { authorization: `Bearer ${token}` };
    const engineerToken = portalAdmin('engineer', 'token', 'engineer@vendor.example').match(/spt_\S+/)[0];

    await api('GET', '/admin/tenants', { headers: operator, expect: 200 });
    await api('GET', '/admin/tenants', { expect: 401 });
    await api('GET', '/admin/tenants', { headers: { authorization: 'Bearer spt_wrong' }, expect: 401 });
    await api('GET', '/admin/tenants', { headers: { authorization: `Bearer ${engineerToken}` }, expect: 403 });
    const tenant = { slug: 'umbrella', name: 'Umbrella Health', plan: 'standard', region: 'eu' };
    await api('POST', '/admin/tenants', { headers: operator, body: tenant, expect: 201 });
    await api('POST', '/admin/tenants', { headers: operator, body: tenant, expect: 409 });
    await api('POST', '/admin/tenants', { headers: operator, body: { ...tenant, slug: 'umbrella-two', plan: 'gold' }, expect: 422 });
    await api('POST', '/admin/tenants', { headers: operator, raw: 'not json', expect: 400 });
    await api('POST', '/admin/tenants', { headers: { authorization: `Bearer ${engineerToken}` }, body: tenant, expect: 403 });
    await api('POST', '/admin/tenants', { body: tenant, expect: 401 });

    await api('PATCH', '/admin/tenants/umbrella', { headers: operator, body: { plan: 'enterprise' }, expect: 200 });
    await api('PATCH', '/admin/tenants/nobody', { headers: operator, body: { plan: 'enterprise' }, expect: 404 });
    await api('PATCH', '/admin/tenants/umbrella', { headers: operator, body: { plan: 7 }, expect: 422 });
    await api('PATCH', '/admin/tenants/umbrella', { headers: operator, raw: '[]', expect: 400 });
    await api('PATCH', '/admin/tenants/umbrella', { body: { plan: 'standard' }, expect: 401 });
    await api('PATCH', '/admin/tenants/umbrella', { headers: { authorization: `Bearer ${engineerToken}` }, body: { plan: 'standard' }, expect: 403 });

    const admins = '/admin/tenants/umbrella/admins';
    await api('POST', admins, { headers: operator, body: { email: 'ada@umbrella.example' }, expect: 201 });
    await api('POST', admins, { headers: operator, body: { email: 'ada@umbrella.example' }, expect: 409 });
    await api('POST', admins, { headers: operator, body: { email: 'not an address' }, expect: 422 });
    await api('POST', admins, { headers: operator, raw: '{', expect: 400 });
    await api('POST', '/admin/tenants/nobody/admins', { headers: operator, body: { email: 'ada@umbrella.example' }, expect: 404 });
    await api('POST', admins, { body: { email: 'x@umbrella.example' }, expect: 401 });
    await api('POST', admins, { headers: { authorization: `Bearer ${engineerToken}` }, body: { email: 'x@umbrella.example' }, expect: 403 });

    await api('GET', '/session/second-factor', { headers: { authorization: `Bearer ${engineerToken}` }, expect: 403 });
    await api('GET', '/admin/engineers', { headers: operator, expect: 200 });
    await api('GET', '/admin/engineers', { expect: 401 });
    await api('GET', '/admin/engineers', { headers: { authorization: `Bearer ${engineerToken}` }, expect: 403 });
    await api('POST', '/admin/engineers', { headers: operator, body: { email: 'lin@vendor.example' }, expect: 201 });
    await api('POST', '/admin/engineers', { headers: operator, body: { email: 'lin@vendor.example' }, expect: 409 });
    await api('POST', '/admin/engineers', { headers: operator, body: {}, expect: 422 });
    await api('POST', '/admin/engineers', { headers: operator, raw: 'null', expect: 400 });
    await api('POST', '/admin/engineers', { body: { email: 'lin@vendor.example' }, expect: 401 });
    await api('POST', '/admin/engineers', { headers: { authorization: `Bearer ${engineerToken}` }, body: { email: 'x@vendor.example' }, expect: 403 });

    await api('POST', '/admin/revocations', { headers: operator, body: { email: 'lin@vendor.example' }, expect: 200 });
    await api('POST', '/admin/revocations', { headers: operator, body: { email: 'ghost@vendor.example' }, expect: 404 });
    await api('POST', '/admin/revocations', { headers: operator, body: { email: 'ops@vendor.example' }, expect: 409 });
    await api('POST', '/admin/revocations', { headers: operator, body: { email: 'nope' }, expect: 422 });
    await api('POST', '/admin/revocations', { headers: operator, raw: '"x"', expect: 400 });
    await api('POST', '/admin/revocations', { body: { email: 'lin@vendor.example' }, expect: 401 });
    await api('POST', '/admin/revocations', { headers: { authorization: `Bearer ${engineerToken}` }, body: { email: 'x@vendor.example' }, expect: 403 });

    const webhook = { url: 'http://127.0.0.1:9/hooks/portal', secret: 'a-secret-of-the-help-desk-0123' };
    await api('POST', '/admin/webhooks', { headers: operator, body: webhook, expect: 201 });
    await api('POST', '/admin/webhooks', { headers: operator, body: webhook, expect: 409 });
    await api('POST', '/admin/webhooks', { headers: operator, body: { ...webhook, secret: 'short' }, expect: 422 });
    await api('POST', '/admin/webhooks', { headers: operator, raw: '[1]', expect: 400 });
    await api('POST', '/admin/webhooks', { body: webhook, expect: 401 });
    await api('POST', '/admin/webhooks', { headers: { authorization: `Bearer ${engineerToken}` }, body: webhook, expect: 403 });
    await api('GET', '/admin/webhooks', { headers: operator, expect: 200 });
    await api('GET', '/admin/webhooks', { expect: 401 });
    await api('GET', '/admin/webhooks', { headers: { authorization: `Bearer ${engineerToken}` }, expect: 403 });
    await api('GET', '/admin/webhooks/deliveries?limit=5', { headers: operator, expect: 200 });
    await api('GET', '/admin/webhooks/deliveries?limit=none', { headers: operator, expect: 400 });
    await api('GET', '/admin/webhooks/deliveries', { expect: 401 });
    await api('GET', '/admin/webhooks/deliveries', { headers: { authorization: `Bearer ${engineerToken}` }, expect: 403 });
    await api('POST', '/admin/webhooks/removals', { headers: operator, body: { url: webhook.url }, expect: 200 });
    await api('POST', '/admin/webhooks/removals', { headers: operator, body: { url: webhook.url }, expect: 404 });
    await api('POST', '/admin/webhooks/removals', { headers: operator, body: { url: 7 }, expect: 422 });
    await api('POST', '/admin/webhooks/removals', { headers: operator, raw: 'x', expect: 400 });
    await api('POST', '/admin/webhooks/removals', { body: { url: webhook.url }, expect: 401 });
    await api('POST', '/admin/webhooks/removals', { headers: { authorization: `Bearer ${engineerToken}` }, body: { url: webhook.url }, expect: 403 });
    assertNoMismatches();
});

test('company sign-in: start at the provider, come back, and refusals', async () => {
    const redirectUri = `${service.url}/api/v1/sso/callback`;
    const provider = await startScriptedIssuer({ clientId: 'portal', clientSecret: 'a-client-secret', redirectUri });
    const gone = await startScriptedIssuer({ clientId: 'portal', clientSecret: 'a-client-secret', redirectUri });
    try {
        const secretFile = path.join(path.dirname(service.databasePath), 'client-secret');
        writeFileSync(secretFile, 'a-client-secret\n');
        // Not execFileSync: the command reads a discovery document this very process serves.
        const sso = (tenant, issuer, domain) => promisify(execFile)(path.join(root, 'build/native/portal-web'), ['admin', '--db',
            service.databasePath, 'tenant', 'sso', tenant, '--issuer', issuer, '--client-id', 'portal',
            '--client-secret-file', secretFile, '--domains', domain], { encoding: 'utf8' });
        await sso('acme-prod', provider.issuer, 'sso.acme.example');
        await sso('globex-dev', gone.issuer, 'gone.globex.example');
        await gone.stop();   // its discovery document was read once, by the command; now nobody answers

        await api('POST', '/sso/start', { body: { email: 'pat@sso.acme.example' }, expect: 200 });
        await api('POST', '/sso/start', { body: { email: '' }, expect: 400 });
        await api('POST', '/sso/start', { body: { email: 'pat@nowhere.example' }, expect: 404 });
        await api('POST', '/sso/start', { body: { email: 'pat@gone.globex.example' }, expect: 502 });
        await api('POST', '/sso/start', { body: { email: 'pat@sso.acme.example' }, headers: { origin: 'https://elsewhere.example' }, expect: 403 });
        // Ten waiting sign-ins from one client address (the first above); the eleventh waits.
        for (let i = 1; i < 10; ++i) await api('POST', '/sso/start', { body: { email: 'pat@sso.acme.example' }, expect: 200 });
        await api('POST', '/sso/start', { body: { email: 'pat@sso.acme.example' }, expect: 429 });
        await api('GET', '/sso/callback?state=nobody-started-this&code=x', { expect: 303 });

        // The same setups through the operator API.
        const portalAdmin = (...args) => execFileSync(path.join(root, 'build/native/portal-web'),
            ['admin', '--db', service.databasePath, ...args], { encoding: 'utf8' });
        const operator = { authorization: `Bearer ${portalAdmin('operator', 'invite', 'sso-ops@vendor.example').match(/spt_\S+/)[0]}` };
        const engineer = { authorization: `Bearer ${portalAdmin('engineer', 'token', 'engineer@vendor.example').match(/spt_\S+/)[0]}` };
        const setup = { issuer: provider.issuer, client_id: 'portal', client_secret: 'a-client-secret', domains: ['initech.example'] };
        await api('PUT', '/admin/tenants/initech-trial/sso', { headers: operator, body: { ...setup, password_sign_in: false }, expect: 200 });
        await api('PUT', '/admin/tenants/initech-trial/sso', { headers: operator, body: { ...setup, domains: ['sso.acme.example'] }, expect: 409 });
        await api('PUT', '/admin/tenants/initech-trial/sso', { headers: operator, body: { ...setup, domains: 'initech.example' }, expect: 422 });
        await api('PUT', '/admin/tenants/initech-trial/sso', { headers: operator, body: { ...setup, issuer: 'http://id.example.com' }, expect: 422 });
        await api('PUT', '/admin/tenants/initech-trial/sso', { headers: operator, raw: '[]', expect: 400 });
        await api('PUT', '/admin/tenants/nobody/sso', { headers: operator, body: setup, expect: 404 });
        await api('PUT', '/admin/tenants/initech-trial/sso', { body: setup, expect: 401 });
        await api('PUT', '/admin/tenants/initech-trial/sso', { headers: engineer, body: setup, expect: 403 });
        await api('DELETE', '/admin/tenants/initech-trial/sso', { headers: operator, expect: 204 });
        await api('DELETE', '/admin/tenants/initech-trial/sso', { headers: operator, expect: 404 });
        await api('DELETE', '/admin/tenants/initech-trial/sso', { expect: 401 });
        await api('DELETE', '/admin/tenants/initech-trial/sso', { headers: engineer, expect: 403 });

        const vendor = { ...setup, domains: ['vendor.example'] };
        await api('PUT', '/admin/sso', { headers: operator, body: vendor, expect: 200 });
        await api('PUT', '/admin/sso', { headers: operator, body: { ...vendor, domains: ['sso.acme.example'] }, expect: 409 });
        await api('PUT', '/admin/sso', { headers: operator, body: { ...vendor, password_sign_in: 'no' }, expect: 422 });
        await api('PUT', '/admin/sso', { headers: operator, raw: '1', expect: 400 });
        await api('PUT', '/admin/sso', { body: vendor, expect: 401 });
        await api('PUT', '/admin/sso', { headers: engineer, body: vendor, expect: 403 });
        await api('DELETE', '/admin/sso', { headers: operator, expect: 204 });
        await api('DELETE', '/admin/sso', { headers: operator, expect: 404 });
        await api('DELETE', '/admin/sso', { expect: 401 });
        await api('DELETE', '/admin/sso', { headers: engineer, expect: 403 });
    } finally {
        await provider.stop();
    }
    assertNoMismatches();
});

test('a database that fails: 500 and 503 answers', { skip: !sqliteTool && 'no sqlite3 tool' }, async () => {
    // Last: the service is not usable after this.
    const sql = (statement) => execFileSync('sqlite3', [service.databasePath, statement]);
    sql('ALTER TABLE tickets RENAME TO tickets_gone');
    await api('GET', '/tickets', { as: engineer, expect: 500 });
    await api('GET', '/tickets/T-1001', { as: engineer, expect: 500 });
    sql('ALTER TABLE schema_migrations RENAME TO schema_migrations_gone');
    await api('GET', '/health', { expect: 503 });
    assertNoMismatches();
});

test('every operation and every documented answer was exercised', (t) => {
    const seen = [...contract.seen];
    const neverCalled = contract.operationIds().filter((id) => !seen.some((s) => s.startsWith(`${id} `)));
    assert.deepEqual(neverCalled, [], 'operations of web/openapi.yaml no test called');
    const documented = contract.documentedAnswers();
    const missing = documented.filter((answer) => !contract.seen.has(answer) && !(answer in notExercised));
    assert.deepEqual(missing, [], 'documented answers no test brought about (bring each about, or say why not in notExercised)');
    const staleSkips = Object.keys(notExercised).filter((answer) => contract.seen.has(answer) || !documented.includes(answer));
    assert.deepEqual(staleSkips, [], 'notExercised lists answers that were seen after all, or that the document no longer has');
    for (const [answer, why] of Object.entries(notExercised)) t.diagnostic(`not exercised: ${answer}: ${why}`);
});
