/**
 * Moving through the notes: the hub's reading order everywhere (prev/next, sidebar, the hub's own
 * list, the home page), the topic sidebar and the ☰ menu (with and without JavaScript), a short
 * note end, and the smaller reader-facing pieces: theme toggle, remembered wrap, 404 search, feed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { expect, test } from './fixtures';
import { notePath, readNotes, readTopics } from './site-map';

const notes = readNotes().filter((n) => !n.draft);
const titleOf = (id: string) => notes.find((n) => n.id === id)!.title;

/**
 * The reading order read straight from the hub's Markdown: the topic's notes in the order the hub
 * first links to them (`./x.md`, `../topic/x.md`, `[[x]]`, `[[topic/x]]`), then the rest by title.
 */
function hubOrder(topic: string): string[] {
  const members = notes.filter((n) => n.topic === topic && !n.hub);
  const hub = fs.readFileSync(path.resolve(import.meta.dirname, '../../content/notes', topic, 'index.md'), 'utf8');
  const linked: string[] = [];
  for (const match of hub.matchAll(/\]\((\.\.?\/[^)#\s]+)\.md[^)]*\)|\[\[([^\]|#]+)/g)) {
    const target = match[1] ? path.posix.join(topic, match[1]) : match[2]!.trim();
    const note = members.find((n) => n.id === target || n.id === `${topic}/${target}`);
    if (note && !linked.includes(note.id)) linked.push(note.id);
  }
  const rest = members.filter((n) => !linked.includes(n.id)).sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
  return [...linked, ...rest.map((n) => n.id)];
}

test('prev/next, the sidebar, the hub list and the home page follow each hub’s reading order', async ({ page }) => {
  test.setTimeout(180_000);
  for (const topic of readTopics()) {
    const order = hubOrder(topic.id);
    const titles = order.map(titleOf);
    expect(order.length, `${topic.id} has notes`).toBeGreaterThan(0);

    // Walk 下一篇 from the hub to the end, checking 上一篇 and the sidebar on the way.
    await page.goto(`${topic.id}/`);
    await expect(page.locator('section[aria-labelledby="topic-notes"] .card h3')).toHaveText(titles);
    await expect(page.locator('#note-nav [data-topic-notes] a')).toHaveText(titles);
    const walked: string[] = [];
    for (let step = 0; step <= order.length; step++) {
      const next = page.getByRole('navigation', { name: '同专题的上一篇和下一篇' }).locator('a[rel="next"]');
      if ((await next.count()) === 0) break;
      const href = (await next.getAttribute('href'))!;
      await next.click();
      // Wait for the whole page, not just the commit: the next link is near its end.
      await page.waitForURL(new RegExp(`${href}$`), { waitUntil: 'load' });
      const title = await page.getByRole('heading', { level: 1 }).textContent();
      walked.push(title!);
      await expect(page.locator('#note-nav [data-topic-notes] a')).toHaveText(titles);
      await expect(page.locator('#note-nav [aria-current="page"]')).toHaveText(title!);
      const prev = page.locator('a[rel="prev"]');
      if (walked.length > 1) await expect(prev).toContainText(walked.at(-2)!);
      else await expect(prev).toHaveCount(0);
    }
    expect(walked, `${topic.id}: 下一篇 from the hub to the last note`).toEqual(titles);
  }
  await page.goto('./');
  for (const topic of readTopics()) {
    await expect(page.locator(`section[aria-labelledby="topic-${topic.id}"] .topic-notes > li > a`)).toHaveText(hubOrder(topic.id).map(titleOf));
  }
});

test('the home page lists every note once', async ({ page }) => {
  await page.goto('./');
  const listed = await page.locator('main a').allTextContents();
  for (const note of notes.filter((n) => !n.hub)) expect(listed.filter((text) => text === note.title), note.title).toHaveLength(1);
  await expect(page.locator('.recent-badge')).toHaveCount(5);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the ☰ menu opens the topic sidebar on a note and the site navigation elsewhere', async ({ page }) => {
    await page.goto(notePath('kafka/replication'));
    await expect(page.locator('#note-nav')).toBeHidden();
    await page.getByRole('button', { name: '菜单' }).click();
    const menu = page.getByRole('navigation', { name: '专题导航' });
    await expect(menu.getByRole('link', { name: titleOf('kafka/replication') })).toHaveAttribute('aria-current', 'page');
    await expect(menu.getByRole('link', { name: 'JVM 内存' })).toBeVisible();
    await menu.getByRole('link', { name: titleOf('kafka/producer') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleOf('kafka/producer'));

    await page.goto('tags/');
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '关系图' }).click();
    await expect(page).toHaveURL(/\/graph\/$/);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the menu still opens, and the TOC still unfolds', async ({ page }) => {
      await page.goto(notePath('jvm/oom-errors'));
      await page.getByRole('button', { name: '菜单' }).click();
      await page.getByRole('navigation', { name: '专题导航' }).getByRole('link', { name: titleOf('jvm/runtime-data-areas') }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleOf('jvm/runtime-data-areas'));
      await page.getByText('本页目录').click();
      await expect(page.getByRole('navigation', { name: '本页目录' }).getByRole('link').first()).toBeVisible();
    });
  });
});

test('a sidebar lists at most 21 notes of its topic, and no other topic’s notes', async ({ page }) => {
  await page.goto(notePath('kafka/producer'));
  const sidebar = page.locator('#note-nav');
  await expect(sidebar).toBeVisible();
  const listed = await sidebar.locator('[data-topic-notes] a').allTextContents();
  expect(listed.length).toBeLessThanOrEqual(21);
  for (const other of notes.filter((n) => n.topic !== 'kafka')) expect(listed).not.toContain(other.title);
  await expect(sidebar.getByRole('link', { name: 'nginx', exact: true })).toHaveAttribute('href', /\/nginx\/$/);
});

test('the note end: three backlinks open, the rest behind “show all”, no repeated outgoing list', async ({ page }) => {
  const id = 'jvm/runtime-data-areas';
  await page.goto(notePath(id));
  const backlinks = page.locator('[data-backlinks]');
  const total = Number(/（(\d+)）/.exec((await backlinks.getByRole('heading').textContent())!)![1]);
  expect(total, 'a note with more than three backlinks').toBeGreaterThan(3);
  await expect(backlinks.locator('li:visible')).toHaveCount(3);
  await backlinks.getByText(`显示其余 ${total - 3} 处引用`).click();
  await expect(backlinks.locator('li:visible')).toHaveCount(total);
  await expect(page.getByRole('heading', { name: '本文链接到' })).toHaveCount(0);
  const related = page.locator('[data-related] li');
  for (const item of await related.all()) await expect(item.locator('p')).toHaveCount(0);
});

test('the theme toggle goes system → the other theme → the system’s theme → system, and remembers', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./');
  const toggle = page.getByRole('button', { name: /切换深色\/浅色主题/ });
  await expect(toggle).toHaveAccessibleName('切换深色/浅色主题（当前：跟随系统）');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAccessibleName('切换深色/浅色主题（当前：深色）');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await toggle.click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  await expect(toggle).toHaveAccessibleName('切换深色/浅色主题（当前：跟随系统）');
  await page.reload();
  expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull();
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 24, 29)');
});

test('the wrap choice holds for every block and survives a reload and another page', async ({ page }) => {
  await page.goto(notePath('jvm/oom-errors'));
  const wrap = page.getByRole('button', { name: '换行' }).first();
  await wrap.click();
  await expect(page.locator('pre.astro-code:not(.wrap)')).toHaveCount(0);
  await page.goto(notePath('kafka/producer'));
  await expect(page.locator('pre.astro-code:not(.wrap)')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '换行' }).first()).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: '换行' }).first().click();
  await page.reload();
  await expect(page.locator('pre.astro-code.wrap')).toHaveCount(0);
});

test.describe('copy', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a page that is not a secure context loads clipboard-copy’s fallback at start, and copy works', async ({ page }) => {
    // What a plain-http intranet page is: the test server on 127.0.0.1 counts as secure, so pretend.
    await page.addInitScript(() => Object.defineProperty(window, 'isSecureContext', { value: false }));
    const fallback = page.waitForResponse((response) => /\/clipboard-fallback\.[\w-]+\.js$/.test(response.url()));
    await page.goto(notePath('kafka/replication'));
    await fallback;
    const button = page.getByRole('button', { name: '复制' }).first();
    await button.click();
    await expect(button).toHaveAccessibleName('已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).not.toBe('');
  });
});

test('a console block’s badge says only its command syntax was checked', async ({ page }) => {
  await page.goto(notePath('jvm/oom-errors'));
  const badges = page.locator('pre[data-language="console"]').locator('xpath=preceding-sibling::div[contains(@class,"code-header")]').locator('.code-verified');
  expect(await badges.count()).toBeGreaterThan(0);
  for (const text of await badges.allTextContents()) expect(text).toMatch(/^已验证命令语法：bash -n/);
});

test('the 404 page searches: its form lands on the search page with results', async ({ page }) => {
  await page.goto('no-such-note/');
  await page.getByRole('searchbox', { name: '搜索笔记' }).fill('分区');
  await page.getByRole('searchbox', { name: '搜索笔记' }).press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=%E5%88%86%E5%8C%BA$/);
  await expect(page.locator('[data-search-results] li').first()).toBeVisible({ timeout: 20_000 });
});

test('the feed’s categories are tag names, not ids', async ({ page }) => {
  const names = new Map((parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../content/tags.yaml'), 'utf8')) as { id: string; name: string }[]).map((t) => [t.id, t.name]));
  const feed = await (await page.request.get('rss.xml')).text();
  const item = /<item>(?:(?!<\/item>)[\s\S])*?\/jvm\/oom-errors\/[\s\S]*?<\/item>/.exec(feed)![0];
  const categories = [...item.matchAll(/<category>([^<]+)<\/category>/g)].map((m) => m[1]);
  expect(categories).toEqual(notes.find((n) => n.id === 'jvm/oom-errors')!.tags.map((id) => names.get(id)));
  expect(categories.some((name, i) => name !== notes.find((n) => n.id === 'jvm/oom-errors')!.tags[i])).toBe(true);
});

test('tag pages: note titles in cards carry no heading rule; the tag index is compact', async ({ page }) => {
  await page.goto('tags/kafka/');
  const heading = page.locator('[data-tag-notes] h2').first();
  await expect(heading).toHaveCSS('border-bottom-width', '0px');
  await expect(heading).toHaveCSS('margin-top', '0px');
  await page.goto('tags/');
  const height = (await page.locator('[data-tag-index]').boundingBox())!.height;
  expect(height, 'the tag index at 1280 px wide').toBeLessThan(800);
});
