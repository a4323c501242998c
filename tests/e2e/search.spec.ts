import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { notePath } from './site-map';

const isSearchFile = (url: string) => /\/search-index\/|\/search\/|opencc|\/ui\.[\w-]+\.js$|search\.[\w-]+\.css$/i.test(new URL(url).pathname) && !/\/search\/$/.test(new URL(url).pathname);

test('a note page read without opening search requests no search code, style or index file', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(notePath('kafka/replication'));
  await page.mouse.wheel(0, 2000);
  await page.waitForLoadState('networkidle');
  expect(requested.filter(isSearchFile)).toEqual([]);
});

test('/ and Ctrl+K open the dialog; arrows and Enter open a result that shows highlighted terms', async ({ page }) => {
  await page.goto(notePath('jvm/oom-errors'));
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: '搜索笔记' });
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('combobox', { name: '搜索笔记' });
  await expect(input).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
  await input.fill('高水位');
  const options = dialog.getByRole('listbox').getByRole('option');
  await expect(options.first()).toContainText('Kafka 副本机制');
  await expect(options.first().locator('mark').first()).toBeVisible();
  // Whole terms are marked, never single characters of them.
  expect(new Set(await options.first().locator('mark').allTextContents())).toEqual(new Set(['高水位']));
  await expect(options.first()).toContainText('Kafka');
  await page.keyboard.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(input).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/kafka\/replication\/\?highlight=/);
  const marks = page.locator('.prose mark.search-hit');
  await expect(marks.first()).toHaveText('高水位');
  // The page scrolls to the first mark of the section the result points at.
  await expect
    .poll(() =>
      marks.evaluateAll((all) =>
        all.some((mark) => {
          const box = mark.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }),
      ),
    )
    .toBe(true);
});

test('results in the dialog are links: Ctrl+click and middle-click open the note in a new tab', async ({ page, context }) => {
  await page.goto(notePath('kafka/replication'));
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: '搜索笔记' });
  await dialog.getByRole('combobox', { name: '搜索笔记' }).fill('StartLimitBurst');
  const first = dialog.getByRole('listbox').getByRole('option').first();
  await expect(first).toContainText('systemd 崩溃重启');
  await expect(first).toHaveAttribute('href', /\/process-supervision\/systemd-restart\/\?highlight=startlimitburst#/);
  for (const click of [{ modifiers: ['ControlOrMeta' as const] }, { button: 'middle' as const }]) {
    const opened = context.waitForEvent('page');
    await first.click(click);
    const tab = await opened;
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toMatch(/\/process-supervision\/systemd-restart\/$/);
    await expect(tab.locator('.prose mark.search-hit').first()).toHaveText('StartLimitBurst');
    await tab.close();
  }
  // The dialog stayed open on the page the reader was reading.
  await expect(dialog).toBeVisible();
  expect(new URL(page.url()).pathname).toMatch(/\/kafka\/replication\/$/);
});

test('an excerpt marks the term as typed (Restart=always), not its neighbours (RestartSec)', async ({ page }) => {
  await page.goto('./');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: '搜索笔记' });
  await dialog.getByRole('combobox', { name: '搜索笔记' }).fill('Restart=always');
  const options = dialog.getByRole('listbox').getByRole('option');
  await expect(options.first()).toBeVisible();
  const marks = await options.locator('mark').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  expect(new Set(marks)).toEqual(new Set(['Restart=always']));
});

test('pinyin still being composed in an input method is not searched; the word it commits is, at once', async ({ page }) => {
  await page.goto(notePath('kafka/replication'));
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: '搜索笔记' });
  const input = dialog.getByRole('combobox', { name: '搜索笔记' });
  await expect(input).toBeFocused();
  const listbox = dialog.getByRole('listbox');
  // Chromium's input method events, as a Chinese input method sends them.
  const ime = await page.context().newCDPSession(page);
  await ime.send('Input.imeSetComposition', { text: 'fenqu', selectionStart: 5, selectionEnd: 5 });
  await expect(input).toHaveValue('fenqu');
  // A search would mark the list busy as soon as the input changed.
  expect(await listbox.getAttribute('aria-busy')).not.toBe('true');
  await ime.send('Input.insertText', { text: '分区' });
  await expect(listbox).toHaveAttribute('aria-busy', 'false');
  await expect(listbox.getByRole('option').first()).toContainText('分区');
  await expect(dialog.getByRole('status')).toHaveText(/^找到 \d+ 篇笔记$/);
});

test('Escape closes the dialog and returns focus to the search button', async ({ page }) => {
  await page.goto('./');
  const button = page.locator('[data-search-open]');
  await button.click();
  const dialog = page.getByRole('dialog', { name: '搜索笔记' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('topic and tag filters narrow the results', async ({ page }) => {
  await page.goto('./');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: '搜索笔记' });
  await dialog.getByRole('combobox', { name: '搜索笔记' }).fill('内存');
  await expect(dialog.getByRole('listbox').getByRole('option').first()).toBeVisible();
  const topics = () => dialog.locator('.search-result__topic').allTextContents();
  expect(new Set(await topics()).size).toBeGreaterThan(1);
  await dialog.getByLabel('专题').selectOption('JVM 内存');
  await expect.poll(async () => [...new Set(await topics())]).toEqual(['JVM 内存']);
  await dialog.getByLabel('专题').selectOption('');
  await dialog.getByLabel('标签').selectOption('Kafka');
  const tagged = () =>
    dialog.getByRole('listbox').getByRole('option').evaluateAll((options) =>
      options.every((option) => [...option.querySelectorAll('.search-result__tag')].some((tag) => tag.textContent === '#Kafka')),
    );
  await expect.poll(async () => (await dialog.getByRole('listbox').getByRole('option').count()) > 0 && (await tagged())).toBe(true);
});

test('the dialog is accessible (axe) and links to the search page', async ({ page }) => {
  await page.goto('./');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: '搜索笔记' });
  await dialog.getByRole('combobox', { name: '搜索笔记' }).fill('ISR');
  await expect(dialog.getByRole('listbox').getByRole('option').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).include('.search-dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await dialog.getByRole('link', { name: '在搜索页查看全部结果' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=ISR$/);
  await expect(page.locator('[data-search-results] .search-result__title').first()).toHaveText(/副本机制/);
});

test('/search/?q=ip_hash lists the nginx note, and typing updates the address', async ({ page }) => {
  await page.goto('search/?q=ip_hash');
  const first = page.locator('[data-search-results] .search-result__title').first();
  await expect(first).toContainText('ip_hash');
  await expect(first).toHaveAttribute('href', /\/nginx\/ip-hash-troubleshooting\/\?highlight=ip_hash/);
  await page.getByRole('searchbox', { name: '搜索笔记' }).fill('KRaft');
  await expect(page).toHaveURL(/\/search\/\?q=KRaft$/);
  await expect(first).toContainText('KRaft');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('a query is text, never HTML: nothing in it executes', async ({ page }) => {
  await page.addInitScript(() => { (window as unknown as { pwned: boolean }).pwned = false; });
  const evil = '<img src=x onerror="window.pwned=true">';
  await page.goto(`search/?q=${encodeURIComponent(evil)}`);
  await expect(page.locator('[data-search-status]')).toContainText(evil);
  await expect(page.getByRole('searchbox')).toHaveValue(evil);
  expect(await page.locator('main img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { pwned: boolean }).pwned)).toBe(false);
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: '搜索笔记' }).fill(evil);
  await expect(page.locator('.search-dialog [role="status"]')).toContainText(evil);
  expect(await page.locator('.search-dialog img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { pwned: boolean }).pwned)).toBe(false);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the search page says search needs JavaScript and offers the indexes', async ({ page }) => {
    await page.goto('search/?q=kafka');
    await expect(page.getByText('搜索需要 JavaScript')).toBeVisible();
    await page.getByRole('link', { name: '全部标签' }).first().click();
    await expect(page).toHaveURL(/\/tags\/$/);
  });
  test('the header search button leads to the search page', async ({ page }) => {
    await page.goto('./');
    await page.locator('[data-search-open]').click();
    await expect(page).toHaveURL(/\/search\/$/);
  });
});

test('a hand-edited link with malformed escapes still marks the words it can read, without a script error', async ({ page }) => {
  // `%E0%A4%A` is a cut-off escape: decoding it throws a URIError. The fixture fails the test on any page error.
  await page.goto(`${notePath('kafka/replication')}?highlight=%E0%A4%A&highlight=${encodeURIComponent('分区')}#%E0%A4%A`);
  await expect(page.locator('.prose mark.search-hit').first()).toHaveText('分区');
});
