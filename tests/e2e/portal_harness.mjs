// Shared set-up for the browser tests and benchmarks: start the portal's own
// service on a free loopback port (and restart it there on the same data),
// launch Debian's Chromium, and address the ImGui surface the way a person
// would, by the labels window.portalTest reports.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { constants as osConstants, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { createHmac } from 'node:crypto';

export const root = process.env.PORTAL_ROOT ?? path.resolve(import.meta.dirname, '../..');
export const screenshotDir = path.join(root, 'build', 'screenshots');

export const chromiumFlags = [
    '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
];

// portal-web's exit code when a test fault (--fault NAME, with --demo) ends it.
export const faultExitCode = 3;

// Starts build/native/portal-web (or `binary`) and resolves once it prints
// its address. By default on a free port with a fresh database in a new temp
// folder; `dataDir` (a folder holding portal.sqlite3) and `port` pin either,
// and `publicDir` serves another copy of the site (a test may then redeploy
// it in place).
// The service object:
//   url, port, dataDir, databasePath, startSeconds
//   exited     promise of the running process's exit code (128 + N for
//              signal N); a new one after each restart()
//   output     what the running process printed so far (stdout and stderr)
//   restart(args?)  stops the process if it still runs, then starts the
//              service again on the same port and database and resolves with
//              the service once it listens. `args` default to the first
//              start's minus any --fault, so a crash test reads:
//                const service = await startService(['--demo', '--fault=exit-after-ticket-stored']);
//                ... the page files a ticket; its request fails ...
//                assert.equal(await service.exited, faultExitCode);
//                await service.restart();   // same url: the page's retry reaches it
//   stop()     SIGTERM and wait; removes the data folder if startService made it.
export async function startService(extraArgs = [], {
    binary = path.join(root, 'build/native/portal-web'), timeoutMs = 10000, dataDir, port = 0,
    publicDir = path.join(root, 'public'),
} = {}) {
    const madeDataDir = !dataDir;
    if (madeDataDir) dataDir = mkdtempSync(path.join(tmpdir(), 'portal-e2e-'));
    const databasePath = path.join(dataDir, 'portal.sqlite3');
    const launch = (args, onPort) => launchService(binary, [
        '--port', String(onPort), '--db', databasePath, '--public', publicDir, ...args], timeoutMs);

    const started = performance.now();
    let running;
    try {
        running = await launch(extraArgs, port);
    } catch (error) {
        if (madeDataDir) rmSync(dataDir, { recursive: true, force: true });
        throw error;
    }
    const service = {
        url: running.url,
        port: Number(new URL(running.url).port),
        dataDir,
        databasePath,
        startSeconds: (performance.now() - started) / 1000,
        exited: running.exited,
        get pid() { return running.pid; },
        get output() { return running.output(); },
        async restart(args = withoutFault(extraArgs)) {
            await running.stop();
            // The same port even after a crash: the service binds with SO_REUSEADDR.
            running = await launch(args, service.port);
            service.exited = running.exited;
            return service;
        },
        async stop() {
            await running.stop();
            if (madeDataDir) rmSync(dataDir, { recursive: true, force: true });
        },
    };
    return service;
}

// The arguments without the test-only fault switch, in either spelling.
function withoutFault(args) {
    const kept = [];
    for (let i = 0; i < args.length; i++) {
        if (args[i] === '--fault') i++;
        else if (!args[i].startsWith('--fault=')) kept.push(args[i]);
    }
    return kept;
}

// One portal-web process: resolves when it says "listening on", rejects if
// it exits or stays silent first.
async function launchService(binary, args, timeoutMs) {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => {
        resolve(code ?? 128 + osConstants.signals[signal]);
    }));
    const url = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`service did not start:\n${output}`)), timeoutMs);
        const scan = (chunk) => {
            output += chunk;
            const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
            if (match) { clearTimeout(timer); resolve(match[1]); }
        };
        child.stdout.on('data', scan);
        child.stderr.on('data', scan);
        exited.then((code) => { clearTimeout(timer); reject(new Error(`service exited with ${code}:\n${output}`)); });
    });
    return {
        url,
        exited,
        pid: child.pid,
        output: () => output,
        async stop() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
        },
    };
}

// A browser context (with `options`: viewport, ...) signed in as `email`
// through the API, so a test starts where a signed-in person is.
export async function signedInContext(browser, serviceUrl, email, options = {}) {
    const context = await browser.newContext(options);
    const answer = await context.request.post(`${serviceUrl}/api/v1/session`,
        { data: { email, password: 'demo-password' } });
    if (answer.status() !== 200) throw new Error(`signing in ${email} failed: HTTP ${answer.status()}`);
    return context;
}

export async function launchBrowser() {
    return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumFlags });
}

// Collects console errors and uncaught exceptions; a test fails on any.
export function watchConsole(page) {
    const errors = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(String(error)));
    return errors;
}

export async function waitForFrame(page, after = 0) {
    await page.waitForFunction((n) => window.portalTest && window.portalTest.frame > n, after, { timeout: 15000 });
    return page.evaluate(() => window.portalTest.frame);
}

// Lets the input just sent reach the app: waits until it has drawn every
// event and gone idle again (Playwright's input calls return once the page
// has received the events).
export async function settle(page) {
    await page.waitForFunction(() => window.portalTest.idle, null, { timeout: 5000, polling: 'raf' });
}

export async function items(page) {
    return page.evaluate(() => window.portalTest.items());
}

// The labels of the items on screen.
export async function labels(page) {
    return (await items(page)).map((i) => i.label).filter(Boolean);
}

// Waits until an item whose label matches `label` (string: exact, RegExp:
// search) is on screen, and returns it.
export async function findItem(page, label, { timeout = 5000 } = {}) {
    const deadline = Date.now() + timeout;
    const matches = (item) => (label instanceof RegExp ? label.test(item.label) : item.label === label);
    for (;;) {
        const found = (await items(page)).find(matches);
        if (found) return found;
        if (Date.now() > deadline) {
            const labels = (await items(page)).map((i) => i.label).filter(Boolean);
            throw new Error(`no item labelled ${label} on screen; labels: ${JSON.stringify(labels)}`);
        }
        await page.waitForTimeout(50);
    }
}

// Types into the field labelled `label` after clicking it.
export async function typeInto(page, label, text) {
    await clickItem(page, label);
    // The click reaches ImGui a few frames after the field's <input> took
    // the focus; typing starts once it has (see docs/ARCHITECTURE.md).
    await settle(page);
    await page.keyboard.type(text);
    await settle(page);
}

// Roles (ui::Role) a person can press or type into.
const interactiveRoles = new Set([3, 4, 5, 6, 7, 8, 9, 10]);

export async function clickItem(page, label) {
    // A window that just appeared (a popup, a dialog) is laid out off screen
    // in its first frame: take positions from a frame drawn after the input.
    await settle(page);
    const first = await findItem(page, label);
    // The same words as a heading and a button ("Sign in"): the button.
    const matches = (item) => (label instanceof RegExp ? label.test(item.label) : item.label === label);
    const item = (await items(page)).find((i) => matches(i) && interactiveRoles.has(i.role)) ?? first;
    await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
    return item;
}

export async function waitForScreen(page, hash) {
    await page.waitForFunction((h) => window.portalTest.screen() === h, hash, { timeout: 5000 });
}

export async function screenshot(page, name) {
    mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `${name}.png`);
    await page.screenshot({ path: file });
    return file;
}

// One service (started with `args`) and one browser for a test file, started
// before its tests and stopped after them: `const run = useService(); ... run.service.url`.
export function useService(args = []) {
    const running = { service: null, browser: null };
    before(async () => {
        running.service = await startService(args);
        running.browser = await launchBrowser();
    });
    after(async () => {
        await running.browser?.close();
        await running.service?.stop();
    });
    return running;
}

// The same with the demo data: `const demo = useDemo(); ... demo.service.url`.
export function useDemo(extraArgs = []) {
    return useService(['--demo', ...extraArgs]);
}

// An onboarding request (POST /api/v1/tickets) that passes every check, as
// tests/api/ticket_drafts.cpp has it; `fields` replaces some of its fields.
export function onboardingDraft(tenant = 'acme-prod', fields = {}) {
    return {
        tenant,
        route: 'onboarding',
        severity: 2,
        customer_time_zone: 'Europe/Berlin',
        escalates: '',
        fields: {
            tenant,
            organization_id: 'org_7Hq2KpL9sX4mN1aB',
            application: 'app_3f9c2a71d4e84b0c',
            client_purpose: 'Interactive web app',
            registered_redirect_uris: 'https://app.example.com/callback',
            redirect_uri: 'https://app.example.com/callback',
            error_message: 'invalid_request: the redirect_uri does not match the registered value',
            occurred_at: '2025-03-14 09:32 Europe/Berlin',
            summary: 'Sign-in fails after moving the login page to a new domain',
            description: 'Every user gets an error right after entering credentials.',
            ...fields,
        },
        answers: { all_or_few: 'all' },
        checklist: { redirect_uris_match: true, tenant_registered: false },
    };
}

// What an authenticator app shows during the 30-second `step` for a base32
// `key` (RFC 6238: HMAC-SHA1, 6 digits), computed apart from the service.
export function totp(key, step) {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    let bits = '';
    for (const c of key.replace(/ /g, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
    const secret = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(BigInt(step));
    const mac = createHmac('sha1', secret).update(counter).digest();
    const offset = mac[mac.length - 1] & 15;
    return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0');
}
export const totpStepNow = () => Math.floor(Date.now() / 30000);

// The accessibility tree as a screen reader gets it: [{role, name, description, invalid, ...}].
export async function accessibilityTree(page) {
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    await cdp.detach();
    const property = (node, name) => node.properties?.find((p) => p.name === name)?.value?.value;
    const kept = nodes.filter((n) => !n.ignored).map((n) => ({
        id: n.nodeId, childIds: n.childIds ?? [],
        role: n.role?.value, name: n.name?.value ?? '', description: n.description?.value ?? '',
        invalid: property(n, 'invalid'), focusable: property(n, 'focusable'),
    }));
    // Ignored nodes (plain wrappers) are skipped over: children are the nearest kept ones.
    const all = new Map(nodes.map((n) => [n.nodeId, n]));
    const byId = new Map(kept.map((n) => [n.id, n]));
    const keptChildren = (ids) => ids.flatMap((id) => byId.has(id) ? [byId.get(id)] : keptChildren(all.get(id)?.childIds ?? []));
    for (const node of kept) node.children = keptChildren(node.childIds);
    return kept;
}

// Every node under `node`, depth first.
export function descendants(node) {
    return node.children.flatMap((child) => [child, ...descendants(child)]);
}

export function findNode(tree, role, name) {
    return tree.find((n) => n.role === role && (name instanceof RegExp ? name.test(n.name) : n.name === name));
}

export async function focusedItem(page) {
    return page.evaluate(() => {
        const el = document.activeElement;
        return { tag: el?.tagName, id: el?.dataset?.id ?? null, label: el?.getAttribute('aria-label') ?? el?.textContent ?? '' };
    });
}

// Presses Tab until the element named `name` has focus.
export async function tabTo(page, name, { limit = 80 } = {}) {
    for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        const focused = await focusedItem(page);
        if (name instanceof RegExp ? name.test(focused.label) : focused.label === name) {
            await settle(page);
            return focused;
        }
    }
    throw new Error(`Tab never reached ${name}`);
}
