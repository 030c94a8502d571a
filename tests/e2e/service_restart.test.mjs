// The harness's restart(), which the browser crash tests stand on: a
// service started with the test fault dies after storing a ticket without
// answering, `exited` says so with the fault's code, and restart() brings it
// back on the same address and database, where the retried request gets the
// stored ticket. Plain HTTP, no browser: only the harness is under test here.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { faultExitCode, onboardingDraft, startService } from './portal_harness.mjs';

async function signIn(url) {
    const response = await fetch(`${url}/api/v1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'admin@acme.example', password: 'demo-password' }),
    });
    assert.equal(response.status, 200, await response.clone().text());
    const body = await response.json();
    return {
        Cookie: `portal_session=${response.headers.get('set-cookie').match(/portal_session=([^;]+)/)[1]}`,
        'X-CSRF-Token': body.csrf_token,
    };
}

// An onboarding request that passes every check.
const draft = onboardingDraft('acme-prod', {
    summary: 'Harness restart: one ticket across a crash',
    description: 'Filed once, answered after the service came back.',
});

test('restart() brings a crashed service back on the same address and database', async () => {
    const service = await startService(['--demo', '--fault=exit-after-ticket-stored']);
    try {
        const { url, port, databasePath } = service;
        assert.ok(existsSync(databasePath));
        const session = await signIn(url);
        const post = () => fetch(`${url}/api/v1/tickets`, {
            method: 'POST',
            headers: { ...session, 'Content-Type': 'application/json', 'Idempotency-Key': 'harness-restart' },
            body: JSON.stringify(draft),
        });

        await assert.rejects(post(), TypeError);   // the connection dropped: no answer
        assert.equal(await service.exited, faultExitCode);
        assert.match(service.output, /test fault exit-after-ticket-stored: ticket T-\d+ and its Idempotency-Key answer are committed/);

        assert.equal(await service.restart(), service);
        assert.equal(service.url, url);
        assert.equal(service.port, port);
        assert.doesNotMatch(service.output, /test fault/);   // restarted without the fault

        const retried = await post();
        const retriedBody = await retried.text();
        assert.equal(retried.status, 201, retriedBody);
        assert.equal(retried.headers.get('idempotent-replayed'), 'true');
        const ticket = JSON.parse(retriedBody);
        assert.equal(ticket.summary, draft.fields.summary);

        const list = await (await fetch(`${url}/api/v1/tickets?tenant=acme-prod&limit=500`, { headers: session })).json();
        assert.deepEqual(list.items.filter((t) => t.summary === draft.fields.summary).map((t) => t.id), [ticket.id]);
    } finally {
        await service.stop();
    }
    assert.ok(!existsSync(service.dataDir), 'stop() removes the data folder it made');
});
