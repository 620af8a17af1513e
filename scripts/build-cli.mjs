// Bundles the CLI into out/cli/index.js, which plain `node` runs (package.json "bin").
// Dependencies stay external: they are resolved from node_modules like any Node program.
import { readFile } from 'node:fs/promises';
import { URL } from 'node:url';
import { build } from 'esbuild';

const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/cli/index.ts'],
  outfile: 'out/cli/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
  define: { __M365_CONNECT_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});
