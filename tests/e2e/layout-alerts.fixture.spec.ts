/**
 * GFM alerts (`> [!NOTE]` … `> [!CAUTION]`) render as callouts with an icon and a Chinese label,
 * readable (axe contrast) in both themes and kept, framed, in print. Fixture: alpha/gfm.md.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const ALERTS = [
  ['note', '注意'],
  ['tip', '提示'],
  ['important', '重要'],
  ['warning', '警告'],
  ['caution', '小心'],
] as const;

test('each alert kind is a callout with its icon and label; a plain quote stays a quote', async ({ page }) => {
  await page.goto('alpha/gfm/');
  for (const [kind, label] of ALERTS) {
    const alert = page.locator(`.prose .markdown-alert-${kind}`);
    await expect(alert).toHaveCount(1);
    await expect(alert.locator('.markdown-alert-title')).toHaveText(label);
    // The icon is a CSS mask on the title: one of the five icon files, drawn in the alert's colour.
    const icon = await alert.locator('.markdown-alert-title').evaluate((el) => getComputedStyle(el, '::before').maskImage);
    expect(icon).toMatch(new RegExp(`alert-${kind}\\.[\\w-]+\\.svg`));
    await expect(alert).not.toContainText('[!');
  }
  await expect(page.locator('.markdown-alert-warning code')).toHaveText('inline code');
  await expect(page.locator('.prose blockquote')).toHaveText('普通引用，不是提示框。');
});

for (const theme of ['light', 'dark'] as const) {
  test(`alerts have their own colour and pass axe in the ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('alpha/gfm/');
    const colours = await page.locator('.markdown-alert').evaluateAll((els) => els.map((el) => getComputedStyle(el).borderLeftColor));
    expect(new Set(colours).size, 'five kinds, five colours').toBe(5);
    const results = await new AxeBuilder({ page }).include('.markdown-alert').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('in print, alerts keep their frame and label', async ({ page }) => {
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await page.goto('alpha/gfm/');
  const warning = page.locator('.markdown-alert-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toHaveCSS('border-left-style', 'solid');
  // Print is always the light theme: the light warning colour, #8a6100.
  await expect(warning).toHaveCSS('border-left-color', 'rgb(138, 97, 0)');
  await expect(warning.locator('.markdown-alert-title')).toHaveCSS('color', 'rgb(138, 97, 0)');
});
