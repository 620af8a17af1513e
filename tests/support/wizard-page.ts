import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The screen heading is visible, named as expected, and has keyboard focus (focus management). */
export async function expectScreen(page: Page, name: string | RegExp): Promise<void> {
  const heading = page.getByRole('heading', { level: 1, name });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
}

/** axe-core on the whole page: no violations at all (WCAG 2.x A and AA rules and best practices). */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  // Colours are measured as painted: let finite enter transitions (fades) end first, or a
  // half-faded text reads as low contrast. Spinners run forever and are left alone.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

/** No stack-trace line ("    at fn (file:line)") anywhere on screen. */
export async function expectNoStackTrace(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/^\s*at\s+\S+.*[:(]/m);
  expect(text).not.toMatch(/\bat .*\.(js|ts|tsx):\d+/);
}
