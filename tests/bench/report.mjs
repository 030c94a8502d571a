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

// One table row of a frame-cost benchmark: samples are [uiMs, frameMs] pairs;
// the goal (< 2 ms) is judged on the UI's 95th percentile.
export function frameCostRow(name, samples) {
    const fmt = (v) => v.toFixed(2);
    const ui = samples.map((s) => s[0]);
    const whole = samples.map((s) => s[1]);
    const goal = percentile(ui, 95) < 2 ? 'met' : '**missed**';
    return `| ${name} | ${fmt(percentile(ui, 50))} ms | ${fmt(percentile(ui, 95))} ms | ${goal} | ${fmt(percentile(whole, 50))} ms | ${fmt(percentile(whole, 95))} ms |`;
}
