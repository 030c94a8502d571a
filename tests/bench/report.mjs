// docs/benchmarks.md is shared by several benchmarks: each owns one "## "
// section and replaces only that one.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../e2e/portal_harness.mjs';

const file = path.join(root, 'docs', 'benchmarks.md');
const preamble = `# Benchmarks

Each section names the command that produced it. Figures vary with the machine;
compare runs on the same one. Goals come from the issues.
`;

export function writeSection(title, body) {
    let text = preamble;
    try { text = readFileSync(file, 'utf8'); } catch { /* first run */ }
    const heading = `## ${title}\n`;
    const section = `${heading}\n${body.trim()}\n`;
    const start = text.indexOf(heading);
    if (start < 0) {
        text = `${text.trimEnd()}\n\n${section}`;
    } else {
        const next = text.indexOf('\n## ', start + heading.length);
        text = text.slice(0, start) + section + (next < 0 ? '' : text.slice(next));
    }
    writeFileSync(file, text);
    return file;
}

export function percentile(values, p) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// One table row of a frame-cost benchmark: samples are [uiMs, frameMs,
// mirrorMs] triples; the UI goal (< 2 ms) is judged on the UI's 95th
// percentile, the mirror's (issue 13) on its median (< 0.3 ms) and 95th (< 1 ms).
export const frameCostHeader = `| Frames | UI median | UI 95th pct | Goal < 2 ms (UI) | Mirror median | Mirror 95th pct | Goal < 0.3 / < 1 ms (mirror) | Whole frame median | Whole frame 95th pct |
|---|---|---|---|---|---|---|---|---|`;

export function frameCostRow(name, samples) {
    const fmt = (v) => v.toFixed(2);
    const ui = samples.map((s) => s[0]);
    const whole = samples.map((s) => s[1]);
    const mirror = samples.map((s) => s[2]);
    const goal = percentile(ui, 95) < 2 ? 'met' : '**missed**';
    const mirrorGoal = percentile(mirror, 50) < 0.3 && percentile(mirror, 95) < 1 ? 'met' : '**missed**';
    return `| ${name} | ${fmt(percentile(ui, 50))} ms | ${fmt(percentile(ui, 95))} ms | ${goal} | ` +
        `${fmt(percentile(mirror, 50))} ms | ${fmt(percentile(mirror, 95))} ms | ${mirrorGoal} | ` +
        `${fmt(percentile(whole, 50))} ms | ${fmt(percentile(whole, 95))} ms |`;
}
