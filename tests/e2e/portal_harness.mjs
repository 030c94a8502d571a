// Shared set-up for the browser tests and benchmarks: start the portal's own
// service on a free loopback port, launch Debian's Chromium, and address the
// ImGui surface the way a person would, by the labels window.portalTest reports.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const root = process.env.PORTAL_ROOT ?? path.resolve(import.meta.dirname, '../..');
export const screenshotDir = path.join(root, 'build', 'screenshots');

export const chromiumFlags = [
    '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
];

// Starts build/native/portal-web (or `binary`) with a fresh database;
// resolves once it prints its address, with how long that took. `publicDir`
// serves another copy of the site (a test may then redeploy it in place).
export async function startService(extraArgs = [], {
    binary = path.join(root, 'build/native/portal-web'), timeoutMs = 10000, publicDir = path.join(root, 'public'),
} = {}) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'portal-e2e-'));
    const started = performance.now();
    const child = spawn(binary,
        ['--port', '0', '--db', path.join(dataDir, 'portal.sqlite3'), '--public', publicDir, ...extraArgs],
        { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`service did not start:\n${output}`)), timeoutMs);
        const scan = (chunk) => {
            output += chunk;
            const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
            if (match) { clearTimeout(timer); resolve(match[1]); }
        };
        child.stdout.on('data', scan);
        child.stderr.on('data', scan);
        child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`service exited with ${code}:\n${output}`)); });
    });
    return {
        url,
        startSeconds: (performance.now() - started) / 1000,
        async stop() {
            if (child.exitCode === null) {
                const exited = new Promise((resolve) => child.once('exit', resolve));
                child.kill('SIGTERM');
                await exited;
            }
            rmSync(dataDir, { recursive: true, force: true });
        },
    };
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
    await page.keyboard.type(text);
    await settle(page);
}

export async function clickItem(page, label) {
    // A window that just appeared (a popup, a dialog) is laid out off screen
    // in its first frame: take positions from a frame drawn after the input.
    await settle(page);
    const item = await findItem(page, label);
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

// One demo service and one browser for a test file, started before its
// tests and stopped after them: `const demo = useDemo(); ... demo.service.url`.
export function useDemo(extraArgs = []) {
    const demo = { service: null, browser: null };
    before(async () => {
        demo.service = await startService(['--demo', ...extraArgs]);
        demo.browser = await launchBrowser();
    });
    after(async () => {
        await demo.browser?.close();
        await demo.service?.stop();
    });
    return demo;
}
