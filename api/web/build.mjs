// Build the browse page into ../static: browse.js (cytoscape bundled, minified), browse.html, browse.css and
// cytoscape's licence. Run `npm ci && npm run build` here after editing src/; commit ../static.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "static");
mkdirSync(out, { recursive: true });

await esbuild.build({
  entryPoints: [join(here, "src", "browse.js")],
  outfile: join(out, "browse.js"),
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "eof",
  banner: { js: "/* hrkg browse page; bundles cytoscape (MIT, see cytoscape.LICENSE.txt) */" },
  logLevel: "info",
});
copyFileSync(join(here, "src", "browse.html"), join(out, "browse.html"));
copyFileSync(join(here, "src", "browse.css"), join(out, "browse.css"));
copyFileSync(join(here, "node_modules", "cytoscape", "LICENSE"), join(out, "cytoscape.LICENSE.txt"));
