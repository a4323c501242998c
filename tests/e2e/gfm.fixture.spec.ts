import { expect, test } from './fixtures';

test('a note renders GFM: table, task list, footnote, strikethrough, autolink', async ({ page }) => {
  await page.goto('alpha/gfm/');
  const prose = page.locator('.prose');
  await expect(prose.getByRole('table')).toContainText('supervisord.conf');
  await expect(prose.getByRole('columnheader', { name: '工具' })).toBeVisible();
  const tasks = prose.getByRole('checkbox');
  await expect(tasks).toHaveCount(2);
  await expect(tasks.first()).toBeChecked();
  await expect(prose.locator('del')).toHaveText('旧的做法');
  await expect(prose.getByRole('link', { name: 'https://nginx.org/en/docs/' })).toHaveAttribute('rel', 'noopener noreferrer');
  const ref = prose.locator('sup a[data-footnote-ref]');
  await ref.click();
  await expect(page.locator('.footnotes')).toContainText('systemd.service');
  await expect(page.locator('.footnotes h2')).toHaveText('脚注');
});

test('a fenced block is highlighted by Shiki in both themes', async ({ page }) => {
  await page.goto('alpha/gfm/');
  const block = page.locator('pre.astro-code[data-language="ini"]');
  await expect(block).toContainText('[program:app]');
  const colours = async () =>
    block.locator('span span').evaluateAll((spans) => new Set(spans.map((s) => getComputedStyle(s).color)).size);
  expect(await colours()).toBeGreaterThan(1);
  const lightKey = await block.locator('span span').first().evaluate((s) => getComputedStyle(s).color);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await colours()).toBeGreaterThan(1);
  expect(await block.locator('span span').first().evaluate((s) => getComputedStyle(s).color)).not.toBe(lightKey);
});

test('drafts are left out of the production build, its feed and its sitemap', async ({ page }) => {
  expect((await page.request.get('alpha/draft-note/')).status()).toBe(404);
  const feed = await (await page.request.get('rss.xml')).text();
  expect(feed).toContain('GFM 示例');
  expect(feed).not.toContain('草稿笔记');
  const sitemap = await (await page.request.get('sitemap-0.xml')).text();
  expect(sitemap).toContain('/alpha/gfm/');
  expect(sitemap).not.toContain('draft-note');
  await page.goto('alpha/');
  await expect(page.locator('main')).not.toContainText('草稿笔记');
});
