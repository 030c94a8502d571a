// A customer's whole path, as a person does it: open Onboarding, get past the
// open incident, type a redirect URI that does not match and see why beside
// it, fix it, paste a token and read its claims and warnings, submit, see the
// ticket number and its countdown, reload and find it; then support replies
// (the clock stops), marks it solved, and the customer's confirmation closes it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
    clickItem, findItem, items, labels, screenshot, settle, signedInContext as signedIn, typeInto, useDemo,
    waitForFrame, watchConsole,
} from './portal_harness.mjs';

const demo = useDemo();

async function replaceIn(page, label, text) {
    await clickItem(page, label);
    await settle(page);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await settle(page);
}

// Clicks `answer` under the question `question` (answers like "Yes" repeat).
async function chooseAnswer(page, question, answerText) {
    const q = await findItem(page, question);
    const below = (await items(page)).filter((i) => i.label === answerText && i.y > q.y).sort((a, b) => a.y - b.y);
    assert.ok(below.length > 0, `an answer "${answerText}" under "${question}"`);
    await page.mouse.click(below[0].x + below[0].w / 2, below[0].y + below[0].h / 2);
    await settle(page);
}

// Leaves the focused field, as Tab does.
async function leave(page) {
    await page.keyboard.press('Tab');
    await settle(page);
}

// A screenshot of the part of the (tall) page around an item.
async function screenshotAround(page, label, name, height = 700) {
    const item = await findItem(page, label);
    await page.screenshot({
        path: `${(await import('./portal_harness.mjs')).screenshotDir}/${name}.png`,
        clip: { x: 0, y: Math.max(0, item.y - 120), width: 1280, height },
    });
}

function token(header, claims) {
    const part = (object) => Buffer.from(JSON.stringify(object)).toString('base64url');
    return `${part(header)}.${part(claims)}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;
}

async function signedInContext(email, options = {}) {
    return signedIn(demo.browser, demo.service.url, email, options);
}

test('a customer files an onboarding request and follows it to closed', async () => {
    const context = await signedInContext('admin@acme.example', { viewport: { width: 1280, height: 4800 } });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1#/route/onboarding`);
    await waitForFrame(page);

    // The demo has an open incident in the EU, where Acme is: it comes first.
    await findItem(page, /^We are already working on this/, { timeout: 10000 });
    await screenshotAround(page, /^We are already working on this/, 'request-1-incident', 500);
    await clickItem(page, 'My problem is something else');
    await findItem(page, 'Tenant slug');

    await clickItem(page, 'Only a few users');
    await findItem(page, /^Check these first/);
    await chooseAnswer(page, /^Does it happen every time/, 'Yes, it happens every time');

    await typeInto(page, 'Organization ID', 'org_7Hq2KpL9sX4mN1aB');
    await typeInto(page, 'Application key', 'app_3f9c2a71d4e84b0c');
    await clickItem(page, 'Client purpose');
    await clickItem(page, 'Interactive web app');
    await settle(page);
    await typeInto(page, 'Registered redirect URIs', 'https://app.example.com/callback');

    // A redirect URI that differs in host case, a written-out :443 and a
    // trailing slash: the error sits beside the field once it is left.
    await typeInto(page, 'Redirect URI', 'https://App.example.com:443/callback/');
    // (The Exact error message field's example quotes such an error: not a finding.)
    assert.ok(!(await labels(page)).some((l) => /does not match/i.test(l) && !l.startsWith('Example:')), 'no error while typing');
    await leave(page);
    const mismatch = await findItem(page, /match/i);
    assert.ok(mismatch.label.length > 20, mismatch.label);
    const shown = await labels(page);
    for (const part of [/letter case/i, /443/, /trailing slash/i])
        assert.ok(shown.some((l) => part.test(l)), `a difference matching ${part} among ${JSON.stringify(shown)}`);
    await screenshotAround(page, 'Redirect URI', 'request-2-redirect-mismatch');

    await replaceIn(page, 'Redirect URI', 'https://app.example.com/callback');
    await findItem(page, /Matches a registered redirect URI exactly/);
    assert.ok(!(await labels(page)).some((l) => /letter case/i.test(l)), 'the differences are gone');
    await screenshotAround(page, 'Redirect URI', 'request-3-redirect-fixed', 400);

    await typeInto(page, 'Exact error message', 'invalid_request: the redirect_uri does not match the registered value');

    // A pasted token is decoded here: its claims, and what is wrong with it.
    const now = Math.floor(Date.now() / 1000);
    await typeInto(page, 'Token (JWT)', token({ alg: 'HS256', typ: 'JWT' },
        { iss: 'https://someone-else.example.com/', sub: 'user-42', aud: 'app_3f9c2a71d4e84b0c', iat: now - 7200, exp: now - 3600 }));
    await findItem(page, 'iss');
    await findItem(page, /user-42/);
    const tokenLabels = await labels(page);
    for (const finding of [/HS256/, /kid/, /expired/i, /someone-else\.example\.com|issuer/i])
        assert.ok(tokenLabels.some((l) => finding.test(l)), `a finding matching ${finding} among ${JSON.stringify(tokenLabels)}`);
    await screenshotAround(page, 'Token (JWT)', 'request-4-token', 650);

    await typeInto(page, 'When it happened', '2026-11-23 09:30');
    await findItem(page, /^Read as /);
    await typeInto(page, 'Summary', 'Sign-in fails with a redirect URI mismatch');
    await typeInto(page, 'Description', 'After moving the app to its new domain every sign-in ends with invalid_request.');

    await clickItem(page, /^The redirect URIs registered for the interactive web client/);
    await clickItem(page, /^Your services validate JWTs with the discovery metadata/);
    await settle(page);

    await chooseAnswer(page, /^Is this a how-to question/, 'No');
    await chooseAnswer(page, 'Is a production environment affected?', 'No');
    await chooseAnswer(page, 'Are all or most users affected?', 'No');
    await chooseAnswer(page, 'Is major functionality unavailable or badly degraded?', 'No');
    await findItem(page, /^Suggested: Severity 3 \(Normal\)/);
    await clickItem(page, /^Severity 3 \(Normal\)/);
    await findItem(page, /responds to Severity \d \(\w+\) requests within /);
    await screenshotAround(page, /^How urgent|Severity 1 \(Urgent\)/, 'request-5-severity', 800);

    // Ready: the button no longer lists anything missing.
    const missing = (await labels(page)).find((l) => l.startsWith('Still needed'));
    assert.equal(missing, undefined, `still needed: ${missing}`);
    await clickItem(page, 'Submit request');
    await page.waitForFunction(() => /^#\/tickets\/T-/.test(window.portalTest.screen()), null, { timeout: 10000 });
    const hash = await page.evaluate(() => window.portalTest.screen());
    const id = hash.slice('#/tickets/'.length);
    await findItem(page, new RegExp(`^Ticket ${id} received`));
    await findItem(page, / left$|^Paused · resumes/, { timeout: 10000 });
    await page.setViewportSize({ width: 1280, height: 1100 });
    await settle(page);
    await screenshot(page, 'request-6-submitted');

    // Reload: the ticket is there, with what was submitted.
    await page.reload();
    await waitForFrame(page);
    await findItem(page, new RegExp(`^${id} · Sign-in fails`), { timeout: 10000 });
    await findItem(page, 'https://app.example.com/callback');
    // The time as typed, and the instant support looks for in its logs.
    await findItem(page, '2026-11-23 09:30  (Mon 23 Nov 2026, 09:30 UTC)');
    await findItem(page, / left$|^Paused · resumes/, { timeout: 10000 });

    // Support answers in the portal, as the vendor's engineer: the response clock stops.
    const engineer = await signedInContext('engineer@vendor.example');
    const support = await engineer.newPage();
    await support.setViewportSize({ width: 1280, height: 1400 });
    await support.goto(`${demo.service.url}/?test=1#/tickets/${id}`);
    await waitForFrame(support);
    await findItem(support, new RegExp(`^${id} · Sign-in fails`), { timeout: 10000 });
    await typeInto(support, 'Reply', 'The registered value has no trailing slash; your app now sends exactly that. Please try again.');
    await clickItem(support, 'Send reply');
    await findItem(support, /^Met · answered in/, { timeout: 10000 });
    await screenshot(support, 'request-7a-support-replies');
    await page.reload();
    await waitForFrame(page);
    await findItem(page, /^Met · answered in/, { timeout: 10000 });
    await findItem(page, /trailing slash; your app now sends/);
    await screenshot(page, 'request-7-support-replied');

    // Support marks it solved; the customer confirms and it closes.
    await clickItem(support, 'Mark solved');
    await findItem(support, /^Solved, awaiting confirmation · /, { timeout: 10000 });
    await page.reload();
    await waitForFrame(page);
    await findItem(page, 'Confirm it is solved', { timeout: 10000 });
    await screenshot(page, 'request-8-solved');
    await clickItem(page, 'Confirm it is solved');
    await findItem(page, new RegExp(`^Thank you. Ticket ${id} is closed`), { timeout: 10000 });
    await findItem(page, /^Closed · /);
    await screenshot(page, 'request-9-closed');
    await engineer.close();
    assert.deepEqual(errors, []);
    await context.close();
});

test('the plan decides the routes: none without a plan, a trial shows its days and gets Standard', async () => {
    const open = async (email, hash) => {
        const context = await signedInContext(email, { viewport: { width: 1280, height: 1000 } });
        const page = await context.newPage();
        await page.goto(`${demo.service.url}/?test=1${hash}`);
        await waitForFrame(page);
        return { context, page };
    };

    const free = await open('admin@hooli.example', '#/');
    await findItem(free.page, /tickets need a support plan/, { timeout: 10000 });
    await findItem(free.page, 'Security report');
    const shown = await labels(free.page);
    for (const closed of ['Onboarding', 'Production', 'Advanced features', 'General question'])
        assert.ok(!shown.includes(closed), `${closed} is not offered without a plan`);
    await screenshot(free.page, 'request-10-no-plan-home');
    await free.context.close();

    const trial = await open('admin@initech.example', '#/route/general');
    const line = await findItem(trial.page, /^Filed for Initech/, { timeout: 10000 });
    assert.match(line.label, /\d+ of 22 days left; you get Standard Support/);
    await trial.context.close();
});

test('a draft survives closing the page: every field, answer and choice is back', async () => {
    const context = await signedInContext('admin@acme.example');
    let page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 3400 });
    await page.goto(`${demo.service.url}/?test=1#/route/general`);
    await waitForFrame(page);
    await clickItem(page, 'My problem is something else');
    await clickItem(page, 'All or most users');
    await typeInto(page, 'Summary', 'Token refresh fails for every user since 09:00');
    await typeInto(page, 'Description', 'Line one.\nLine two, still the same field.');
    await clickItem(page, /^Severity 2 \(High\)/);
    await page.waitForTimeout(1200);   // the draft is written within a second of the last change
    await page.close();

    page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 3400 });
    const errors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1#/route/general`);
    await waitForFrame(page);
    await clickItem(page, 'My problem is something else');
    await findItem(page, /^Check these first/, { timeout: 10000 });   // the triage answer is back
    await findItem(page, /responds to Severity \d \(\w+\) requests within 2 hours/);   // so is the severity
    await screenshot(page, 'request-11-draft-restored');
    // The restored text is what gets filed.
    await clickItem(page, 'Submit request');
    await page.waitForFunction(() => /^#\/tickets\/T-/.test(window.portalTest.screen()), null, { timeout: 10000 });
    await findItem(page, 'Token refresh fails for every user since 09:00', { timeout: 10000 });
    await findItem(page, 'Line one.\nLine two, still the same field.');
    assert.deepEqual(errors, []);
    await context.close();
});
