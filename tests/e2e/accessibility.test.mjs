// The portal for everyone: what a screen reader finds (the browser's own
// accessibility tree, read over CDP), the automated WCAG audit HTML sites use
// (axe-core), the keyboard alone, a phone's touch and on-screen keyboard, and
// input methods and password managers writing into the fields.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { devices } from 'playwright-core';
import {
    clickItem, findItem, screenshot, settle, signedInContext as signedIn, useDemo, waitForFrame, waitForScreen,
    watchConsole,
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

// The accessibility tree as a screen reader gets it: [{role, name, description, invalid, ...}].
async function accessibilityTree(page) {
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    await cdp.detach();
    const property = (node, name) => node.properties?.find((p) => p.name === name)?.value?.value;
    return nodes.filter((n) => !n.ignored).map((n) => ({
        role: n.role?.value, name: n.name?.value ?? '', description: n.description?.value ?? '',
        invalid: property(n, 'invalid'), focusable: property(n, 'focusable'),
    }));
}

function findNode(tree, role, name) {
    return tree.find((n) => n.role === role && (name instanceof RegExp ? name.test(n.name) : n.name === name));
}

async function focusedItem(page) {
    return page.evaluate(() => {
        const el = document.activeElement;
        return { tag: el?.tagName, id: el?.dataset?.id ?? null, label: el?.getAttribute('aria-label') ?? el?.textContent ?? '' };
    });
}

// Presses Tab until the element named `name` has focus.
async function tabTo(page, name, { limit = 80 } = {}) {
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

test('the tickets list reads as rows with each badge\'s words', async () => {
    const { context, page, errors } = await signedInPage('#/tickets');
    await findItem(page, 'Your tickets');
    await page.waitForFunction(() => window.portalTest.items().some((i) => /^[A-Z]+-\d+/.test(i.label)), null, { timeout: 10000 });
    const tree = await accessibilityTree(page);
    const texts = tree.filter((n) => n.role === 'StaticText' || n.role === 'cell' || n.role === 'generic').map((n) => n.name).join(' | ');
    assert.match(texts, /respond|breach|paused|left|due|late/i, 'SLA badge words are in the tree');
    assert.deepEqual(errors, []);
    await context.close();
});

test('axe finds no WCAG 2.1 A/AA violation on the main screens', async () => {
    const screens = [
        ['#/', 'How can we help?'],
        ['#/route/security', /Your e-mail address/],
        ['#/tickets', 'Your tickets'],
        ['#/drafts', 'Drafts'],
        ['#/users', 'Invite a support user'],
    ];
    for (const [hash, marker] of screens) {
        const { context, page } = await signedInPage(hash);
        if (hash.startsWith('#/route/')) await passIncident(page, marker);
        await findItem(page, marker, { timeout: 10000 });
        await settle(page);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
        assert.deepEqual(found, [], `violations on ${hash}`);
        await context.close();
    }
    // Signed out: the sign-in screen.
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${demo.service.url}/?test=1#/sign-in`);
    await waitForFrame(page);
    await findItem(page, 'Password');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    assert.deepEqual(results.violations.map((v) => v.id), [], 'violations on sign-in');
    await context.close();
});

test('keyboard only: sign in, open a route, fill and submit a request', async () => {
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

    const before = await formValue(page, 'security', 'summary');
    await tabTo(page, 'Summary');
    await page.keyboard.type('Keyboard-only report');
    await settle(page);
    assert.equal(await formValue(page, 'security', 'summary'), (before ?? '') + 'Keyboard-only report');
    assert.deepEqual(errors, []);
    await screenshot(page, 'a11y-keyboard-security-form');
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

    // A password manager sets a field's value and fires input, focused or not.
    await context.close();
    const signIn = await demo.browser.newContext();
    const signInPage = await signIn.newPage();
    await signInPage.goto(`${demo.service.url}/?test=1#/sign-in`);
    await waitForFrame(signInPage);
    await findItem(signInPage, 'Password');
    await settle(signInPage);
    const fields = await signInPage.evaluate(() => Array.from(document.querySelectorAll('#a11y input')).map((el) => ({
        label: el.getAttribute('aria-label'), type: el.type, autocomplete: el.getAttribute('autocomplete') })));
    assert.deepEqual(fields.find((f) => f.label === 'E-mail address')?.autocomplete, 'username');
    assert.deepEqual(fields.find((f) => f.label === 'Password'), { label: 'Password', type: 'password', autocomplete: 'current-password' });
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
        assert.deepEqual(errors, []);
        await context.close();
    });
}
