// Builds the one stylesheet every page loads (wwwroot/lib/keukentafel.css): the theme's design tokens, the Utrecht
// components and our own site.css, in that order, with the component rules and tokens that no page uses left out.
// Which class names the pages use is read from the Razor views and C# sources (PurgeCSS): a class name must appear
// whole in a source file; the few built from parts are kept by the safelist below.
import { PurgeCSS } from 'purgecss';
import { mkdir, readFile, writeFile } from 'node:fs/promises';

const sources = [
  'node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css',
  'node_modules/@utrecht/component-library-css/dist/index.css',
  'Styles/site.css',
];
const target = 'wwwroot/lib/keukentafel.css';

// Read here and given raw, as one sheet: the package folders' "@" would otherwise be read as a glob pattern, and
// PurgeCSS sees which tokens are used only within one sheet (the components use the theme's tokens).
const texts = await Promise.all(sources.map((s) => readFile(s, 'utf8')));
const whole = sources.map((source, i) => `/* ${source} */\n${texts[i].trim()}\n`).join('\n');
const purged = await new PurgeCSS().purge({
  content: ['**/*.cshtml', '**/*.cs', 'wwwroot/js/**/*.js'],
  skippedContentGlobs: ['node_modules/**', 'bin/**', 'obj/**', 'wwwroot/lib/**'],
  css: [{ raw: whole }],
  // Tokens (custom properties) no remaining rule refers to go too: most of the theme's 200 KiB.
  variables: true,
  // Kept whatever the scan finds: our own rules, the theme's root class, and class names built from parts in C#
  // (FormFieldTagHelper: utrecht-form-field--{kind}).
  safelist: {
    standard: [/^kt-/, 'voorbeeld-theme', /^utrecht-form-field--/, 'html', 'body'],
    variables: [/^--kt-/],
  },
});

if (purged.length !== 1) {
  throw new Error(`PurgeCSS returned ${purged.length} stylesheets for 1`);
}

await mkdir('wwwroot/lib', { recursive: true });
await writeFile(target, purged[0].css);
const before = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
const after = Buffer.byteLength(purged[0].css);
console.log(`keukentafel.css: ${Math.round(after / 1024)} KiB of ${Math.round(before / 1024)} KiB`);
