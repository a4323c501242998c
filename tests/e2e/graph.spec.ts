import AxeBuilder from '@axe-core/playwright';
import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { notePath, readNotes, readTopics } from './site-map';

const notes = readNotes().filter((n) => !n.draft);
const topics = (readTopics() as { id: string; name: string; order: number }[]).sort((a, b) => a.order - b.order);
const title = (id: string) => notes.find((n) => n.id === id)!.title;

interface GraphJson {
  nodes: { id: string; title: string; topic: string; url: string }[];
  edges: { source: number; target: number }[];
}

/** Ids linked with `id` either way, read from graph.json. */
async function neighboursOf(page: Page, id: string): Promise<string[]> {
  const data = (await (await page.request.get('graph.json')).json()) as GraphJson;
  const index = data.nodes.findIndex((n) => n.id === id);
  return data.edges
    .flatMap((e) => (e.source === index ? [e.target] : e.target === index ? [e.source] : []))
    .map((i) => data.nodes[i]!.id)
    .sort();
}

async function openGraph(page: Page) {
  await page.goto('graph/');
  await expect(page.locator('[data-graph]')).toHaveAttribute('data-state', 'ready');
}

const node = (page: Page, id: string) => page.locator(`svg.graph-svg a.graph-node[data-id="${id}"]`);

test('graph.json lists every published note with its URL under the base path', async ({ page, baseURL }) => {
  const base = new URL(baseURL!).pathname;
  const data = (await (await page.request.get('graph.json')).json()) as GraphJson;
  expect(data.nodes.map((n) => n.id).sort()).toEqual(notes.map((n) => n.id).sort());
  for (const n of data.nodes) {
    expect(n.url).toBe(`${base}${notePath(n.id)}`);
    expect(n.topic).toBe(n.id.split('/')[0]);
  }
  expect(data.edges.length).toBeGreaterThan(0);
  const pairs = data.edges.map((e) => [e.source, e.target].sort((a, b) => a - b).join(' '));
  expect(new Set(pairs).size, 'one edge per linked pair').toBe(pairs.length);
});

test('the graph page draws one node per published note, each a link named by its title', async ({ page, baseURL }) => {
  await openGraph(page);
  const nodes = page.locator('svg.graph-svg a.graph-node');
  await expect(nodes).toHaveCount(notes.length);
  const ids = await nodes.evaluateAll((links) => links.map((link) => link.getAttribute('data-id')));
  expect(ids.sort()).toEqual(notes.map((n) => n.id).sort());
  const target = notes.find((n) => n.id === 'kafka/replication')!;
  const link = page.locator('svg.graph-svg').getByRole('link', { name: target.title, exact: true });
  await expect(link).toHaveAttribute('href', `${new URL(baseURL!).pathname}${notePath(target.id)}`);
  await expect(page.getByRole('link', { name: '关系图' }).first()).toHaveAttribute('aria-current', 'page');
});

test('the legend lists every topic with its colour', async ({ page }) => {
  await openGraph(page);
  const items = page.locator('[data-graph-legend] li');
  await expect(items).toHaveText(topics.map((t) => t.name));
  // Each topic's swatch has the colour of that topic's nodes.
  for (const topic of topics) {
    const swatch = items.filter({ hasText: topic.name }).locator('.graph-swatch');
    const colour = await swatch.evaluate((el) => getComputedStyle(el).backgroundColor);
    const fill = await node(page, notes.find((n) => n.topic === topic.id)!.id)
      .locator('circle')
      .evaluate((el) => getComputedStyle(el).fill);
    expect(fill).toBe(colour);
  }
});

test('hovering a node marks it and its neighbours and dims the rest', async ({ page }) => {
  const id = 'jvm/runtime-data-areas';
  const expected = await neighboursOf(page, id);
  expect(expected).toContain('kafka/overview'); // a link the notes are known to have
  await openGraph(page);
  await node(page, id).hover();
  await expect(node(page, id)).toHaveClass(/\bis-active\b/);
  await expect(page.locator('svg.graph-svg')).toHaveClass(/\bis-focusing\b/);
  const marked = page.locator('a.graph-node.is-neighbour');
  await expect(marked).toHaveCount(expected.length);
  expect((await marked.evaluateAll((els) => els.map((el) => el.getAttribute('data-id')))).sort()).toEqual(expected);
  const other = notes.find((n) => n.id !== id && !expected.includes(n.id))!;
  await expect(node(page, other.id)).toHaveCSS('opacity', '0.2');
  await expect(page.locator('.graph-labels--hover text')).toContainText([title(id)]);

  await page.mouse.move(1, 1);
  await expect(page.locator('a.graph-node.is-neighbour')).toHaveCount(0);
  await expect(page.locator('svg.graph-svg')).not.toHaveClass(/\bis-focusing\b/);
});

test('clicking a node opens its note', async ({ page }) => {
  await openGraph(page);
  await node(page, 'kafka/replication').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title('kafka/replication'));
});

test('a node is reachable by keyboard: focus highlights it, Enter opens it', async ({ page }) => {
  await openGraph(page);
  await node(page, 'nginx/reverse-proxy').focus();
  await expect(node(page, 'nginx/reverse-proxy')).toHaveClass(/\bis-active\b/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title('nginx/reverse-proxy'));
});

test('zoom buttons and the wheel change the map transform; reset restores it', async ({ page }) => {
  await openGraph(page);
  const viewport = page.locator('.graph-viewport');
  await page.getByRole('button', { name: '放大' }).click();
  await expect(viewport).toHaveAttribute('transform', /scale\(1\.5\)$/);
  await page.getByRole('button', { name: '缩小' }).click();
  await page.getByRole('button', { name: '缩小' }).click();
  await expect(viewport).toHaveAttribute('transform', /scale\(0\.6+7?\)$/);
  await page.getByRole('button', { name: '复位' }).click();
  await expect(viewport).toHaveAttribute('transform', 'translate(0,0) scale(1)');
  const box = (await page.locator('svg.graph-svg').boundingBox())!;
  await page.mouse.move(box.x + 5, box.y + 5);
  await page.mouse.wheel(0, -300);
  await expect(viewport).not.toHaveAttribute('transform', 'translate(0,0) scale(1)');
});

test('without JavaScript the graph page is a list of every note, grouped by topic', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto('graph/');
  await expect(page.locator('[data-graph]')).toBeHidden();
  const list = page.locator('[data-graph-list]');
  await expect(list.locator('h3')).toHaveText(topics.map((t) => t.name));
  await expect(list.locator('li > a')).toHaveCount(notes.length);
  expect((await list.locator('li > a').allTextContents()).sort()).toEqual(notes.map((n) => n.title).sort());
  await context.close();
});

test('a note page downloads no graph code until its local graph is opened', async ({ page }) => {
  // d3-force and d3-zoom leave these strings in any build of them.
  const isGraphCode = (body: string) => body.includes('node not found') || body.includes('wheel.zoom');
  const scripts: Promise<{ url: string; graph: boolean }>[] = [];
  const record = (response: Response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.push(response.text().then((body) => ({ url: response.url(), graph: isGraphCode(body) })));
  };
  page.on('response', record);
  const id = 'kafka/replication';
  const expected = await neighboursOf(page, id);
  await page.goto(notePath(id));
  await page.waitForLoadState('networkidle');
  const before = await Promise.all(scripts);
  expect(before.length).toBeGreaterThan(0);
  expect(before.filter((s) => s.graph).map((s) => s.url), 'graph code loaded with the page').toEqual([]);
  const local = page.locator('[data-local-graph]');
  await expect(local.locator('svg')).toHaveCount(0);

  await local.locator('summary').click();
  await expect(local).toHaveAttribute('data-state', 'ready');
  const after = (await Promise.all(scripts)).slice(before.length);
  expect(after.filter((s) => s.graph).length, 'graph code fetched on opening').toBeGreaterThan(0);
  page.off('response', record);

  const nodes = local.locator('a.graph-node');
  await expect(nodes).toHaveCount(expected.length + 1);
  await expect(local.getByRole('link', { name: title(id), exact: true })).toHaveAttribute('aria-current', 'page');
  await local.getByRole('link', { name: title(expected[0]!), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title(expected[0]!));
});

const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
for (const theme of ['light', 'dark'] as const) {
  test(`axe: the graph page in the ${theme} theme has no WCAG 2.2 AA violations`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openGraph(page);
    await node(page, 'kafka/replication').hover();
    const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test(`axe: an opened local graph in the ${theme} theme has no WCAG 2.2 AA violations`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(notePath('kafka/replication'));
    await page.locator('[data-local-graph] summary').click();
    await expect(page.locator('[data-local-graph]')).toHaveAttribute('data-state', 'ready');
    const results = await new AxeBuilder({ page }).include('[data-local-graph]').withTags(axeTags).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
