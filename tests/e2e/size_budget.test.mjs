// The bytes a first visit downloads before its first frame stay within the
// budget in tests/bench/size_budget.json. Raising the budget is a decision,
// made in its own commit with its reason, not a side effect of a change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesBeforeFirstFrame, readBudget } from '../bench/first_frame_bytes.mjs';
import { useService } from './portal_harness.mjs';

const run = useService();

test('what loads before the first frame fits the gzip budget', async (t) => {
    const budget = readBudget();
    const { files, totalGzip } = await bytesBeforeFirstFrame(run.browser, `${run.service.url}/`);
    const names = files.map((f) => f.name);
    // What the first frame needs is all there (a missing file would pass any budget).
    for (const needed of ['/', '/boot.js', '/portal.js', '/portal.wasm'])
        assert.ok(names.includes(needed), `${needed} was not loaded before the first frame: ${names.join(', ')}`);
    const listing = files.map((f) => `${f.name} ${f.gzip}`).join(', ');
    t.diagnostic(`${totalGzip} bytes gzip of ${budget.gzip_bytes_before_first_frame}: ${listing}`);
    assert.ok(totalGzip <= budget.gzip_bytes_before_first_frame,
        `${totalGzip} bytes gzip before the first frame, over the budget of ${budget.gzip_bytes_before_first_frame} ` +
        `(tests/bench/size_budget.json): ${listing}`);
});
