import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

const darkOrHighContrastTokens = /@fluentui\/tokens\/lib\/.*(dark|highContrast)/i;
const inVendorChunk = (id: string) => id.includes('/node_modules/') && !darkOrHighContrastTokens.test(id);

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
        // One chunk for the libraries the first screen uses instead of many small shared ones (each
        // file is a round trip through the app:// handler before the first screen runs), and one
        // for those only later screens use ('$initial': reached from the entry by static imports),
        // so start-up neither fetches nor compiles them. The dark and high-contrast tokens stay out
        // of both: they load only when in effect.
        output: {
          codeSplitting: {
            groups: [
              { name: 'vendor', test: inVendorChunk, tags: ['$initial'] },
              { name: 'vendor-later', test: inVendorChunk },
            ],
          },
        },
      },
    },
  },
});
