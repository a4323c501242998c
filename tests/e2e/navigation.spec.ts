import { expect, test } from './fixtures';
import { notePath, readNotes, readTopics } from './site-map';

const notes = readNotes().filter((n) => !n.draft);
const topics = readTopics();

test('home lists every topic and every note', async ({ page }) => {
  await page.goto('./');
  await expect(page).toHaveTitle(/笔记库/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const main = page.locator('main');
  for (const topic of topics) {
    await expect(main.getByRole('heading', { name: topic.name, exact: true })).toBeVisible();
  }
  for (const note of notes.filter((n) => !n.hub)) {
    await expect(main.getByRole('link', { name: note.title, exact: true }).first()).toBeVisible();
  }
});

test('every topic page lists its notes, and every note link opens that note', async ({ page }) => {
  for (const topic of topics) {
    await page.goto(`${topic.id}/`);
    for (const note of notes.filter((n) => n.topic === topic.id && !n.hub)) {
      const link = page.locator('main').getByRole('link', { name: note.title, exact: true }).first();
      await expect(link).toBeVisible();
      expect(new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toMatch(
        new RegExp(`/${notePath(note.id)}$`),
      );
    }
  }
});

test('a note page has breadcrumbs, dates, tags linking to tag pages and prev/next', async ({ page }) => {
  const note = notes.find((n) => n.id === 'kafka/replication') ?? notes.find((n) => !n.hub)!;
  await page.goto(notePath(note.id));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(note.title);
  const crumbs = page.getByRole('navigation', { name: '导航路径' });
  await expect(crumbs.getByRole('link', { name: '首页' })).toBeVisible();
  await expect(page.locator('.note-meta time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  const tag = page.locator('article .tag-list a').first();
  await tag.click();
  await expect(page).toHaveURL(/\/tags\/[^/]+\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('标签');
});

test('TOC links jump to their headings', async ({ page }) => {
  const note = notes.find((n) => n.id === 'kafka/replication') ?? notes.find((n) => !n.hub)!;
  await page.goto(notePath(note.id));
  const toc = page.getByRole('navigation', { name: '本页目录' });
  const links = toc.locator('a');
  expect(await links.count()).toBeGreaterThan(2);
  const last = links.last();
  const hash = decodeURIComponent(new URL(await last.evaluate((a) => (a as HTMLAnchorElement).href)).hash.slice(1));
  await last.click();
  await expect(page).toHaveURL(new RegExp(`#${encodeURIComponent(hash).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  const heading = page.locator(`[id="${hash}"]`);
  await expect(heading).toBeInViewport();
  await expect(toc.locator('a[aria-current="true"]')).toHaveCount(1);
});

test('the theme toggle persists across a reload without a flash', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./');
  const toggle = page.getByRole('button', { name: '切换深色/浅色主题' });
  await expect(toggle).toHaveAccessibleName(/当前：跟随系统/);
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // Record the theme at the first paint of the next load: the stored choice must already apply.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.body) {
        (window as unknown as { firstTheme: string | undefined }).firstTheme = document.documentElement.dataset['theme'];
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { firstTheme: string | undefined }).firstTheme)).toBe('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBg);
  await expect(toggle).toHaveAccessibleName(/当前：深色/);
});

test('an unknown address shows the 404 page', async ({ page }) => {
  const response = await page.goto('no-such-note/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
  await page.getByRole('link', { name: '回到首页' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('笔记库');
});

test('feed and sitemap list every published note with the base path', async ({ page, baseURL, siteURL }) => {
  const base = new URL(siteURL ?? baseURL!);
  const feed = await (await page.request.get('rss.xml')).text();
  for (const note of notes.filter((n) => !n.hub)) {
    expect(feed).toContain(`${base.origin}${base.pathname}${notePath(note.id)}`);
  }
  const index = await (await page.request.get('sitemap-index.xml')).text();
  const sitemapUrls = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(sitemapUrls.length).toBeGreaterThan(0);
  const entries = (await Promise.all(sitemapUrls.map(async (u) => (await page.request.get(new URL(u).pathname)).text()))).join('');
  for (const note of notes) expect(entries).toContain(`<loc>${base.origin}${base.pathname}${notePath(note.id)}</loc>`);
  const robots = await (await page.request.get('robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${base.origin}${base.pathname}sitemap-index.xml`);
  // The feed is announced in every page's head.
  await page.goto('./');
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', `${base.pathname}rss.xml`);
});
