// Support-only users API benchmark: portal-web with 10,000 synthetic
// support-only users in acme-prod (--demo --demo-support-users 10000),
// signed in as admin@acme.example, answering the user list over loopback.
// Each query is asked 500 times in a row after 50 unmeasured warm-up
// requests; the latency is one request from fetch() to the last byte of the
// body, as the portal sees it. Writes the "Support-only users API" section
// of docs/benchmarks.md. Goal (issue 4): p95 < 50 ms for list and search.
//
//   node tests/bench/users_api_bench.mjs
// Another build: USERS_BENCH_PORTAL_WEB=build/svc/portal-web
// Fewer requests while developing: USERS_BENCH_REQUESTS=100
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startService } from '../e2e/portal_harness.mjs';
import { writeSection } from './report.mjs';

const root = process.env.PORTAL_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const portalWeb = path.resolve(root, process.env.USERS_BENCH_PORTAL_WEB ?? 'build/native/portal-web');
const requests = Number(process.env.USERS_BENCH_REQUESTS ?? 500);
const warmUp = 50;
const userCount = 10000;
const goalMs = 50;

if (!existsSync(portalWeb)) {
    console.error(`users_api_bench: ${portalWeb} is missing; build it: cmake --build --preset native --target portal-web`);
    process.exit(1);
}

// --- measuring -----------------------------------------------------------------

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(url, cookie, pathOf) {
    const headers = { Cookie: `portal_session=${cookie}` };
    const once = async (i) => {
        const started = performance.now();
        const response = await fetch(url + pathOf(i), { headers });
        const body = await response.text();
        const ms = performance.now() - started;
        if (response.status !== 200) throw new Error(`${pathOf(i)} answered ${response.status}: ${body}`);
        return { ms, body };
    };
    for (let i = 0; i < warmUp; i++) await once(i);
    const times = [];
    let last;
    for (let i = 0; i < requests; i++) {
        const { ms, body } = await once(i);
        times.push(ms);
        last = body;
    }
    times.sort((a, b) => a - b);
    const page = JSON.parse(last);
    return {
        p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1),
        items: page.items.length, total: page.total,
    };
}

const service = await startService(['--demo', '--demo-support-users', String(userCount)],
    { binary: portalWeb, timeoutMs: 60000 });
let results;
let laterPageRow = 0;
try {
    const signIn = await fetch(`${service.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'admin@acme.example', password: 'demo-password' }),
    });
    if (signIn.status !== 200) throw new Error(`signing in answered ${signIn.status}: ${await signIn.text()}`);
    const cookie = signIn.headers.get('set-cookie').match(/portal_session=([^;]+)/)[1];

    const base = '/api/v1/tenants/acme-prod/support-users';
    // A cursor from the middle of the list: 100 pages of 50 in.
    let cursor = null;
    for (let page = 0; page < 100; page++) {
        const response = await fetch(`${service.url}${base}?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
            { headers: { Cookie: `portal_session=${cookie}` } });
        cursor = (await response.json()).next_cursor;
    }
    laterPageRow = 100 * 50;
    // Substrings of names and addresses, some rare, some common, in turn.
    const searches = ['son', 'ERIK', 'tanaka', 'a.b', 'contractors', 'el', 'zhang.1', 'ines', 'rossi.9', 'ber'];
    results = [
        ['First page (50, sorted by e-mail)', await measure(service.url, cookie, () => `${base}?limit=50`)],
        ['Search by substring (q rotating over 10 terms)', await measure(service.url, cookie,
            (i) => `${base}?limit=50&q=${encodeURIComponent(searches[i % searches.length])}`)],
        ['Status filter (status=invited)', await measure(service.url, cookie, () => `${base}?limit=50&status=invited`)],
        [`Later page via cursor (rows ${laterPageRow + 1}-${laterPageRow + 50})`, await measure(service.url, cookie,
            () => `${base}?limit=50&cursor=${cursor}`)],
        ['Sorted by last sign-in, newest first', await measure(service.url, cookie,
            () => `${base}?limit=50&sort=last_sign_in_at&order=desc`)],
        ['Search and filter, sorted by name (q=an&status=active&sort=name)', await measure(service.url, cookie,
            () => `${base}?limit=50&q=an&status=active&sort=name`)],
    ];
} finally {
    await service.stop();
}

// --- the report ------------------------------------------------------------------

const ms = (value) => `${value.toFixed(2)} ms`;
const verdict = (ok) => (ok ? 'met' : '**missed**');
const rows = results.map(([name, r]) =>
    `| ${name} | ${r.items} of ${r.total} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${verdict(r.p95 < goalMs)} |`);
const overridden = ['USERS_BENCH_PORTAL_WEB', 'USERS_BENCH_REQUESTS'].filter((v) => process.env[v]);
const command = `${overridden.map((v) => `${v}=${process.env[v]} `).join('')}node tests/bench/users_api_bench.mjs`;

const report = `Command: \`${command}\`, run on ${new Date().toISOString().slice(0, 10)}
on ${os.cpus()[0].model}, ${os.cpus().length} cores, Node ${process.version}. It starts
${path.relative(root, portalWeb)} with \`--demo --demo-support-users ${userCount}\` (${userCount.toLocaleString('en-US')}
synthetic support-only users in acme-prod besides the demo's own; start-up with seeding took
${service.startSeconds.toFixed(1)} s), signs in as admin@acme.example and asks
\`GET /api/v1/tenants/acme-prod/support-users\` each way below ${requests} times in a row, after ${warmUp}
unmeasured requests. Latency is one request from \`fetch()\` to the last byte of its body over loopback
(Node's fetch, kept-alive connections; the service closes one after 5 requests). Every answer includes
\`total\`, the count of all matching users.

| Query | Items of total | p50 | p95 | max | p95 < ${goalMs} ms |
|---|---|---|---|---|---|
${rows.join('\n')}

How (web/accounts/support_user_list.cpp): keyset pages, each starting after the sort value and id of the previous page's
last row. In a tenant this large a page walks the index of its order (users' e-mail, name or last sign-in;
memberships' invited_at) and stops when it is full, so a page deep in the list costs what the first does; a
search (\`LIKE '%term%'\`, which no index serves) scans the users table once and looks up memberships only for the
matches; \`total\` comes from the memberships index, or from that scan when searching.
`;

const file = writeSection('Support-only users API', report);
console.log(report);
console.error(`users_api_bench: wrote ${path.relative(root, file)}`);
