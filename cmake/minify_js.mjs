// Minifies a page script with Debian's terser (node-terser): local names
// shortened, dead branches dropped.
//   node cmake/minify_js.mjs [--module-scope] IN OUT     (IN and OUT may be the same file)
// Top-level names and properties stay as they are, since boot.js, portal.js
// and the JS libraries meet through them. With --module-scope (emcc's
// portal.js), the script is first wrapped in a function given boot.js's
// `Module`: the glue's hundreds of top-level functions become locals that
// terser may shorten too (2.8 KB of gzip). Nothing outside portal.js names
// them; it meets the page through `Module` and `window` only.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { minify } = require('/usr/share/nodejs/terser');

const args = process.argv.slice(2);
const moduleScope = args[0] === '--module-scope';
const [input, output] = moduleScope ? args.slice(1) : args;
if (!input || !output) {
    console.error('usage: node cmake/minify_js.mjs [--module-scope] IN OUT');
    process.exit(2);
}
let source = readFileSync(input, 'utf8');
// emcc's glue begins `var Module = typeof Module != 'undefined' ? Module : {}`:
// given as the parameter, boot.js's object is the one it keeps filling.
if (moduleScope) source = `(function (Module) {\n${source}\n})(window.Module);`;
const result = await minify(source, { compress: { passes: 2 }, mangle: true, ecma: 2020 });
if (!result.code) {
    console.error(`minify_js: terser gave nothing for ${input}`);
    process.exit(1);
}
writeFileSync(output, result.code + '\n');
