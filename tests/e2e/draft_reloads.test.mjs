// Issue 6, test 2: fifty reloads at random moments while typing. Each time,
// the restored draft holds everything typed until at most a second before
// the reload: never older, never garbled, never another field's text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
    clickItem, findItem, settle, signedInContext, useDemo, waitForFrame, watchConsole,
} from './portal_harness.mjs';

const demo = useDemo();

// A small deterministic generator, so a failure can be replayed (the seed is
// printed with it).
function generator(seed) {
    let x = seed >>> 0 || 1;
    return () => {
        x ^= x << 13; x >>>= 0;
        x ^= x >>> 17;
        x ^= x << 5; x >>>= 0;
        return x / 4294967296;
    };
}

const letters = 'abcdefghijklmnopqrstuvwxyz     ';

async function description(page) {
    return page.evaluate(() => window.portalTest.forms().general?.fields?.description ?? '');
}

test('fifty reloads at random moments while typing: the draft is never more than a second behind', async () => {
    const seed = Number(process.env.RELOAD_SEED ?? Date.now() % 100000);
    const random = generator(seed);
    const context = await signedInContext(demo.browser, demo.service.url, 'admin@globex.example',
        { viewport: { width: 1280, height: 2400 } });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${demo.service.url}/?test=1#/route/general`);
    await waitForFrame(page);

    let typed = '';   // what the form should hold before this round
    for (let round = 0; round < 50; ++round) {
        const where = `seed ${seed}, round ${round}`;
        await clickItem(page, 'Description');
        await page.keyboard.press('Control+End');
        // Type until a random moment, noting when each key was sent.
        const log = [{ at: Date.now(), text: typed }];
        const reloadAt = Date.now() + 100 + random() * 1900;
        while (Date.now() < reloadAt) {
            const char = letters[Math.floor(random() * letters.length)];
            await page.keyboard.type(char);
            typed += char;
            log.push({ at: Date.now(), text: typed });
            await page.waitForTimeout(random() * 60);
        }
        const reloadedAt = Date.now();
        await page.reload();
        await waitForFrame(page);
        await page.waitForFunction(() => window.portalTest.restored, null, { timeout: 5000 });
        const restored = await description(page);

        // Everything sent more than a second before the reload must be there.
        const settledBefore = log.filter((entry) => entry.at <= reloadedAt - 1000).pop() ?? log[0];
        const acceptable = log.filter((entry) => entry.at >= settledBefore.at).map((entry) => entry.text);
        assert.ok(acceptable.includes(restored),
            `${where}: restored ${JSON.stringify(restored.slice(-40))} (${restored.length} chars); typed ` +
            `${JSON.stringify(typed.slice(-40))} (${typed.length} chars), at least ${settledBefore.text.length} expected`);
        typed = restored;   // go on from what the form holds
    }
    assert.ok(typed.length > 100, `some text survived the rounds (${typed.length} chars)`);
    await findItem(page, 'Description');
    await settle(page);
    assert.deepEqual(errors, []);
    await context.close();
});
