// The HAR screen as a customer uses it (issue 17): the HAR file of a failed
// login is read in the browser's HAR worker; the page says where the flow
// stopped, lists every redaction by kind, and the sanitised copy goes with a
// new onboarding request. The ticket lists it; what the service stores holds
// no planted secret; the service refuses an unsanitised file naming the
// entry; a support-only user of another tenant cannot download it. Also: a
// pasted SAML message decoded, a file that is not HAR refused in words, and
// the screen on a phone.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
    accessibilityTree, clickItem, findItem, findNode, items, onboardingDraft, root, settle, signedInContext, tabTo,
    useDemo, waitForFrame, waitForScreen, watchConsole,
} from './portal_harness.mjs';

const demo = useDemo();
const fixtures = path.join(root, '..', 'shared', 'fixtures');
const failedLogin = path.join(fixtures, 'har', 'jfromaniello-har-sanitizer_example.har');

async function signedInPage(email, hash, viewport = { width: 1280, height: 6400 }) {
    const context = await signedInContext(demo.browser, demo.service.url, email, { viewport, acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1${hash}`);
    await waitForFrame(page);
    return { context, page, errors };
}

async function chooseFile(page, button, file) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, button)]);
    await chooser.setFiles(file);
}

// The fixture's secrets (its README: a password in a JSON body, a CSRF
// cookie, Cookie/Set-Cookie values, a bearer credential): none may leave.
const plantedSecrets = ['pass1234', 'Bearer 123456', 'COOKIE1=BAR', 'COOKIE1=BOO', 'FOO=BARBAX', '_csrf=CSRF'];

test('a failed login HAR: where it stopped, the redactions, attached to a new onboarding request', async () => {
    const { context, page, errors } = await signedInPage('admin@acme.example', '#/drafts');
    // The request form, filled as a customer would have it (a draft file saves the typing).
    const folder = mkdtempSync(path.join(tmpdir(), 'portal-har-'));
    const draftFile = path.join(folder, 'onboarding.json');
    const draft = onboardingDraft();
    writeFileSync(draftFile, JSON.stringify({ format: 'support-portal-draft', version: 1, ...draft }));
    await chooseFile(page, 'Import draft...', draftFile);
    await waitForScreen(page, '#/route/onboarding');
    await clickItem(page, 'My problem is something else');

    // "Add a HAR file" beside the error and time fields leads to the HAR screen, for this form.
    await clickItem(page, 'Add a HAR file\u2026');
    await waitForScreen(page, '#/har');
    await findItem(page, 'For your Onboarding request.');
    await chooseFile(page, 'Choose a HAR file\u2026', failedLogin);
    const verdict = await findItem(page, /^The flow stopped at entry 2, POST https:\/\/auth\.company\.com\/login \(login\): 401 Unauthorized/,
                                   { timeout: 20000 });
    assert.match(verdict.label, /invalid_user_password/);
    await findItem(page, 'Sign-in steps');
    await findItem(page, /^Cookie values: \d+$/);
    await findItem(page, /^JSON members: \d+$/);
    await findItem(page, /^password · log\.entries\[2\]\.request\.postData\.text → REDACTED_/);
    // Nothing secret on screen either.
    for (const item of await items(page))
        for (const secret of plantedSecrets) assert.ok(!(item.label ?? '').includes(secret), `"${secret}" shown in ${item.label}`);
    await page.screenshot({ path: path.join(root, 'build', 'screenshots', 'har-1-report-1280.png'), clip: { x: 0, y: 0, width: 1280, height: 2200 } });

    // Fill the suggested identifiers: the application key typed stays.
    await clickItem(page, 'Fill these into the Onboarding form');
    await waitForScreen(page, '#/route/onboarding');
    await findItem(page, /Kept what you wrote in: .*Application key/);
    await page.goBack();
    await waitForScreen(page, '#/har');

    // Attach: back on the form, listed; submitting files the ticket, and the file follows it.
    await clickItem(page, 'Attach to the Onboarding request');
    await waitForScreen(page, '#/route/onboarding');
    await findItem(page, /^jfromaniello-har-sanitizer_example-sanitized\.har \(\d+ KB\), sent with the request$/);
    await clickItem(page, 'Submit request');
    await page.waitForFunction(() => /^#\/tickets\/T-\d+$/.test(window.portalTest.screen()), null, { timeout: 10000 })
        .catch(async (e) => { console.log(JSON.stringify(await page.evaluate(() => window.portalTest.forms()))); throw e; });
    const ticketId = (await page.evaluate(() => window.portalTest.screen())).slice('#/tickets/'.length);
    await findItem(page, 'Files');
    const link = await findItem(page, 'Download jfromaniello-har-sanitizer_example-sanitized.har', { timeout: 10000 });
    await findItem(page, /^\d+ KB · added by Amara Okafor · /);
    await page.screenshot({ path: path.join(root, 'build', 'screenshots', 'har-2-ticket-files.png'),
                            clip: { x: 0, y: Math.max(0, link.y - 300), width: 1280, height: 600 } });

    // The download is the sanitised copy: valid HAR, three entries, no secret.
    const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'Download jfromaniello-har-sanitizer_example-sanitized.har')]);
    const stored = readFileSync(await download.path(), 'utf8');
    assert.equal(JSON.parse(stored).log.entries.length, 3);
    for (const secret of plantedSecrets) assert.ok(!stored.includes(secret), `"${secret}" left in the stored file`);
    assert.match(stored, /REDACTED_/);

    // The service refuses the unsanitised file, naming the entry.
    const refused = await context.request.post(`${demo.service.url}/api/v1/tickets/${ticketId}/attachments`, {
        headers: { 'Content-Type': 'application/json', 'X-File-Name': 'raw.har', 'Idempotency-Key': `raw-${Date.now()}`,
                   'X-CSRF-Token': await csrfOf(context) },
        data: readFileSync(failedLogin),
    });
    assert.equal(refused.status(), 422, await refused.text());
    assert.match((await refused.json()).detail, /log\.entries\[\d+\]/);

    // A support-only user of another tenant cannot see it.
    const list = await (await context.request.get(`${demo.service.url}/api/v1/tickets/${ticketId}/attachments`)).json();
    const other = await signedInContext(demo.browser, demo.service.url, 'dana.whitfield@globex.example');
    assert.equal((await other.request.get(`${demo.service.url}${list.attachments[0].url}`)).status(), 404);
    await other.close();

    assert.deepEqual(errors, []);
    await context.close();
});

// The session's CSRF token, from the session endpoint (as the page reads it).
async function csrfOf(context) {
    const session = await (await context.request.get(`${demo.service.url}/api/v1/session`)).json();
    return session.csrf_token;
}

test('the HAR screen without signing in: a file that is not HAR refused, a SAML message decoded; on a phone', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 390, height: 4200 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1#/`);
    await waitForFrame(page);
    await clickItem(page, 'Analyse a HAR file or decode a token');
    await waitForScreen(page, '#/har');

    const folder = mkdtempSync(path.join(tmpdir(), 'portal-har-'));
    const cut = path.join(folder, 'cut.har');
    writeFileSync(cut, readFileSync(failedLogin, 'utf8').slice(0, 1500));
    await chooseFile(page, 'Choose a HAR file\u2026', cut);
    await findItem(page, /^\u201Ccut\.har\u201D is not a HAR file the portal can read: log\.entries\[\d\]/, { timeout: 20000 });

    await chooseFile(page, 'Choose another file\u2026', failedLogin);
    await findItem(page, /^The flow stopped at entry 2/, { timeout: 20000 });
    await page.screenshot({ path: path.join(root, 'build', 'screenshots', 'har-3-report-390.png'), clip: { x: 0, y: 0, width: 390, height: 1800 } });

    const saml = readFileSync(path.join(fixtures, 'tokens', 'python3-saml_invalids_signature_wrapping_attack2.xml.base64'), 'utf8');
    // Pasted, as a person would (the page's paste event, as any application's paste arrives).
    await clickItem(page, 'JWT or SAML message');
    await settle(page);
    await page.evaluate((text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, saml.trim());
    await settle(page);
    await clickItem(page, 'Decode');
    await findItem(page, /^SAML Response \(/, { timeout: 10000 });
    await findItem(page, /^Problem: .*(wrap|Reference)/i);
    assert.deepEqual(errors, []);
    await context.close();
});

test('the HAR screen by keyboard alone, as a screen reader hears it', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 4000 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1#/har`);
    await waitForFrame(page);
    await settle(page);

    await tabTo(page, 'Choose a HAR file\u2026');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
    await chooser.setFiles(failedLogin);
    await findItem(page, /^The flow stopped at entry 2/, { timeout: 20000 });
    await settle(page);

    const tree = await accessibilityTree(page);
    assert.ok(findNode(tree, 'heading', 'HAR files and tokens'), 'the page title is a heading');
    assert.ok(findNode(tree, 'heading', 'What the file shows'));
    assert.ok(findNode(tree, 'heading', /^Removed before anything is sent \(\d+\)$/));
    assert.ok(tree.some((n) => /The flow stopped at entry 2/.test(n.name)), 'the verdict is read out');
    assert.ok(findNode(tree, 'textbox', 'Also remove'), 'the own-text field is a labelled text box');
    assert.ok(findNode(tree, 'textbox', 'JWT or SAML message'));

    // The person's own text, typed and added from the keyboard: the file is read again without it.
    await tabTo(page, 'Also remove');
    await page.keyboard.type('foobarbax');
    await settle(page);
    await tabTo(page, 'Remove it too');
    await page.keyboard.press('Enter');
    await findItem(page, 'Removed: \u201Cfoobarbax\u201D', { timeout: 20000 });
    await findItem(page, /^Your own texts: \d+$/, { timeout: 20000 });

    await tabTo(page, 'Download the sanitised copy');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.equal(download.suggestedFilename(), 'jfromaniello-har-sanitizer_example-sanitized.har');
    const saved = readFileSync(await download.path(), 'utf8');
    assert.ok(!saved.includes('foobarbax'), 'the own text is gone from the copy');
    assert.equal(JSON.parse(saved).log.entries.length, 3);
    assert.deepEqual(errors, []);
    await context.close();
});
