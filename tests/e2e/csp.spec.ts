import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { notePath, readNotes } from './site-map';

/**
 * The Content-Security-Policy (a <meta> on every page; on the nginx projects also the header)
 * blocks nothing the site itself does: no violation event, no CSP message in the console.
 */
interface CspWindow {
  cspViolations: string[];
}

const note = readNotes().find((n) => n.id === 'kafka/replication')!;
const pages: Record<string, string> = {
  home: './',
  topic: `${note.topic}/`,
  'note with code': notePath(note.id),
  tags: 'tags/',
  '404': 'no-such-page/',
};

async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as CspWindow;
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      w.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const messages: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) messages.push(`console ${message.type()}: ${message.text()}`);
  });
  return async () => [...(await page.evaluate(() => (window as unknown as CspWindow).cspViolations)), ...messages];
}

test.describe('Content-Security-Policy', () => {
  test('every page carries a strict policy: no unsafe-inline, scripts from self only', async ({ page }) => {
    await page.goto('./');
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy).toMatch(/script-src 'self' 'sha256-/);
    expect(policy).not.toContain('wasm-unsafe-eval');
    expect(policy).toMatch(/style-src 'self'/);
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain("'unsafe-eval'");
    // Nothing in the markup needs an exception: no style attributes, no inline handlers.
    expect(await page.locator('[style]').count()).toBe(0);
  });

  for (const [name, path] of Object.entries(pages)) {
    test(`the ${name} page runs without a CSP violation`, async ({ page }) => {
      const violations = await watchCsp(page);
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await violations()).toEqual([]);
    });
  }

  test('search (the page, its index files and a Traditional query) runs without a CSP violation', async ({ page }) => {
    const violations = await watchCsp(page);
    const response = await page.goto('search/?q=kafka');
    test.skip(response?.status() === 404, 'no search page in this build');
    await expect(page.locator('[data-search-results] li').first()).toBeVisible();
    // A Traditional query loads OpenCC's converter and the folding table too.
    await page.getByRole('searchbox').fill('記憶體');
    await expect(page.locator('[data-search-results] mark').first()).toHaveText('内存');
    expect(await violations()).toEqual([]);
  });

  test('the graph page runs without a CSP violation', async ({ page }) => {
    const violations = await watchCsp(page);
    const response = await page.goto('graph/');
    test.skip(response?.status() === 404, 'no graph page in this build');
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
  });

  test.describe('code blocks', () => {
    test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

    test('keep their colours in both themes, and copy works, under the policy', async ({ page }) => {
      const violations = await watchCsp(page);
      await page.goto(notePath(note.id));
      // A plain block: copy of a terminal session leaves out the output lines.
      const block = page.locator('[data-code-block]:not(:has(pre[data-language="console"]))').first();
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        const colours = await block
          .locator('.line span')
          .evaluateAll((spans) => new Set(spans.map((s) => getComputedStyle(s).color)).size);
        expect(colours, theme).toBeGreaterThan(1);
      }
      const expected = await block.locator('pre').evaluate((pre) => [...pre.querySelectorAll('.line')].map((l) => l.textContent?.trimEnd()).join('\n'));
      const button = block.getByRole('button', { name: '复制' });
      await button.click();
      await expect(button).toHaveAccessibleName('已复制');
      expect((await page.evaluate(() => navigator.clipboard.readText())).trim()).toBe(expected.trim());
      expect(await violations()).toEqual([]);
    });
  });
});
