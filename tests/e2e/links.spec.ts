import { expect, test } from './fixtures';
import { notePath, readNotes } from './site-map';

const notes = readNotes().filter((n) => !n.draft);
const title = (id: string) => notes.find((n) => n.id === id)!.title;

test('a relative link navigates to its target, with the base path', async ({ page, baseURL }) => {
  await page.goto(notePath('kafka/overview'));
  const link = page.locator('.prose').getByRole('link', { name: 'JVM 运行时数据区' }).first();
  await expect(link).toHaveAttribute('href', `${new URL(baseURL!).pathname}jvm/runtime-data-areas/`);
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title('jvm/runtime-data-areas'));
});

test('wikilinks navigate to the note and to the heading', async ({ page, baseURL }) => {
  const base = new URL(baseURL!).pathname;
  await page.goto(notePath('kafka/index'));
  const plain = page.locator('.prose').getByRole('link', { name: '副本机制', exact: true }).last();
  await expect(plain).toHaveAttribute('href', `${base}kafka/replication/`);
  const toHeading = page.locator('.prose').getByRole('link', { name: `${title('kafka/replication')} › ISR` });
  await expect(toHeading).toHaveAttribute('href', `${base}kafka/replication/#isr`);
  await toHeading.click();
  await expect(page).toHaveURL(/\/kafka\/replication\/#isr$/);
  await expect(page.locator('h2#isr')).toBeInViewport();
});

test('backlinks appear on the target of a known link, with the sentence around it', async ({ page }) => {
  await page.goto(notePath('jvm/runtime-data-areas'));
  const backlinks = page.locator('[data-backlinks]');
  await expect(backlinks.getByRole('heading')).toContainText('被引用');
  // Notes of the same topic come first, with the sentence that links here.
  const sameTopic = backlinks.locator('li', { has: page.getByRole('link', { name: title('jvm/oom-errors'), exact: true }) });
  await expect(sameTopic.locator('blockquote')).toContainText('逐一对应到');
  // Notes of other topics wait behind “show all”, titles only.
  const otherTopic = backlinks.locator('li', { has: page.getByRole('link', { name: title('kafka/overview'), exact: true }) });
  await expect(otherTopic).toBeHidden();
  await backlinks.locator('summary').click();
  await expect(otherTopic.locator('blockquote')).toHaveCount(0);
  await otherTopic.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title('kafka/overview'));
  await expect(page.locator('.prose').getByRole('link', { name: 'JVM 运行时数据区' }).first()).toBeVisible();
});

test('related notes show, never the note itself nor one of its backlinks', async ({ page }) => {
  await page.goto(notePath('kafka/producer'));
  const related = page.locator('[data-related] li > a');
  const count = await related.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(5);
  const relatedTitles = await related.allTextContents();
  const backlinkTitles = await page.locator('[data-backlinks] li > a').allTextContents();
  expect(relatedTitles).not.toContain(title('kafka/producer'));
  for (const t of relatedTitles) expect(backlinkTitles).not.toContain(t);
});

test('the tag index shows every tag with the right count, and a tag page lists exactly its notes', async ({ page }) => {
  const byTag = new Map<string, string[]>();
  for (const note of readNotes()) {
    if (note.draft) continue;
    for (const tag of note.tags) byTag.set(tag, [...(byTag.get(tag) ?? []), note.title]);
  }
  await page.goto('tags/');
  const cards = page.locator('[data-tag-index] > li');
  await expect(cards).toHaveCount(byTag.size);
  const counts = await cards.locator('[data-count]').allTextContents();
  const numbers = counts.map((c) => Number(/\d+/.exec(c)![0]));
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  for (const [tag, titles] of byTag) {
    const card = cards.filter({ has: page.locator(`a[href$="/tags/${tag}/"]`) });
    await expect(card.locator('[data-count]')).toHaveText(`${titles.length} 篇笔记`);
  }
  await cards.filter({ has: page.locator('a[href$="/tags/kafka/"]') }).getByRole('link').click();
  const listed = await page.locator('[data-tag-notes] h2 a').allTextContents();
  expect(listed.sort()).toEqual([...byTag.get('kafka')!].sort());
});

test('hovering or focusing an internal link shows its preview; Escape closes it', async ({ page }) => {
  await page.goto(notePath('kafka/overview'));
  const link = page.locator('.prose').getByRole('link', { name: 'JVM 运行时数据区' }).first();
  const card = page.getByRole('tooltip');
  await link.scrollIntoViewIfNeeded();
  const before = await page.locator('main').boundingBox();
  await link.hover();
  await expect(card).toBeVisible();
  await expect(card).toContainText(title('jvm/runtime-data-areas'));
  expect(await page.locator('main').boundingBox()).toEqual(before);
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await page.mouse.move(0, 0);
  await link.focus();
  await expect(card).toBeVisible();
  await expect(link).toHaveAttribute('aria-describedby', 'link-preview-card');
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
});
