import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Product code reaches zod only through src/shared/zod.ts: zod/mini (it tree-shakes; classic zod
// loads every schema class whole) with its English messages set. Each no-restricted-imports
// block below repeats this: a later block's options replace an earlier one's.
const zodThroughShared = {
  regex: '^zod(/.*)?$',
  message: "Import zod from src/shared/zod.ts (zod/mini with English messages); classic zod does not tree-shake.",
};

export default tseslint.config(
  { ignores: ['**/.scratch/**', 'out/**', 'dist/**', 'node_modules/**', '.tmp/**', 'test-results/**', '.sandbox/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/shared/zod.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [zodThroughShared] }] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer talks only to window.api: no Node, no Electron.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'electron', '**/main/**', '**/cli/**', '**/sandbox/**'] }, zodThroughShared] },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/zod.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'electron', 'react', '**/main/**', '**/renderer/**'] }, zodThroughShared] },
      ],
    },
  },
  {
    files: ['src/shared/zod.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'zod/mini only: classic zod does not tree-shake.' }],
          patterns: [{ regex: '^zod/(?!mini$|locales$)', message: 'zod/mini and zod/locales only.' }],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/window.ts', 'src/main/electron/**'],
    rules: {
      // Handlers and services reach Electron only through the Platform interface.
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: [zodThroughShared] }],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*.{ts,mjs}', 'bench/**/*.ts', 'tests/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
