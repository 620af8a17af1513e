// Bundles the CLI into out/cli/index.js, which plain `node` runs (package.json "bin"), and
// out/cli/program.js beside it.
// Most dependencies stay external: they are resolved from node_modules like any Node program.
// The small pure-JS ones every command loads are bundled in: loading zod's hundred-odd files
// one by one through Node's module resolver cost more start-up time than the code they hold.
import { readdir, readFile } from 'node:fs/promises';
import { URL } from 'node:url';
import { build } from 'esbuild';

const { version, dependencies, devDependencies } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const bundled = ['commander', 'picocolors', 'zod', 'nodemailer'];
// Dev dependencies too: the PDF export loads playwright-core from node_modules when present.
const externalBut = (inside) =>
  Object.keys({ ...dependencies, ...devDependencies })
    .filter((name) => !inside.includes(name))
    .flatMap((name) => [name, `${name}/*`]);

// The entry stays a few kilobytes: it loads out/cli/program.js (the commands and everything
// they bundle) only when a command runs, so `--version` never parses it.
const programApart = {
  name: 'program-apart',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/program$/ }, (args) =>
      args.importer.endsWith('src/cli/index.ts') ? { path: './program.js', external: true } : undefined,
    );
  },
};

// Commands with a program of their own (src/cli/programs/<command>.ts, out/cli/programs/):
// index.js loads one of those instead of the whole CLI when it is the command.
const ownPrograms = (await readdir('src/cli/programs')).filter((name) => name.endsWith('.ts')).map((name) => `src/cli/programs/${name}`);

// The commands that talk to Entra ID and Graph also bundle MSAL and undici, so V8's code cache
// covers them: loaded from node_modules they were ~80 files compiled at every start (`whoami`
// 256 -> 214 ms). The SMTP test needs neither (only `--oauth` loads them, from node_modules):
// its program and the entry stay without them.
const withoutHttpClient = (entry) => entry === 'src/cli/index.ts' || entry.endsWith('/smtp-test.ts');
const entries = ['src/cli/index.ts', 'src/cli/program.ts', ...ownPrograms];
const httpClient = ['@azure/msal-node', 'undici'];

// commander requires node:child_process at load for subcommands that are separate executables,
// which this CLI has none of; loading it (and what it pulls in) cost every command ~2.5 ms.
const lazyChildProcessInCommander = {
  name: 'lazy-child-process-in-commander',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) throw new Error(`${args.path}: commander changed; review lazy-child-process-in-commander`);
      const lazy = "const childProcess = { get spawn() { return require('node:child_process').spawn; } };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

const options = {
  outdir: 'out/cli',
  outbase: 'src/cli',
  plugins: [programApart, lazyChildProcessInCommander],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // import() of an external file becomes require(): Node's ESM loader would otherwise scan all
  // of program.js for CommonJS exports before running it.
  supported: { 'dynamic-import': false },
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
  define: { __M365_CONNECT_VERSION__: JSON.stringify(version) },
  // Whitespace and syntax only (names stay): less to read and deserialize at every start.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

await build({ ...options, entryPoints: entries.filter(withoutHttpClient), external: externalBut(bundled) });
await build({ ...options, entryPoints: entries.filter((entry) => !withoutHttpClient(entry)), external: externalBut([...bundled, ...httpClient]) });
