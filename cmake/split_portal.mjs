// Splits the linked public/portal.wasm in two: what starting the page runs
// stays in portal.wasm, everything else (the HAR screen, the users' admin,
// the account page, ...) moves to portal.deferred-<hash>.wasm, which the page
// fetches after its first frame (boot.js). The first load then carries only
// what the first frame needs, however many screens the portal grows.
//
// Which functions a start runs is measured, not guessed: binaryen's
// wasm-split instruments the module, the page starts in headless Chromium
// against the real service (signed out; signed in on the home and tickets
// screens), each run writes which functions ran, and wasm-split cuts the
// module along the merged profile. A function the profile missed costs a
// wait, never a failure: its placeholder loads the rest at once.
//
// Usage: node split_portal.mjs --public DIR --service PORTAL_WEB --work DIR --harness DIR
// (DIR: tests/e2e, whose portal_harness.mjs starts the service and Chromium)
// Leaves the module whole (and says so) when the service or Chromium is not
// there; fails the build when the split itself fails.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const options = {};
for (let i = 2; i < process.argv.length; i += 2) options[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const publicDir = options.public;
const service = options.service;
const workDir = options.work;
const harnessDir = options.harness;
const chromiumPath = '/usr/bin/chromium';   // the harness's
if (!publicDir || !service || !workDir || !harnessDir) {
    console.error('usage: split_portal.mjs --public DIR --service PORTAL_WEB --work DIR --harness DIR');
    process.exit(2);
}

// The features emcc's module uses; wasm-split must not assume more.
const FEATURES = ['--enable-sign-ext', '--enable-mutable-globals'];
const DEFERRED_SECTION = 'portal.deferred';
const wasmPath = path.join(publicDir, 'portal.wasm');

const removeOldDeferred = () => {
    for (const name of readdirSync(publicDir)) {
        if (/^portal\.deferred-[0-9a-f]+\.wasm$/.test(name)) rmSync(path.join(publicDir, name));
    }
};

const module = new WebAssembly.Module(readFileSync(wasmPath));
if (WebAssembly.Module.customSections(module, DEFERRED_SECTION).length > 0) {
    console.log('portal.wasm is split already');
    process.exit(0);
}
const leaveWhole = (why) => {
    removeOldDeferred();
    console.warn(`split_portal: leaving portal.wasm whole (${why}); the page works, its first load is larger`);
    process.exit(0);
};
if (!existsSync(service)) leaveWhole(`no service at ${service}: build the native preset first`);
if (!existsSync(chromiumPath)) leaveWhole(`no Chromium at ${chromiumPath}`);
// The browser tests' harness starts the service and Chromium (tests/e2e, where playwright-core is installed).
let harness;
try {
    harness = await import(pathToFileURL(path.join(harnessDir, 'portal_harness.mjs')).href);
} catch {
    leaveWhole(`playwright-core is not installed in ${harnessDir}: ./portal setup installs it`);
}

rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
const run = (tool, args) => execFileSync(tool, args, { stdio: ['ignore', 'inherit', 'inherit'] });
// A copy of the site whose portal.wasm is the instrumented module, so the
// page starts exactly as it will from public/ (streaming compile and all).
const siteDir = path.join(workDir, 'public');
mkdirSync(siteDir);
for (const name of readdirSync(publicDir)) {
    if (name === 'portal.wasm' || /^portal\.deferred-/.test(name)) continue;
    symlinkSync(path.resolve(publicDir, name), path.join(siteDir, name));
}
run('wasm-split', ['--instrument', ...FEATURES, wasmPath, '-o', path.join(siteDir, 'portal.wasm')]);

// One start of the page on `hash`, signed in as `email` or not: the
// profile of the functions that ran until the page settled.
async function profileOf(browser, url, hash, email) {
    const context = await browser.newContext();
    try {
        if (email) {
            const answer = await context.request.post(`${url}/api/v1/session`, { data: { email, password: 'demo-password' } });
            if (!answer.ok()) throw new Error(`signing in as ${email} answered ${answer.status()}`);
        }
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(String(error)));
        await page.goto(`${url}/${hash}`);
        await page.waitForFunction(() => performance.getEntriesByName('portal-first-frame').length > 0, null,
            { timeout: 30000 });
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(3000);
        if (errors.length) throw new Error(`the page failed on ${hash}: ${errors.join('; ')}`);
        const bytes = await page.evaluate(() => {
            const exports = window.portalDeferred.exports;
            const memory = Object.values(exports).find((value) => value instanceof WebAssembly.Memory);
            const size = 1 << 20;
            const at = memory.grow(size >> 16) * 65536;
            const length = exports.__write_profile(at, size);
            return Array.from(new Uint8Array(memory.buffer, at, length));
        });
        const file = path.join(workDir, `profile-${createHash('sha1').update(hash + email).digest('hex').slice(0, 8)}`);
        writeFileSync(file, Buffer.from(bytes));
        return file;
    } finally {
        await context.close();
    }
}

const running = await harness.startService(['--demo'], { binary: service, publicDir: siteDir, timeoutMs: 15000 });
const profiles = [];
try {
    const browser = await harness.launchBrowser();
    try {
        // The address people type (no hash), signed out and in, and the
        // tickets list a signed-in person comes back to.
        profiles.push(await profileOf(browser, running.url, '', null));
        profiles.push(await profileOf(browser, running.url, '', 'admin@acme.example'));
        profiles.push(await profileOf(browser, running.url, '#/tickets', 'admin@acme.example'));
    } finally {
        await browser.close();
    }
} finally {
    await running.stop();
}

const merged = path.join(workDir, 'profile');
run('wasm-split', ['--merge-profiles', ...profiles, '-o', merged]);
const primary = path.join(workDir, 'primary.wasm');
const secondary = path.join(workDir, 'secondary.wasm');
run('wasm-split', ['--split', ...FEATURES, `--profile=${merged}`, wasmPath, '-o1', primary, '-o2', secondary]);
const optimizedPrimary = path.join(workDir, 'primary-oz.wasm');
const optimizedSecondary = path.join(workDir, 'secondary-oz.wasm');
run('wasm-opt', ['-Oz', ...FEATURES, primary, '-o', optimizedPrimary]);
run('wasm-opt', ['-Oz', ...FEATURES, secondary, '-o', optimizedSecondary]);

// The rest is named by its own hash, so a page never pairs its portal.wasm
// with another deployment's rest; the primary says the name in a custom section.
const rest = readFileSync(optimizedSecondary);
const restName = `portal.deferred-${createHash('sha256').update(rest).digest('hex').slice(0, 12)}.wasm`;
removeOldDeferred();
writeFileSync(path.join(publicDir, restName), rest);
writeFileSync(wasmPath, Buffer.concat([readFileSync(optimizedPrimary), customSection(DEFERRED_SECTION, restName)]));
console.log(`split portal.wasm: ${readFileSync(wasmPath).length} bytes start the page, ${rest.length} in ${restName}`);

function customSection(name, text) {
    const leb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return out; };
    const nameBytes = Buffer.from(name), payload = Buffer.from(text);
    const body = Buffer.concat([Buffer.from(leb(nameBytes.length)), nameBytes, payload]);
    return Buffer.concat([Buffer.from([0]), Buffer.from(leb(body.length)), body]);
}
