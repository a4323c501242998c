import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { queryTable, unanswered } from './search-queries';

/** Opens the search page for `query` and waits until its results are shown. */
async function search(page: Page, query: string): Promise<void> {
  await page.goto(`search/?q=${encodeURIComponent(query)}`);
  // A first query loads the index; on a busy shared machine that can take more than the default 5 s.
  await expect(page.locator('[data-search-results]')).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 });
}

/** Result paths relative to the base, in the order the search page shows them. */
async function resultIds(page: Page, base: string): Promise<string[]> {
  const links = page.locator('[data-search-results] .search-result__title');
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return hrefs.map((path) => path.slice(base.length).replace(/\/$/, '').replace(/^([^/]+)$/, '$1/index'));
}

for (const { query, expect: expected, top, why } of queryTable) {
  test(`search "${query}" ranks ${[expected].flat().join(' or ')} ${top === 1 ? 'first' : `in the top ${top} (${why})`}`, async ({ page, baseURL }) => {
    const base = new URL(baseURL!).pathname;
    await search(page, query);
    const ids = await resultIds(page, base);
    const wanted = Array.isArray(expected) ? expected : [expected];
    expect(ids.slice(0, top).some((id) => wanted.includes(id)), `expected ${wanted.join(' or ')}; results: ${ids.slice(0, 5).join(', ')}`).toBe(true);
    // The notes that answer a query are whole matches, never listed as partial ones.
    const partial = await page.locator('[data-search-results] > li.search-result').evaluateAll((items) =>
      items.map((item) => item.querySelector('.search-result__partial') !== null),
    );
    expect(partial[ids.findIndex((id) => wanted.includes(id))]).toBe(false);
  });
}

for (const query of unanswered) {
  test(`"${query}" matches nothing and says so, without near misses`, async ({ page }) => {
    await search(page, query);
    await expect(page.locator('[data-search-status]')).toHaveText(`没有找到与“${query}”相关的笔记`);
    await expect(page.locator('[data-search-results] > li')).toHaveCount(0);
  });
}

test('a page holding the whole term outranks pages holding only its pieces (分区 vs 分配)', async ({ page, baseURL }) => {
  const base = new URL(baseURL!).pathname;
  await search(page, '分区');
  const ids = await resultIds(page, base);
  const items = page.locator('[data-search-results] > li');
  // Every note listed before the divider contains 分区; the JVM notes (分配) come after it, if at all.
  const dividerIndex = await items.evaluateAll((lis) => lis.findIndex((li) => li.classList.contains('search-divider')));
  expect(ids.slice(0, dividerIndex === -1 ? ids.length : dividerIndex).some((id) => id.startsWith('jvm/'))).toBe(false);
});

test('notes holding the query as typed come before notes found through a synonym (内存溢出, then OOM)', async ({ page }) => {
  await search(page, '内存溢出');
  const excerpts = page.locator('[data-search-results] .search-result__excerpt');
  await expect(excerpts.first().locator('mark')).toHaveText('内存溢出');
  const marks = await excerpts.evaluateAll((all) => all.slice(0, 5).map((e) => [...e.querySelectorAll('mark')].map((m) => m.textContent)));
  const literal = marks.map((found) => found.includes('内存溢出'));
  // Literal matches first, then the rest: once a result lacks the literal query, none after it has it.
  expect(literal.slice(literal.indexOf(false)).includes(true), JSON.stringify(marks)).toBe(false);
  expect(marks.flat().some((mark) => /^(oom|outofmemoryerror)$/i.test(mark ?? ''))).toBe(true);
});

test('a query found only through synonyms says which words it used (消息丢失 → 丢消息)', async ({ page }) => {
  await search(page, '消息丢失');
  await expect(page.locator('[data-search-status]')).toContainText('含同义词：丢消息');
  await expect(page.locator('[data-search-results] .search-result__excerpt mark').first()).toHaveText('丢消息');
});

test('a Traditional query is searched as the Simplified phrase the notes use (記憶體溢出 → 内存溢出)', async ({ page }) => {
  await search(page, '記憶體溢出');
  await expect(page.locator('[data-search-results] .search-result__excerpt mark').first()).toHaveText('内存溢出');
  await expect(page.locator('[data-search-results] .search-result__title').first()).toHaveAttribute('href', /highlight=%E5%86%85%E5%AD%98%E6%BA%A2%E5%87%BA/);
});
