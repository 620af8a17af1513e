import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { themeTokenNames } from './src/renderer/src/theme/theme-token-names';
import { fluentThemeTokens } from './scripts/vite/fluent-theme-tokens';

const isLibrary = (id: string) => id.includes('/node_modules/');
// Griffel's run-time style compiler: makeStyles and the CSS parsing, prefixing and RTL flipping it
// runs. Fluent's components ship their styles precompiled (__styles) and the first screen's own
// styles are inline, so only later screens' makeStyles need it. The first screen reaches it only
// through @griffel/core's index, which rolldown counts as a static import of all of it.
const griffelCore = /\/node_modules\/@griffel\/core\/src\//;
// What applying precompiled styles takes from @griffel/core (tests/e2e/first-screen.spec.ts fails
// if the first screen needs more of it).
const griffelPrecompiledPath =
  /\/@griffel\/core\/src\/(?:__styles|__resetStyles|mergeClasses|insertionFactory|constants|renderer\/\w+|runtime\/reduceToClassNameForSlots|runtime\/utils\/(?:hashSequence|normalizeCSSBucketEntry))\.js$/;
const isStyleCompiler = (id: string) =>
  /\/node_modules\/(?:stylis|rtl-css-js)\//.test(id) || (griffelCore.test(id) && !griffelPrecompiledPath.test(id));

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads can't require() local files: bundle everything into one CJS file.
      rollupOptions: { input: { index: resolve('src/preload/index.ts') }, output: { format: 'cjs', codeSplitting: false } },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), fluentThemeTokens(themeTokenNames)],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified by default; minified code parses and
      // compiles faster at start-up (the first screen waits for it).
      minify: true,
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html') },
        // Everything the first screen runs ('$initial': reached from the entry by static imports),
        // its libraries and the app's own code, goes in the entry chunk: one file, one round trip
        // through the app:// handler, before it shows. The libraries only later screens use go in one
        // chunk of their own, fetched with the first of them, so start-up neither fetches nor
        // compiles them; Griffel's style compiler, which only later screens' makeStyles run, likewise.
        // The dark and high-contrast tokens stay out of all of them: they load only when in effect.
        // tests/e2e/first-screen.spec.ts checks that Get started needs no script but the entry.
        output: {
          codeSplitting: {
            groups: [
              // Taken first, and only the modules it names: their imports are shared with the first screen.
              { name: 'style-compiler', test: isStyleCompiler, priority: 2, includeDependenciesRecursively: false },
              { name: 'first-screen', tags: ['$initial'], priority: 1 },
              // Shown once app:info answers, in a demo copy: with its library code (what the first screen
              // lacks), so it need not wait for vendor-later.
              { name: 'demo-badge', test: /\/src\/renderer\/src\/wizard\/parts\/DemoBadge\.tsx$/, priority: 1 },
              { name: 'vendor-later', test: isLibrary },
            ],
          },
        },
      },
    },
  },
});
