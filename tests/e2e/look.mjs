// Development aid: open a page and save a screenshot. node look.mjs URL OUT.png [dpr]
import { launchBrowser, waitForFrame, watchConsole } from './portal_harness.mjs';
const [url, out, dpr = '1', w = '1280', h = '800'] = process.argv.slice(2);
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: +w, height: +h }, deviceScaleFactor: +dpr });
const errors = watchConsole(page);
await page.goto(url);
await waitForFrame(page);
await page.waitForTimeout(300);
await page.screenshot({ path: out });
console.log(JSON.stringify(errors));
await browser.close();
