// The portal for everyone: what a screen reader finds (the browser's own
// accessibility tree, read over CDP), the automated WCAG audit HTML sites use
// (axe-core), the keyboard alone, a phone's touch and on-screen keyboard, and
// input methods and password managers writing into the fields.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { devices } from 'playwright-core';
import {
    accessibilityTree, clickItem, descendants, findItem, findNode, focusedItem, labels, screenshot,
    screenshotDir, settle, signedInContext as signedIn, tabTo, typeInto, useDemo, waitForFrame,
    waitForScreen, watchConsole,
} from './portal_harness.mjs';

const demo = useDemo();

async function signedInPage(hash, options = { viewport: { width: 1280, height: 2400 } }, email = 'admin@acme.example') {
    const context = await signedIn(demo.browser, demo.service.url, email, options);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1${hash}`);
    await waitForFrame(page);
    await settle(page);
    return { context, page, errors };
}

async function formValue(page, route, field) {
    return page.evaluate(([r, f]) => window.portalTest.forms()[r]?.fields?.[f], [route, field]);
}

// The demo has an open incident in Acme's region: each route's form comes after it.
async function passIncident(page, field) {
    await findItem(page, /^We are already working on this/, { timeout: 10000 });
    await clickItem(page, 'My problem is something else');
    await findItem(page, field);
}

test('a screen reader finds the onboarding form: heading, fields by caption, an error as the field\'s description', async () => {
    const { context, page, errors } = await signedInPage('#/route/onboarding');
    await passIncident(page, 'Redirect URI');
    await clickItem(page, 'Redirect URI');
    await page.keyboard.type('app.example.com/callback');
    await page.keyboard.press('Tab');
    await settle(page);

    const tree = await accessibilityTree(page);
    assert.ok(findNode(tree, 'heading', /Onboarding|Set up/i) || tree.some((n) => n.role === 'heading'), 'a heading');
    assert.ok(findNode(tree, 'banner', ''), 'the header is a banner landmark');
    assert.ok(tree.some((n) => n.role === 'navigation'), 'navigation landmark');
    assert.ok(tree.some((n) => n.role === 'main'), 'main landmark');
    for (const caption of ['Tenant slug', 'Organization ID', 'Redirect URI', 'Summary'])
        assert.ok(findNode(tree, 'textbox', caption), `a textbox named ${caption}`);
    const redirect = findNode(tree, 'textbox', 'Redirect URI');
    assert.ok(redirect.description.length > 10, `the error as description: ${JSON.stringify(redirect)}`);
    assert.equal(redirect.invalid, 'true', `marked invalid: ${JSON.stringify(redirect)}`);
    assert.ok(findNode(tree, 'button', /^Submit request/),
        `the submit button among ${JSON.stringify(tree.filter((n) => n.role === 'button').map((n) => n.name))}`);
    assert.ok(tree.some((n) => n.role === 'radiogroup'), 'questions are radio groups');
    assert.ok(findNode(tree, 'link', 'Tickets'), 'navigation links');
    assert.deepEqual(errors, []);
    await context.close();
});

test('the tickets list is a table: column headers, then rows of cells with the ticket, its words and its badge', async () => {
    const { context, page, errors } = await signedInPage('#/tickets');
    await findItem(page, 'Your tickets');
    await page.waitForFunction(() => window.portalTest.items().some((i) => /^[A-Z]+-\d+/.test(i.label)), null, { timeout: 10000 });
    // A badge in a customer's zone whose rules are still on their way says so
    // ("Loading time zone"); on a busy machine that lasts a moment.
    await page.waitForFunction(() => !window.portalTest.items().some((i) => /Loading time zone/.test(JSON.stringify(i))), null, { timeout: 10000 });
    await settle(page);
    const tree = await accessibilityTree(page);
    const table = findNode(tree, 'table', 'Your tickets');
    assert.ok(table, `a table named "Your tickets" among roles ${JSON.stringify([...new Set(tree.map((n) => n.role))])}`);
    const rows = descendants(table).filter((n) => n.role === 'row');
    const header = rows[0];
    assert.deepEqual(header.children.map((c) => c.role), Array(6).fill('columnheader'), 'the first row holds the column headers');
    assert.deepEqual(header.children.map((c) => c.name), ['Ticket', 'Summary', 'Plan', 'Severity', 'Opened', 'First response']);
    assert.ok(rows.length >= 3, `rows of tickets: ${rows.length}`);
    for (const row of rows.slice(1)) {
        assert.deepEqual(row.children.map((c) => c.role), Array(6).fill('cell'), `a row of six cells: ${row.name}`);
        const [ticket, summary, , , , badge] = row.children;
        assert.ok(descendants(ticket).some((n) => n.role === 'link' && /^[A-Z]+-\d+$/.test(n.name)), `the ticket's link in ${row.name}`);
        assert.ok(summary.name.length > 3, `the whole summary, not cut to "...": ${summary.name}`);
        assert.match(badge.name, /left|Paused|Breached|Met|Answered|No response|deadline/i, `the badge's words in ${row.name}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
});

test('what changes on its own is said: an error after signing in, a countdown turning breached', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1#/sign-in`);
    await waitForFrame(page);
    await typeInto(page, 'E-mail address', 'admin@acme.example');
    await typeInto(page, 'Password', 'not the password');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /./.test(document.querySelector('#a11y [role="alert"].announcer')?.textContent ?? ''),
        null, { timeout: 10000 });
    const said = await page.evaluate(() => document.querySelector('#a11y [role="alert"].announcer').textContent);
    assert.ok((await labels(page)).includes(said.trim()), `the alert says the error on screen: "${said}"`);
    await context.close();

    // The tickets' countdowns run on this device's clock: a week later every
    // open ticket in view is past its target, and each one's turn is said once.
    const signedInTickets = await signedInPage('#/tickets');
    const tickets = signedInTickets.page;
    await tickets.waitForFunction(() => window.portalTest.items().some((i) => / left$/.test(i.label)), null, { timeout: 10000 });
    const running = (await labels(tickets)).filter((l) => / left$/.test(l)).length;
    await new Promise((resolve) => setTimeout(resolve, 1600));   // the page is past its quiet start
    await tickets.evaluate((ms) => window.portalTest.setNow(ms), Date.now() + 7 * 24 * 3600 * 1000);
    await tickets.waitForFunction(() => /breached/.test(document.querySelector('#a11y [role="status"].announcer')?.textContent ?? ''),
        null, { timeout: 10000 });
    const announced = await tickets.evaluate(() => document.querySelector('#a11y [role="status"].announcer').textContent);
    assert.match(announced, /^Ticket [A-Z]+-\d+: first response breached/, `${running} running countdowns, said: ${announced}`);
    // The wrong password's 401 is the one error the browser logs.
    assert.deepEqual(errors.filter((e) => !/status of 401/.test(e)).concat(signedInTickets.errors), []);
    await signedInTickets.context.close();
});

// axe's WCAG 2.1 A and AA rules over the page as it is now, in the light and
// the dark theme (the portal follows the system's scheme as it changes).
async function audit(page, what) {
    for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        await settle(page);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
        assert.deepEqual(found, [], `violations on ${what} in the ${colorScheme} theme`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
}

// An invitation link for a new address, as its e-mail carries it.
async function invitationLink() {
    const url = demo.service.url;
    const admin = await signedIn(demo.browser, url, 'admin@acme.example');
    const { csrf_token: csrfToken } = await (await admin.request.get(`${url}/api/v1/session`)).json();
    const email = `axe.${Date.now()}@acme.example`;
    const invited = await admin.request.post(`${url}/api/v1/tenants/acme-prod/support-users`, {
        headers: { 'X-CSRF-Token': csrfToken, 'Idempotency-Key': `axe-${Date.now()}` },
        data: { email, tenants: ['acme-prod'] },
    });
    assert.equal(invited.status(), 201, await invited.text());
    await admin.close();
    const mailbox = await (await fetch(`${url}/api/v1/dev/mailbox`)).json();
    return new URL(mailbox.messages.find((m) => m.to === email).link);
}

test('axe finds no WCAG 2.1 A/AA violation on any screen, in either theme', async () => {
    // Tall enough for the longest form to show whole, its submit button included.
    const { context, page, errors } = await signedInPage('#/', { viewport: { width: 1280, height: 5200 } });
    const go = async (hash, marker) => {
        await page.evaluate((h) => { location.hash = h; }, hash);
        await findItem(page, marker, { timeout: 10000 });
        await settle(page);
    };
    await go('#/', 'How can we help?');
    await audit(page, 'home');

    // Each route's form after a submit with nothing filled in: its errors show.
    for (const route of ['onboarding', 'production', 'advanced', 'general', 'security']) {
        await go(`#/route/${route}`, /^We are already working on this|^Submit request/);
        if ((await labels(page)).includes('My problem is something else')) await clickItem(page, 'My problem is something else');
        await clickItem(page, 'Submit request');
        await settle(page);
        await page.waitForFunction(() => document.querySelector('#a11y [aria-invalid="true"]'), null, { timeout: 5000 })
            .catch(() => assert.fail(`no field of ${route} shows an error after an empty submit`));
        await audit(page, `the ${route} form with errors`);
    }

    await go('#/tickets', 'Your tickets');
    await page.waitForFunction(() => window.portalTest.items().some((i) => /^[A-Z]+-\d+$/.test(i.label)), null, { timeout: 10000 });
    const first = (await labels(page)).find((l) => /^[A-Z]+-\d+$/.test(l));
    await audit(page, 'tickets');
    await go(`#/tickets/${first}`, 'Send reply');
    await audit(page, `ticket ${first}`);
    await go('#/drafts', 'Drafts');
    await audit(page, 'drafts');
    await go('#/account', 'Set up an authenticator app');
    await audit(page, 'account');
    await clickItem(page, 'Set up an authenticator app');
    await findItem(page, 'Turn on two-step sign-in', { timeout: 10000 });
    await audit(page, 'account, setting up an authenticator app');
    await go('#/users', 'Invite a support user');
    await clickItem(page, 'Invite a support user');
    await page.waitForFunction(() => document.querySelector('#a11y [role="dialog"]'), null, { timeout: 5000 });
    await audit(page, 'users with the invite dialog open');
    assert.deepEqual(errors, []);
    await context.close();

    // Signed out: the sign-in screen, and an invitation's page.
    const link = await invitationLink();
    const signedOut = await demo.browser.newContext();
    const outside = await signedOut.newPage();
    const outsideErrors = watchConsole(outside);
    await outside.goto(`${demo.service.url}/?test=1#/sign-in`);
    await waitForFrame(outside);
    await findItem(outside, 'Password');
    await audit(outside, 'sign-in');
    await clickItem(outside, 'Forgot password?');
    await findItem(outside, 'Send me a link');
    await audit(outside, 'forgot password');
    await outside.goto(`${demo.service.url}/?test=1${link.hash}`);
    await findItem(outside, 'Your name', { timeout: 10000 });
    await settle(outside);
    await audit(outside, 'invitation');
    assert.deepEqual(outsideErrors, []);
    await signedOut.close();
});

// Tab to a field and replace what it holds with `text`.
async function tabAndType(page, name, text) {
    await tabTo(page, name);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await settle(page);
}

test('keyboard only: sign in, open a route, fill and submit a request, reply on the new ticket', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 2400 } });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1#/sign-in`);
    await waitForFrame(page);
    await findItem(page, 'Password');

    // The skip link comes first.
    await page.keyboard.press('Tab');
    assert.equal((await focusedItem(page)).label, 'Skip to content');

    await tabTo(page, 'E-mail address');
    await page.keyboard.type('admin@acme.example');
    await page.keyboard.press('Tab');
    assert.equal((await focusedItem(page)).label, 'Password', 'Tab goes from e-mail to password');
    await page.keyboard.type('demo-password');
    await page.keyboard.press('Enter');   // Enter in a field submits its form
    await page.waitForFunction(() => window.portalTest.items().some((i) => /^Signed in as/.test(i.label)), null, { timeout: 10000 });

    // Home, then the security route by its card, with Enter.
    await page.evaluate(() => { location.hash = '#/'; });
    await findItem(page, 'How can we help?');
    await tabTo(page, /Security/i);
    await page.keyboard.press('Enter');
    await waitForScreen(page, '#/route/security');
    await tabTo(page, 'My problem is something else');
    await page.keyboard.press('Enter');
    await findItem(page, /Your e-mail address/);

    await tabAndType(page, 'Your e-mail address', 'keyboard@example.com');
    await tabAndType(page, 'Affected URL or component', 'https://acme-prod.example.com/authorize');
    await tabAndType(page, 'Summary', 'Keyboard-only report');
    await tabAndType(page, 'Details', 'Found without a mouse.');
    // The severity: Tab enters its radio group, arrows choose.
    await tabTo(page, /^Severity 1 /);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await settle(page);
    assert.match((await focusedItem(page)).label, /^Severity 3 /);
    assert.equal(await formValue(page, 'security', 'summary'), 'Keyboard-only report');
    assert.equal(await formValue(page, 'security', 'description'), 'Found without a mouse.');
    await screenshot(page, 'a11y-keyboard-security-form');

    // Ctrl+Enter submits from any field; the new ticket opens.
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => /^#\/tickets\/[A-Z]+-\d+$/.test(window.portalTest.screen()), null, { timeout: 10000 });
    await findItem(page, 'Send reply', { timeout: 10000 });
    await tabAndType(page, 'Reply', 'Adding a detail, still without a mouse.');
    await page.keyboard.press('Control+Enter');
    await findItem(page, /\nAdding a detail, still without a mouse\.$/, { timeout: 10000 });
    const reply = await page.evaluate(() => document.querySelector('#a11y textarea[aria-label="Reply"]')?.value);
    assert.equal(reply, '', 'the reply box is empty once sent');
    assert.deepEqual(errors, []);
    await screenshot(page, 'a11y-keyboard-replied');
    await context.close();
});

test('the invite dialog opens and closes from the keyboard and gives focus back to its button', async () => {
    const { context, page, errors } = await signedInPage('#/users');
    await findItem(page, 'Invite a support user');
    await tabTo(page, 'Invite a support user');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#a11y [role="dialog"]'), null, { timeout: 5000 });
    await settle(page);
    // Focus is inside the dialog and Tab keeps it there.
    for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab');
        const inside = await page.evaluate(() => !!document.activeElement.closest('[role="dialog"]'));
        assert.ok(inside, `Tab ${i + 1} stays in the dialog`);
    }
    await screenshot(page, 'a11y-invite-dialog');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('#a11y [role="dialog"]'), null, { timeout: 5000 });
    await settle(page);
    await page.waitForFunction(() => document.activeElement?.textContent === 'Invite a support user', null, { timeout: 5000 });
    assert.deepEqual(errors, []);
    await context.close();
});

async function summaryBecomes(page, text) {
    await page.waitForFunction((t) => window.portalTest.forms().security?.fields?.summary === t, text, { timeout: 5000 })
        .catch(async () => assert.fail(`the summary is not "${text}": ${JSON.stringify(await page.evaluate(() => window.portalTest.forms().security))}`));
}

test('IME composition and a password manager\'s fill reach the fields', async () => {
    const { context, page, errors } = await signedInPage('#/route/security');
    await passIncident(page, 'Summary');
    await clickItem(page, 'Summary');
    await settle(page);
    const input = await page.evaluateHandle(() => document.activeElement);
    assert.equal(await input.evaluate((el) => el.tagName), 'INPUT', 'the field\'s input has focus');

    // Japanese typed through an input method: only the committed text counts.
    await input.evaluate((el) => {
        el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
        for (const step of ['n', 'に', 'にほ', 'にほんご']) {
            el.value = step;
            el.dispatchEvent(new CompositionEvent('compositionupdate', { bubbles: true, data: step }));
            el.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: step }));
        }
        el.value = '日本語';
        el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '日本語' }));
    });
    await summaryBecomes(page, '日本語');
    await page.keyboard.type(' ok');
    await summaryBecomes(page, '日本語 ok');
    // Characters Inter lacks are drawn with the browser's fonts, not as "?".
    await page.keyboard.type(' Привет Ελλάδα');
    await summaryBecomes(page, '日本語 ok Привет Ελλάδα');
    await page.waitForFunction(() => window.portalTest.glyphsMissing === 0, null, { timeout: 5000 })
        .catch(async () => assert.fail(`${await page.evaluate(() => window.portalTest.glyphsMissing)} characters without a glyph`));
    // Accented Latin letters are Inter's own, fetched the first time such a letter shows.
    assert.equal(await page.evaluate(() => window.portalTest.fontExtension), 'not asked');
    await page.keyboard.type(' Łódź Dvořák, ça été');
    await summaryBecomes(page, '日本語 ok Привет Ελλάδα Łódź Dvořák, ça été');
    await page.waitForFunction(() => window.portalTest.glyphsMissing === 0, null, { timeout: 5000 })
        .catch(async () => assert.fail(`${await page.evaluate(() => window.portalTest.glyphsMissing)} characters without a glyph`));
    assert.equal(await page.evaluate(() => window.portalTest.fontExtension), 'loaded');
    assert.equal(await page.evaluate(() => window.portalTest.fontExtensionLettersPainted), 0,
        'no accented letter drawn by the browser\'s font while Inter\'s was on its way');
    const summary = (await page.evaluate(() => window.portalTest.items())).find((i) => i.label === 'Summary' && i.role === 5);
    await page.screenshot({ path: `${screenshotDir}/a11y-other-scripts.png`,
        clip: { x: summary.x - 10, y: summary.y - 40, width: summary.w + 20, height: summary.h + 60 } });

    // A password manager sets a field's value and fires input, focused or not.
    await context.close();
    const signIn = await demo.browser.newContext();
    const signInPage = await signIn.newPage();
    const browserAdvice = [];   // Chromium's DOM advice, e.g. a password field outside a form
    signInPage.on('console', (message) => { if (/\[DOM\]/.test(message.text())) browserAdvice.push(message.text()); });
    await signInPage.goto(`${demo.service.url}/?test=1#/sign-in`);
    await waitForFrame(signInPage);
    await findItem(signInPage, 'Password');
    await settle(signInPage);
    const fields = await signInPage.evaluate(() => Array.from(document.querySelectorAll('#a11y input')).map((el) => ({
        label: el.getAttribute('aria-label'), type: el.type, autocomplete: el.getAttribute('autocomplete') })));
    assert.deepEqual(fields.find((f) => f.label === 'E-mail address')?.autocomplete, 'username');
    assert.deepEqual(fields.find((f) => f.label === 'Password'), { label: 'Password', type: 'password', autocomplete: 'current-password' });
    assert.ok(await signInPage.evaluate(() => document.querySelector('#a11y input[type="password"]').form !== null),
        'the password field is in a form, as password managers expect');
    await signInPage.evaluate(() => {
        for (const [label, value] of [['E-mail address', 'admin@acme.example'], ['Password', 'demo-password']]) {
            const el = document.querySelector(`#a11y input[aria-label="${label}"]`);
            el.value = value;
            el.dispatchEvent(new Event('input', { bubbles: true }));
        }
    });
    await settle(signInPage);
    const button = (await signInPage.evaluate(() => window.portalTest.items())).find((i) => i.label === 'Sign in' && i.role === 3);
    await signInPage.mouse.click(button.x + button.w / 2, button.y + button.h / 2);
    await signInPage.waitForFunction(() => window.portalTest.items().some((i) => /^Signed in as/.test(i.label)), null, { timeout: 10000 });
    assert.deepEqual(errors, []);
    assert.deepEqual(browserAdvice, []);
    await signIn.close();
});

for (const [name, device] of [['iPhone 13', devices['iPhone 13']], ['Pixel 7', devices['Pixel 7']]]) {
    test(`on a ${name} a tap on a field opens the keyboard's input and typing fills it`, async () => {
        const { defaultBrowserType, ...options } = device;
        // Globex's region has no open incident: the form is the first thing on the route.
        const context = await signedIn(demo.browser, demo.service.url, 'admin@globex.example', options);
        const page = await context.newPage();
        const errors = watchConsole(page);
        await page.goto(`${demo.service.url}/?test=1#/route/security`);
        await waitForFrame(page);
        const field = await findItem(page, /Your e-mail address/);
        await settle(page);
        await page.touchscreen.tap(field.x + field.w / 2, field.y + field.h / 2);
        const focused = await page.evaluate(() => ({ tag: document.activeElement.tagName, label: document.activeElement.getAttribute('aria-label') }));
        assert.equal(focused.tag, 'INPUT', `a tap focuses a real input (got ${JSON.stringify(focused)})`);
        await page.keyboard.type('me@example.com');
        await page.waitForFunction(() => Object.values(window.portalTest.forms().security?.fields ?? {}).includes('me@example.com'),
            null, { timeout: 5000 });
        await screenshot(page, `a11y-phone-${name.replace(/\s+/g, '-').toLowerCase()}`);

        // The rest of the form by touch: swipe to each field, tap, type; then tap Submit.
        const cdp = await context.newCDPSession(page);
        for (const [caption, text] of [['Affected URL or component', 'https://globex.example.com/login'],
            ['Summary', `Reported from a ${name}`], ['Details', 'Typed on the on-screen keyboard.']]) {
            const at = await reveal(page, cdp, caption, { field: true });
            await page.touchscreen.tap(at.x + at.w / 2, at.y + at.h / 2);
            assert.match(await page.evaluate(() => document.activeElement.tagName), /^(INPUT|TEXTAREA)$/, `a tap on ${caption} focuses its input`);
            await page.keyboard.type(text);
            await settle(page);
        }
        const severity = await reveal(page, cdp, /^Severity 3 \(Normal\)/);
        await page.touchscreen.tap(severity.x + 30, severity.y + severity.h / 2);
        await settle(page);
        const submit = await reveal(page, cdp, 'Submit request');
        await page.touchscreen.tap(submit.x + submit.w / 2, submit.y + submit.h / 2);
        await page.waitForFunction(() => /^#\/tickets\/[A-Z]+-\d+$/.test(window.portalTest.screen()), null, { timeout: 10000 })
            .catch(async () => assert.fail(`not submitted: ${JSON.stringify(await labels(page))}`));
        await findItem(page, new RegExp(`^[A-Z]+-\\d+ · Reported from a ${name}$`), { timeout: 10000 });
        await screenshot(page, `a11y-phone-${name.replace(/\s+/g, '-').toLowerCase()}-submitted`);
        assert.deepEqual(errors, []);
        await context.close();
    });
}

// Swipes the page up until the item labelled `label` (the text field of that
// caption when `field`) is fully in view, and returns it.
async function reveal(page, cdp, label, { field = false } = {}) {
    const height = page.viewportSize().height;
    for (let i = 0; i < 20; i++) {
        const found = (await page.evaluate(() => window.portalTest.items()))
            .find((item) => (label instanceof RegExp ? label.test(item.label) : item.label === label) &&
                (!field || item.role === 5) && item.y >= 70 && item.y + item.h <= height - 20);
        if (found) return found;
        const x = page.viewportSize().width / 2;
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: height * 0.7 }] });
        for (let step = 1; step <= 6; step++)
            await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: height * 0.7 - step * 40 }] });
        // The finger rests before it lifts, as when placing the page: no fling to wait out.
        await page.waitForTimeout(150);
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: height * 0.7 - 240 }] });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        await page.waitForFunction(() => window.portalTest.idle, null, { timeout: 15000, polling: 'raf' });
    }
    throw new Error(`${label} never came into view`);
}
