// Frame cost of the support users screen with 10,000 support-only users in
// one tenant, in the browser (WASM): the UI's CPU time per frame while
// scrolling through loaded pages and while typing a search (answered by the
// service). Writes the "Users screen frame cost" section of docs/benchmarks.md.
import { launchBrowser, settle, startService, waitForFrame } from '../e2e/portal_harness.mjs';
import { frameCostHeader, frameCostRow, writeSection } from './report.mjs';

const userCount = 10000;

const service = await startService(['--demo', '--demo-support-users', String(userCount)]);
const browser = await launchBrowser();
try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.request.post(`${service.url}/api/v1/session`,
        { data: { email: 'admin@acme.example', password: 'demo-password' } });
    const page = await context.newPage();
    await page.goto(`${service.url}/?test=1#/users`);
    await waitForFrame(page);
    await page.waitForFunction(() => window.portalTest.items().some((i) => i.label.startsWith('Details of ')), null,
        { timeout: 30000 });
    // Load ten pages (1,000 rows) so scrolling crosses many.
    for (let i = 0; i < 9; i++) {
        const more = (await page.evaluate(() => window.portalTest.items())).find((i) => i.label === 'Load more');
        if (!more) break;
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.mouse.move(640, 500);
        await page.mouse.wheel(0, 200000);
        await settle(page);
        const button = (await page.evaluate(() => window.portalTest.items())).find((i) => i.label === 'Load more');
        if (button) await page.mouse.click(button.x + button.w / 2, button.y + button.h / 2);
        await page.waitForLoadState('networkidle');
        await settle(page);
    }
    const scrolling = [];
    await page.mouse.move(640, 500);
    for (let i = 0; i < 60; i++) {
        await page.mouse.wheel(0, i % 20 < 14 ? -2400 : 2400);
        await settle(page);
        scrolling.push(await page.evaluate(() => [window.portalTest.uiMs, window.portalTest.frameMs, window.portalTest.mirrorMs]));
    }
    const typing = [];
    await page.mouse.wheel(0, -400000);
    await settle(page);
    const search = (await page.evaluate(() => window.portalTest.items())).find((i) => i.label === 'Search by e-mail or name');
    await page.mouse.click(search.x + search.w / 2, search.y + search.h / 2);
    for (const ch of 'support.user.12') {
        await page.keyboard.type(ch);
        await settle(page);
        typing.push(await page.evaluate(() => [window.portalTest.uiMs, window.portalTest.frameMs, window.portalTest.mirrorMs]));
    }
    const body = `Command: \`./portal bench\` (tests/bench/users_frame_bench.mjs), run on ${new Date().toISOString().slice(0, 10)}:
${userCount.toLocaleString('en')} support-only users in acme-prod (\`portal-web --demo --demo-support-users ${userCount}\`),
signed in as its admin, 1,000 rows loaded (ten pages), headless Chromium at 1280x900. UI and whole-frame CPU time
as in the tickets benchmark (\`portalTest.uiMs\`, \`portalTest.frameMs\`); only the rows on screen are laid out,
and search is answered by the service.

${frameCostHeader}
${frameCostRow(`Scrolling through 1,000 loaded rows (${scrolling.length} wheel steps)`, scrolling)}
${frameCostRow(`Typing a search, one key per frame (${typing.length} keys)`, typing)}
`;
    writeSection("Users screen frame cost", body);
    console.log(body);
} finally {
    await browser.close();
    await service.stop();
}
