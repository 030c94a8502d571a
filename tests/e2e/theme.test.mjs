// The page follows the browser's prefers-color-scheme: dark surfaces with
// light text when the person asks for dark, switched live (no reload) when
// the system changes, and the light theme as before otherwise. Screenshots
// of the main screens in dark at phone and desktop widths.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
    clickItem, findItem, screenshot, screenshotDir, settle, signedInContext, typeInto, useDemo, waitForFrame,
    waitForScreen, watchConsole,
} from './portal_harness.mjs';

const demo = useDemo();

// The picture as the person sees it, decoded in a blank page (the portal's
// own page may forbid data: images): the lightest and darkest pixels of a
// rectangle, as 0-255 grey levels.
async function lightAndDark(page, rect) {
    const png = (await page.screenshot({ clip: rect })).toString('base64');
    const scratch = await demo.browser.newPage();
    try {
        return await scratch.evaluate(async (data) => {
            const image = new Image();
            image.src = `data:image/png;base64,${data}`;
            await image.decode();
            const canvas = document.createElement('canvas');
            canvas.width = image.width;
            canvas.height = image.height;
            const context = canvas.getContext('2d');
            context.drawImage(image, 0, 0);
            const { data: rgba } = context.getImageData(0, 0, image.width, image.height);
            let lightest = 0, darkest = 255;
            for (let i = 0; i < rgba.length; i += 4) {
                const grey = 0.2126 * rgba[i] + 0.7152 * rgba[i + 1] + 0.0722 * rgba[i + 2];
                lightest = Math.max(lightest, grey);
                darkest = Math.min(darkest, grey);
            }
            return { lightest, darkest };
        }, png);
    } finally {
        await scratch.close();
    }
}

// A strip of page background below the header, left of the content column.
const background = { x: 2, y: 700, width: 6, height: 6 };

async function titleRect(page, title) {
    const item = await findItem(page, title);
    return { x: item.x, y: item.y, width: item.w, height: item.h };
}

async function redrawn(page) {
    const frame = await page.evaluate(() => window.portalTest.frame);
    await waitForFrame(page, frame);
    await settle(page);
}

test('dark when the browser asks for dark, light otherwise, switched live without a reload', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
    const errors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1`);
    await waitForFrame(page);
    await findItem(page, 'Onboarding');
    await settle(page);

    const darkPage = await lightAndDark(page, background);
    assert.ok(darkPage.lightest < 40, `dark page background (grey ${darkPage.lightest})`);
    const darkTitle = await lightAndDark(page, await titleRect(page, 'Onboarding'));
    assert.ok(darkTitle.lightest > 200, `light text on the dark card (grey ${darkTitle.lightest})`);
    assert.ok(darkTitle.darkest < 60, `the card itself stays dark (grey ${darkTitle.darkest})`);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(13, 17, 23)');
    assert.equal(await page.evaluate(() => document.querySelector('meta[name=color-scheme]').content), 'light dark');

    // The system turns light: same page, no reload, light picture.
    await page.evaluate(() => { window.themeTestMarker = 'still here'; });
    await page.emulateMedia({ colorScheme: 'light' });
    await redrawn(page);
    assert.equal(await page.evaluate(() => window.themeTestMarker), 'still here', 'no reload');
    const lightPage = await lightAndDark(page, background);
    assert.ok(lightPage.darkest > 230, `light page background (grey ${lightPage.darkest})`);
    const lightTitle = await lightAndDark(page, await titleRect(page, 'Onboarding'));
    assert.ok(lightTitle.darkest < 60, `dark text on the light card (grey ${lightTitle.darkest})`);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(247, 248, 250)');

    // And back to dark, still live.
    await page.emulateMedia({ colorScheme: 'dark' });
    await redrawn(page);
    assert.ok((await lightAndDark(page, background)).lightest < 40, 'dark again');
    assert.deepEqual(errors, []);
    await page.close();
});

test('without a preference the portal looks as it always did: light', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'no-preference' });
    await page.goto(`${demo.service.url}/?test=1`);
    await waitForFrame(page);
    await findItem(page, 'Onboarding');
    await settle(page);
    assert.ok((await lightAndDark(page, background)).darkest > 230);
    await page.close();
});

// Home, a route form showing an error, and the tickets list in dark, at a
// phone's and a desktop's width, for a person to look at.
for (const width of [390, 1280]) {
    test(`dark screenshots at ${width} px`, async () => {
        const options = { viewport: { width, height: 1800 }, colorScheme: 'dark' };   // the form's fields in view on a phone too
        const customer = await signedInContext(demo.browser, demo.service.url, 'admin@acme.example', options);
        const page = await customer.newPage();
        const errors = watchConsole(page);
        await page.goto(`${demo.service.url}/?test=1`);
        await waitForFrame(page);
        await findItem(page, 'Onboarding');
        await settle(page);
        await screenshot(page, `theme-dark-home-${width}`);

        await clickItem(page, 'Onboarding');
        await waitForScreen(page, '#/route/onboarding');
        await clickItem(page, 'My problem is something else');
        await typeInto(page, 'Organization ID', 'not an id');
        await page.keyboard.press('Tab');
        await settle(page);
        await screenshot(page, `theme-dark-form-error-${width}`);
        await customer.close();

        const engineer = await signedInContext(demo.browser, demo.service.url, 'engineer@vendor.example', options);
        const tickets = await engineer.newPage();
        tickets.on('pageerror', (error) => errors.push(String(error)));
        await tickets.goto(`${demo.service.url}/?test=1#/tickets`);
        await waitForFrame(tickets);
        await waitForScreen(tickets, '#/tickets');
        await tickets.waitForFunction(() => window.portalTest.items().some((i) => / left$|^Breached/.test(i.label)),
            null, { timeout: 10000 });
        await settle(tickets);
        await screenshot(tickets, `theme-dark-tickets-${width}`);
        assert.deepEqual(errors, []);
        await engineer.close();
        console.log(`screenshots in ${path.relative(process.cwd(), screenshotDir)}`);
    });
}
