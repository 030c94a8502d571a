// Minifies a page script with Debian's terser (node-terser): local names
// shortened, dead branches dropped. Top-level names and properties stay as
// they are, since boot.js, portal.js and the JS libraries meet through them.
//   node cmake/minify_js.mjs IN OUT     (IN and OUT may be the same file)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { minify } = require('/usr/share/nodejs/terser');

const [input, output] = process.argv.slice(2);
if (!input || !output) {
    console.error('usage: node cmake/minify_js.mjs IN OUT');
    process.exit(2);
}
const result = await minify(readFileSync(input, 'utf8'), { compress: { passes: 2 }, mangle: true, ecma: 2020 });
if (!result.code) {
    console.error(`minify_js: terser gave nothing for ${input}`);
    process.exit(1);
}
writeFileSync(output, result.code + '\n');
