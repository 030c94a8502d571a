// Phones and zoom: every screen at 320 to 1280 CSS px wide (and a desktop at
// 200 % zoom, devicePixelRatio 2 with half the width) lays out without two
// items overlapping and without anything cut at the right edge.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
    clickItem, findItem, items, root, screenshot, settle, signedInContext, typeInto, useDemo, waitForFrame, waitForScreen,
    watchConsole,
} from './portal_harness.mjs';

const demo = useDemo();

const widths = [320, 360, 390, 768, 1280];
const screenshotWidths = new Set([390, 1280]);
const pageHeight = 4800;   // tall, so a whole route form is on screen at once
const tolerance = 0.5;     // CSS px of rounding

// Rectangles that share area without one holding the other.
function partialOverlap(a, b) {
    const overlapX = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
    const overlapY = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
    if (overlapX <= tolerance || overlapY <= tolerance) return false;
    const holds = (outer, inner) => inner.x >= outer.x - tolerance && inner.y >= outer.y - tolerance &&
        inner.x + inner.w <= outer.x + outer.w + tolerance && inner.y + inner.h <= outer.y + outer.h + tolerance;
    return !holds(a, b) && !holds(b, a);
}

const describe = (i) => `"${i.label || '(no label)'}" at ${i.x.toFixed(1)},${i.y.toFixed(1)} ${i.w.toFixed(1)}x${i.h.toFixed(1)}`;

// The page's own regions (header, content) span the viewport unlabelled.
const isPageRegion = (item, width) => !item.label && item.x <= tolerance && Math.abs(item.w - width) <= tolerance;

// The test hook clips each item to its window, so an item cut at the right
// edge of the page ends exactly there: nothing else the portal draws touches it.
// A menu or dialog covers the page: only its own items may not overlap.
async function layoutProblems(page, width) {
    const shown = (await items(page)).filter((i) => i.w > 0 && i.h > 0 && !isPageRegion(i, width));
    const problems = [];
    for (const item of shown)
        if (item.x < -tolerance || item.x + item.w > width - 1) problems.push(`${describe(item)} reaches past the ${width} px viewport`);
    for (let i = 0; i < shown.length; i++)
        for (let j = i + 1; j < shown.length; j++)
            if (shown[i].overlay === shown[j].overlay && partialOverlap(shown[i], shown[j]))
                problems.push(`${describe(shown[i])} overlaps ${describe(shown[j])}`);
    return problems;
}

async function check(page, width, screen, problems) {
    await settle(page);
    for (const problem of await layoutProblems(page, width)) problems.push(`${width} px, ${screen}: ${problem}`);
    if (screenshotWidths.has(width)) await screenshot(page, `layout-${width}-${screen}`);
}

async function openPage(width, email, hash, { deviceScaleFactor = 1, height = pageHeight } = {}) {
    const options = { viewport: { width, height }, deviceScaleFactor };
    const context = email ? await signedInContext(demo.browser, demo.service.url, email, options)
        : await demo.browser.newContext(options);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1${hash}`);
    await waitForFrame(page);
    return { page, errors, close: () => context.close() };
}

// Whether an item labelled `label` shows up within a short while.
async function present(page, label, timeout = 1500) {
    try {
        await findItem(page, label, { timeout });
        return true;
    } catch {
        return false;
    }
}

// Scrolls the page down with the mouse wheel until `label` is on screen.
async function scrollUntil(page, label) {
    const { width, height } = page.viewportSize();
    await page.mouse.move(width / 2, height / 2);
    for (let turn = 0; turn < 20 && !(await present(page, label, 100)); turn++) {
        await page.mouse.wheel(0, height / 2);
        await settle(page);
    }
}

// Each route with a wrong value typed into one of its fields, so its error shows.
const routeErrors = [
    { route: 'onboarding', field: 'Tenant slug', value: 'Not A Slug!' },
    { route: 'production', field: null, value: null },
    { route: 'advanced', field: 'Entitlement', value: '!!' },
    { route: 'general', field: 'Affected client or application', value: '!!' },
    { route: 'security', field: 'Your e-mail address', value: 'not an address' },
];

async function openRouteWithError(page, { route, field, value }) {
    await page.evaluate((r) => { location.hash = `#/route/${r}`; }, route);
    await waitForScreen(page, `#/route/${route}`);
    if (await present(page, 'My problem is something else')) await clickItem(page, 'My problem is something else');
    if (await present(page, 'Only a few users', 500)) await clickItem(page, 'Only a few users');
    if (field) await typeInto(page, field, value);
    // Submitting an incomplete form marks what is missing.
    await scrollUntil(page, 'Submit request');
    await clickItem(page, 'Submit request');
    await settle(page);
}

for (const width of widths) {
    test(`every screen lays out at ${width} CSS px`, async () => {
        const problems = [];
        {
            const { page, errors, close } = await openPage(width, null, '#/');
            await findItem(page, 'Security report');
            await check(page, width, 'home-signed-out', problems);
            await page.evaluate(() => { location.hash = '#/sign-in'; });
            await waitForScreen(page, '#/sign-in');
            await check(page, width, 'sign-in', problems);
            await clickItem(page, 'Forgot password?');
            await waitForScreen(page, '#/forgot-password');
            await findItem(page, 'Send me a link');
            await check(page, width, 'forgot-password', problems);
            // The HAR screen with a file's report on it.
            await page.evaluate(() => { location.hash = '#/har'; });
            await waitForScreen(page, '#/har');
            const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Choose a HAR file\u2026')]);
            await chooser.setFiles(path.join(root, '..', 'shared', 'fixtures', 'har', 'jfromaniello-har-sanitizer_example.har'));
            await findItem(page, /^The flow stopped at entry 2/, { timeout: 20000 });
            await check(page, width, 'har', problems);
            assert.deepEqual(errors, []);
            await close();
        }
        {
            const { page, errors, close } = await openPage(width, 'admin@acme.example', '#/');
            await findItem(page, 'Security report');
            await check(page, width, 'home', problems);
            if (await present(page, 'Menu', 500)) {
                await clickItem(page, 'Menu');
                await findItem(page, 'Sign out');
                await check(page, width, 'menu', problems);
                await page.keyboard.press('Escape');
                await settle(page);
            }
            for (const route of routeErrors) {
                await openRouteWithError(page, route);
                await check(page, width, `route-${route.route}`, problems);
            }
            await page.evaluate(() => { location.hash = '#/tickets'; });
            await waitForScreen(page, '#/tickets');
            await findItem(page, / left$|^Paused · resumes/, { timeout: 10000 });
            await check(page, width, 'tickets', problems);
            const ticket = await findItem(page, /^T-\d+$|^[A-Z]+-\d+$/);
            await page.mouse.click(ticket.x + ticket.w / 2, ticket.y + ticket.h / 2);
            await page.waitForFunction(() => /^#\/tickets\/./.test(window.portalTest.screen()));
            await findItem(page, / left$|^Paused · resumes|^Breached|^Met|^Answered|^No response target/, { timeout: 10000 });
            await check(page, width, 'ticket', problems);
            await page.evaluate(() => { location.hash = '#/users'; });
            await waitForScreen(page, '#/users');
            await findItem(page, /^Details of /, { timeout: 10000 });
            await check(page, width, 'users', problems);
            await clickItem(page, 'Invite a support user');
            await findItem(page, 'Send invitation');
            await check(page, width, 'invite', problems);
            await page.keyboard.press('Escape');
            await page.evaluate(() => { location.hash = '#/drafts'; });
            await waitForScreen(page, '#/drafts');
            await check(page, width, 'drafts', problems);
            await page.evaluate(() => { location.hash = '#/account'; });
            await waitForScreen(page, '#/account');
            await findItem(page, 'Set up an authenticator app', { timeout: 10000 });
            await check(page, width, 'account', problems);
            await clickItem(page, 'Set up an authenticator app');
            await findItem(page, 'Turn on two-step sign-in', { timeout: 10000 });
            await check(page, width, 'account-setup', problems);
            assert.deepEqual(errors, []);
            await close();
        }
        {
            // An invitation link, as the e-mail carries it.
            const admin = await openPage(width, 'admin@acme.example', '#/users');
            await findItem(admin.page, /^Details of /, { timeout: 10000 });
            await clickItem(admin.page, 'Invite a support user');
            const invitee = `layout.${width}.${Date.now()}@acme.example`;
            await typeInto(admin.page, 'E-mail address', invitee);
            await clickItem(admin.page, 'Send invitation');
            await admin.page.waitForFunction(() => !document.querySelector('#a11y [role="dialog"]'), null, { timeout: 10000 });
            await settle(admin.page);
            await scrollUntil(admin.page, `Details of ${invitee}`);   // the list is by e-mail: it may be further down
            await findItem(admin.page, `Details of ${invitee}`, { timeout: 10000 });
            await admin.close();
            const mailbox = await (await fetch(`${demo.service.url}/api/v1/dev/mailbox`)).json();
            const mail = mailbox.messages.find((m) => m.to === invitee);
            assert.ok(mail, `an invitation e-mail to ${invitee}`);
            const { page, errors, close } = await openPage(width, null, new URL(mail.link).hash);
            await findItem(page, 'Your name', { timeout: 10000 });
            await check(page, width, 'invitation', problems);
            assert.deepEqual(errors, []);
            await close();
        }
        assert.deepEqual(problems, [], `layout problems:\n${problems.join('\n')}`);
    });
}

test('a desktop at 200 % zoom reflows to the phone layout and stays crisp', async () => {
    const problems = [];
    // A 1280 x 1800 screen zoomed to 200 %.
    const { page, errors, close } = await openPage(640, 'admin@acme.example', '#/tickets', { deviceScaleFactor: 2, height: 900 });
    await findItem(page, / left$|^Paused · resumes/, { timeout: 10000 });
    assert.equal(await page.evaluate(() => window.devicePixelRatio), 2);
    // The canvas has a device pixel for every device pixel: no upscaling blur.
    const canvas = await page.evaluate(() => {
        const c = document.querySelector('canvas');
        return { width: c.width, cssWidth: c.getBoundingClientRect().width };
    });
    assert.equal(canvas.width, canvas.cssWidth * 2);
    await check(page, 640, 'tickets-zoom-200', problems);
    await screenshot(page, 'layout-640-zoom-200-tickets');
    assert.ok(await present(page, 'Menu'), 'the header is a menu at 640 CSS px');
    assert.deepEqual(problems, [], `layout problems:\n${problems.join('\n')}`);
    assert.deepEqual(errors, []);
    await close();
});
