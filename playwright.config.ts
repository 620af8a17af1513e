import { defineConfig } from '@playwright/test';

// The browser is launched by tests/support/shell.ts (system Chromium via executablePath),
// so no Playwright-managed browser is ever needed.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
});
