/**
 * Size budget of a first visit to a note page: everything the page loads before search is opened
 * (HTML, CSS, JS; images and fonts are not counted), gzip -9 per response. The note of median size
 * loads at most 25 KiB in all. What the site adds to a note's own text (the page with its `.prose`
 * emptied, plus CSS and JS) is at most 15 KiB on that note and on the longest one: the longest
 * note's total is mostly its own text and code, which the site does not control.
 * The scripts must be the small ones a note page needs, never search (its index), the graph (d3) or
 * Traditional→Simplified conversion (opencc): those load only when the reader asks for them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { notePath, readNotes } from './site-map';

const BUDGET = 25 * 1024;
const SITE_BUDGET = 15 * 1024;

/**
 * Page scripts allowed on a note page, by the layout Astro names the chunk after: Base carries
 * src/client/site.ts (theme toggle, search opener), Note carries src/client/note-page.ts (TOC
 * highlight, code copy/download, link previews, the local-graph opener).
 */
const ALLOWED_SCRIPTS: [name: string, file: RegExp][] = [
  ['every page: theme toggle, search opener', /\/Base\.astro_astro_type_script_/],
  ['note pages: TOC, code actions, link previews, local-graph opener', /\/Note\.astro_astro_type_script_/],
  // Vite's import() helper, shared by the two bundles' lazy imports (search dialog, local graph).
  ['shared: import() helper', /\/preload-helper\.[\w-]+\.js$/],
];
/** Code that must not be on the page: recognised by content, whatever its chunk is called. */
const FORBIDDEN_CODE: [name: string, marker: RegExp][] = [
  ['search', /search-index/],
  ['d3 (graph)', /__zoom|__data__|forceSimulation/],
  ['opencc', /opencc|trie_val/i],
];

const notes = readNotes().filter((n) => !n.hub && !n.draft);
const size = (id: string) => fs.statSync(path.resolve(import.meta.dirname, '../../content/notes', `${id}.md`)).size;
const bySize = [...notes].sort((a, b) => size(a.id) - size(b.id));
const median = bySize[Math.floor(bySize.length / 2)]!.id;
const largest = bySize.at(-1)!.id;

const gzip = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

/** The page without the note's own text: the `.prose` element emptied (its divs counted to find its end). */
function withoutProse(html: string): string {
  const start = html.indexOf('<div class="prose">');
  if (start === -1) return html;
  const open = start + '<div class="prose">'.length;
  const tags = /<div\b|<\/div>/g;
  tags.lastIndex = open;
  for (let depth = 1, match; (match = tags.exec(html)); ) {
    depth += match[0] === '</div>' ? -1 : 1;
    if (depth === 0) return html.slice(0, open) + html.slice(match.index);
  }
  return html;
}

interface Loaded { url: string; kind: string; raw: number; gzip: number; body: string }

async function loadRecorded(page: Page, url: string): Promise<Loaded[]> {
  const pending: Promise<Loaded | undefined>[] = [];
  page.on('response', (response) => {
    const kind = response.request().resourceType();
    if (!['document', 'stylesheet', 'script', 'fetch', 'xhr'].includes(kind) || response.status() !== 200) return;
    pending.push(
      response.body().then(
        (body) => ({ url: response.url(), kind, raw: body.length, gzip: gzip(body), body: body.toString('utf8') }),
        () => undefined,
      ),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return (await Promise.all(pending)).filter((entry) => entry !== undefined);
}

const pages: [id: string, total: number | undefined][] = [[median, BUDGET], [largest, undefined]];

for (const [id, budget] of pages) {
  const what = budget ? `at most ${budget / 1024} KiB gzip in all and ` : '';
  test(`budget: ${id} loads ${what}at most ${SITE_BUDGET / 1024} KiB gzip of site HTML, CSS and JS, and no search or graph code`, async ({ page, baseURL }) => {
    const loaded = await loadRecorded(page, notePath(id));
    const total = loaded.reduce((sum, entry) => sum + entry.gzip, 0);
    const document = loaded.find((e) => e.kind === 'document');
    const siteCost = document ? total - document.gzip + gzip(withoutProse(document.body)) : total;
    const short = (url: string) => url.replace(baseURL ?? '', '/').replace(/^\/+/, '/');
    console.log(
      [
        `\n${id}: ${loaded.length} responses, ${total.toLocaleString('en-US')} B gzip`,
        `  ${'kind'.padEnd(11)}${'raw B'.padStart(8)}${'gzip B'.padStart(8)}  url`,
        ...loaded.map((e) => `  ${e.kind.padEnd(11)}${String(e.raw).padStart(8)}${String(e.gzip).padStart(8)}  ${short(e.url)}`),
        `  ${'total'.padEnd(11)}${String(loaded.reduce((s, e) => s + e.raw, 0)).padStart(8)}${String(total).padStart(8)}`,
        `  ${'site cost'.padEnd(11)}${''.padStart(8)}${String(siteCost).padStart(8)}  (the page with its .prose emptied, plus CSS and JS)`,
      ].join('\n'),
    );

    expect(document, 'the page itself was recorded').toBeDefined();
    const scripts = loaded.filter((e) => e.kind === 'script');
    const unexpected = scripts.filter((e) => !ALLOWED_SCRIPTS.some(([, file]) => file.test(e.url))).map((e) => short(e.url));
    expect(unexpected, 'scripts beyond the two page bundles').toEqual([]);
    const forbidden = scripts.flatMap((e) => FORBIDDEN_CODE.filter(([, marker]) => marker.test(e.body)).map(([name]) => `${name} in ${short(e.url)}`));
    expect(forbidden, 'search, graph or conversion code on a note page').toEqual([]);
    expect(loaded.filter((e) => new URL(e.url).pathname.includes('/search-index')).map((e) => short(e.url))).toEqual([]);
    expect(siteCost, `gzip bytes the site adds to the note's text (budget ${SITE_BUDGET})`).toBeLessThanOrEqual(SITE_BUDGET);
    if (budget) expect(total, `gzip bytes of HTML + CSS + JS (budget ${budget})`).toBeLessThanOrEqual(budget);
  });
}
