import { expect, test } from './fixtures';
import { queryTable } from './search-queries';

/** Result paths relative to the base, in the order the search page shows them. */
async function resultIds(page: import('@playwright/test').Page, base: string): Promise<string[]> {
  const links = page.locator('[data-search-results] .search-result__title');
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return hrefs.map((path) => path.slice(base.length).replace(/\/$/, '').replace(/^([^/]+)$/, '$1/index'));
}

for (const { query, expect: expected, top, why } of queryTable) {
  test(`search "${query}" ranks ${[expected].flat().join(' or ')} ${top === 1 ? 'first' : `in the top ${top} (${why})`}`, async ({ page, baseURL }) => {
    const base = new URL(baseURL!).pathname;
    await page.goto(`search/?q=${encodeURIComponent(query)}`);
    const ids = await resultIds(page, base);
    const wanted = Array.isArray(expected) ? expected : [expected];
    expect(ids.slice(0, top).some((id) => wanted.includes(id)), `expected ${wanted.join(' or ')}; results: ${ids.slice(0, 5).join(', ')}`).toBe(true);
  });
}

test('a page holding the whole term outranks pages holding only its pieces (分区 vs 分配)', async ({ page, baseURL }) => {
  const base = new URL(baseURL!).pathname;
  await page.goto(`search/?q=${encodeURIComponent('分区')}`);
  const ids = await resultIds(page, base);
  const partial = page.locator('[data-search-results] .search-divider');
  // Every note listed before the divider contains 分区; the JVM notes (分配) come after it, if at all.
  const dividerIndex = (await partial.count()) > 0 ? await page.locator('[data-search-results] > li').evaluateAll((lis) => lis.findIndex((li) => li.classList.contains('search-divider'))) : ids.length;
  expect(ids.slice(0, dividerIndex).some((id) => id.startsWith('jvm/'))).toBe(false);
});

test('a term that occurs nowhere says so instead of passing off a shorter word (卡夫卡)', async ({ page }) => {
  await page.goto(`search/?q=${encodeURIComponent('卡夫卡')}`);
  await expect(page.locator('[data-search-status]')).toContainText('没有笔记完整包含“卡夫卡”');
});
