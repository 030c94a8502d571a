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
