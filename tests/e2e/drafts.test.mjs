// Drafts as a person uses them: start two requests, find both on the Drafts
// screen, discard one and take it back with Undo, export one as a file,
// discard it and import the file back, refuse a file that is no draft, reload
// and keep typing where the cursor was, and sign out wiping the drafts.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
    clickItem, findItem, items, screenshotDir, settle, signedInContext, typeInto, useDemo, waitForFrame, waitForScreen,
    watchConsole,
} from './portal_harness.mjs';

const demo = useDemo();

async function goTo(page, hash) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await waitForScreen(page, hash);
    await settle(page);
}

// 720 px of the (tall) page from `top`: the Drafts screen, or around a dialog.
async function screenshot(page, name, top = 0) {
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), clip: { x: 0, y: top, width: 1280, height: 720 } });
}

async function gone(page, label) {
    await page.waitForFunction((l) => !window.portalTest.items().some((i) => i.label === l), label, { timeout: 5000 });
}

// Every route form in the demo's EU region opens behind the open incident.
async function pastIncident(page) {
    await clickItem(page, 'My problem is something else');
    await findItem(page, 'Summary');
}

async function keptDraftKeys(page) {
    return page.evaluate(() => new Promise((resolve, reject) => {
        const open = indexedDB.open('support-portal');   // whatever version the page made
        open.onsuccess = () => {
            const request = open.result.transaction('drafts', 'readonly').objectStore('drafts').getAllKeys();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
        };
        open.onerror = () => reject(open.error);
    }));
}

// Acme's admin, signed in, on a tall page at `hash`; a fresh browser
// context each, so each has its own IndexedDB.
async function signedInPage(hash) {
    const context = await signedInContext(demo.browser, demo.service.url, 'admin@acme.example',
        { viewport: { width: 1280, height: 3400 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1${hash}`);
    await waitForFrame(page);
    return { context, page, errors };
}

test('drafts: list, discard and undo, export and import, the cursor field after a reload, wipe on sign-out', async () => {
    const { context, page, errors } = await signedInPage('#/route/general');

    // Two routes' forms with something typed in each; the last field typed
    // in on General is its summary.
    await pastIncident(page);
    await typeInto(page, 'Description', 'Since 09:00 every refresh answers invalid_grant.');
    await clickItem(page, /^Severity 2 \(High\)/);
    await typeInto(page, 'Summary', 'Token refresh fails for every user');
    await goTo(page, '#/route/security');
    await pastIncident(page);
    await typeInto(page, 'Summary', 'XSS in the login page');
    await page.waitForTimeout(1000);   // written within a second of the last change

    // Both are on the Drafts screen, reached from the header.
    await clickItem(page, 'Drafts (2)');
    await waitForScreen(page, '#/drafts');
    await findItem(page, 'Token refresh fails for every user');
    await findItem(page, 'XSS in the login page');
    await findItem(page, 'Edited just now');
    await screenshot(page, 'drafts-1-list');

    // Discard one, then Undo puts it back (and on the device again).
    await clickItem(page, 'Discard Security report draft');
    await findItem(page, 'Draft discarded.');
    await gone(page, 'XSS in the login page');
    await findItem(page, 'Drafts (1)');
    await screenshot(page, 'drafts-2-discarded');
    await clickItem(page, 'Undo');
    await findItem(page, 'XSS in the login page');
    await gone(page, 'Draft discarded.');

    // Export General as a file: the draft plus what it is.
    const [download] = await Promise.all([
        page.waitForEvent('download'),
        clickItem(page, 'Export General question draft'),
    ]);
    assert.match(download.suggestedFilename(), /^support-draft-general-\d{4}-\d\d-\d\d\.json$/);
    const exported = readFileSync(await download.path(), 'utf8');
    const draft = JSON.parse(exported);
    assert.equal(draft.format, 'support-portal-draft');
    assert.equal(draft.version, 1);
    assert.equal(draft.route, 'general');
    assert.equal(draft.severity, 2);
    assert.equal(draft.fields.summary, 'Token refresh fails for every user');
    assert.equal(draft.fields.description, 'Since 09:00 every refresh answers invalid_grant.');
    assert.equal(draft.focus, 'summary');
    assert.match(draft.edited_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    // Discard it, and import the file back: the form opens with it.
    await clickItem(page, 'Discard General question draft');
    await gone(page, 'Token refresh fails for every user');
    const folder = mkdtempSync(path.join(tmpdir(), 'portal-drafts-'));
    const file = path.join(folder, download.suggestedFilename());
    writeFileSync(file, exported);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Import draft...')]);
    await chooser.setFiles(file);
    await waitForScreen(page, '#/route/general');
    await findItem(page, /^Imported the General question draft from/);
    await pastIncident(page);
    await findItem(page, /responds to Severity \d \(\w+\) requests within 2 hours/);   // the severity came with it

    // A file that is no draft is refused, in words naming it; nothing is lost.
    await goTo(page, '#/drafts');
    const bad = path.join(folder, 'not-a-draft.json');
    writeFileSync(bad, '{"hello": "world"}');
    const [badChooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Import draft...')]);
    await badChooser.setFiles(bad);
    await findItem(page, /^Could not import \u201cnot-a-draft\.json\u201d: it is JSON but not a support portal draft/);
    await findItem(page, 'Token refresh fails for every user');
    await findItem(page, 'XSS in the login page');
    assert.ok(!(await items(page)).some((i) => i.label === 'Draft discarded.'), 'no Undo for a draft imported back');
    await screenshot(page, 'drafts-3-bad-import');
    await clickItem(page, 'Dismiss');

    // After a reload the keyboard is back in the field last typed in:
    // typing without a click continues the summary.
    await goTo(page, '#/route/general');
    await page.waitForTimeout(1000);
    await page.reload();
    await waitForFrame(page);
    await pastIncident(page);
    await settle(page);
    await page.keyboard.type(' since 09:00');
    await settle(page);
    await goTo(page, '#/drafts');
    await findItem(page, 'Token refresh fails for every user since 09:00');

    // Signing out asks; wiping leaves nothing on the device.
    await page.waitForTimeout(1000);
    await clickItem(page, 'Sign out');
    const dialog = await findItem(page, 'Keep drafts on this device?');
    await findItem(page, /^You have 2 drafts not yet submitted/);
    await screenshot(page, 'drafts-4-sign-out', Math.max(0, dialog.y - 300));
    await clickItem(page, 'Wipe drafts and sign out');
    await waitForScreen(page, '#/sign-in');
    await page.waitForTimeout(500);
    assert.deepEqual(await keptDraftKeys(page), []);
    await page.goto(`${demo.service.url}/?test=1#/drafts`);
    await page.reload();
    await waitForFrame(page);
    await findItem(page, 'No drafts on this device');
    assert.ok(!(await items(page)).some((i) => /^Drafts \(/.test(i.label)), 'no count in the header');
    await screenshot(page, 'drafts-5-empty');
    assert.deepEqual(errors, []);
    await context.close();
});

test('signing out can keep the drafts: they are still there after a reload, to resume', async () => {
    const { context, page, errors } = await signedInPage('#/route/security');
    await pastIncident(page);
    await typeInto(page, 'Summary', 'Open redirect on the logout endpoint');
    await page.waitForTimeout(1000);
    await clickItem(page, 'Sign out');
    await clickItem(page, 'Keep drafts and sign out');
    await waitForScreen(page, '#/sign-in');
    await page.goto(`${demo.service.url}/?test=1#/drafts`);
    await page.reload();
    await waitForFrame(page);
    await findItem(page, 'Open redirect on the logout endpoint');
    await findItem(page, 'Drafts (1)');
    await clickItem(page, 'Resume Security report draft');
    await waitForScreen(page, '#/route/security');
    assert.deepEqual(errors, []);
    await context.close();
});
