// Bundles the widget's modules (src/) into the one classic script that pages embed (widget.js). The bundle is
// committed, so that building and running the server needs no npm; test/bundle.test.mjs fails when it is stale.
//
//   npm run build
//
// Minified: the modules in src/ are what people read and review, and the bundle is their build output. Left
// readable, the bundle was 29.7 KB, all but the whole of the widget's 30 KB budget (uncompressed); minified it is
// under 18 KB (7 KB gzipped, against 9.5 KB), with room for what the widget will need next.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WIDGET = path.join(here, 'widget.js');

const BANNER = `/*
 * article-chat widget: GENERATED from web/src/ by \`npm run build\` (esbuild). Edit the modules there, not this file.
 *
 *   <script src="https://HOST/widget.js" data-api="https://HOST" defer></script>
 *
 * A classic script (it reads its settings from document.currentScript), rendered in a Shadow DOM with a
 * constructed stylesheet; model and user text enter the page as text nodes only. See docs/widget.md.
 */`;

/** The one set of options, for `npm run build` and for the test that rebuilds to compare. */
export const options = (outfile) => ({
  entryPoints: [path.join(here, 'src', 'main.js')],
  outfile,
  bundle: true,
  format: 'iife',
  target: 'es2020', // no syntax newer than the browsers that have Shadow DOM and fetch streams, so nothing is lowered
  charset: 'ascii', // a classic script takes the embedding page's encoding unless it is sent with its own
  banner: { js: BANNER },
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});

export const build = (outfile = WIDGET) => esbuild.build(options(outfile));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await build();
  console.log(`wrote ${path.relative(process.cwd(), WIDGET) || WIDGET}`);
}
