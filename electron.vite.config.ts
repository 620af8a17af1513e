import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

const darkOrHighContrastTokens = /@fluentui\/tokens\/lib\/.*(dark|highContrast)/i;
const loadedOnDemand = (id: string) => darkOrHighContrastTokens.test(id);
const isLibrary = (id: string) => id.includes('/node_modules/') && !loadedOnDemand(id);

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
    plugins: [react()],
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
        // compiles them. The dark and high-contrast tokens stay out of both: they load only when in effect.
        output: {
          codeSplitting: {
            groups: [
              { name: 'first-screen', test: (id: string) => !loadedOnDemand(id), tags: ['$initial'] },
              { name: 'vendor-later', test: isLibrary },
            ],
          },
        },
      },
    },
  },
});
