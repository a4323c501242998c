/**
 * What searching costs a reader: on a note page that is already loaded, open the search dialog,
 * type a query, wait until its results are painted and the network is quiet, and count every
 * response that arrived in between (requests, raw bytes, bytes as a server with gzip on sends
 * them). Used by `npm run search:cost` and by the cost test (tests/e2e/search-cost.spec.ts).
 */
import { gzipSync } from 'node:zlib';
import type { Page, Request, Response } from '@playwright/test';

export interface Download {
  path: string;
  raw: number;
  /** gzip -9 of the body, or the raw size when that is smaller (already compressed files). */
  compressed: number;
}

export interface QueryCost {
  query: string;
  requests: number;
  raw: number;
  compressed: number;
  /** From the input event that completed the query to the last change of the results. */
  paintMs: number;
  /** The status line shown for the query. */
  status: string;
  /** Result titles as shown, first ten. */
  titles: string[];
  downloads: Download[];
}

/**
 * Records when the query last changed and when the results last changed, in page time. A string,
 * not a function: a TypeScript runner may wrap functions in helpers the page does not have.
 */
const WATCH_PAINT = `
  window.__searchInputAt = 0;
  window.__searchPaintAt = 0;
  document.addEventListener('input', () => { window.__searchInputAt = performance.now(); }, true);
  new MutationObserver((records) => {
    const inResults = records.some((record) => {
      const node = record.target instanceof Element ? record.target : record.target.parentElement;
      return Boolean(node && node.closest('[role="listbox"], .search-dialog [role="status"]'));
    });
    if (inResults) requestAnimationFrame(() => { window.__searchPaintAt = performance.now(); });
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

/** The dialog shows the results of `q` (the listbox is busy from a keystroke until they are painted). */
function resultsShown(q: string): boolean {
  const text = document.querySelector('.search-dialog [role="status"]')?.textContent ?? '';
  const busy = document.querySelector('.search-dialog [role="listbox"]')?.getAttribute('aria-busy') === 'true';
  return text !== '' && !busy && document.querySelector<HTMLInputElement>('.search-dialog input')?.value === q;
}

export async function openNotePage(page: Page, url: string): Promise<void> {
  await page.addInitScript(WATCH_PAINT);
  await page.goto(url);
  await page.waitForLoadState('networkidle');
}

/**
 * Types `query` into the dialog (opening it first if needed) and returns what that cost.
 * Chinese is committed in one input event, as an input method does; other text key by key.
 */
export async function searchCost(page: Page, query: string): Promise<QueryCost> {
  const responses: Promise<Download>[] = [];
  const inFlight = new Set<Request>();
  const onRequest = (request: Request) => inFlight.add(request);
  const onDone = (request: Request) => inFlight.delete(request);
  const onResponse = (response: Response) => responses.push(measure(response));
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  page.on('requestfailed', onDone);
  page.on('response', onResponse);
  const dialog = page.locator('.search-dialog');
  const input = dialog.locator('input[type="search"]');
  if (await dialog.isVisible().catch(() => false)) {
    // A later query: select what is there and type over it, as a reader does.
    await input.press('ControlOrMeta+a');
  } else {
    await page.keyboard.press('/');
    await input.waitFor();
  }
  if (/\p{Script=Han}/u.test(query)) await page.keyboard.insertText(query);
  else await page.keyboard.type(query);
  await page.waitForFunction(resultsShown, query);
  while (inFlight.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  for (const [event, handler] of [['request', onRequest], ['requestfinished', onDone], ['requestfailed', onDone], ['response', onResponse]] as const) {
    page.off(event as 'request', handler as (request: Request) => void);
  }
  const downloads = await Promise.all(responses);
  const [inputAt, paintAt] = (await page.evaluate('[window.__searchInputAt, window.__searchPaintAt]')) as [number, number];
  return {
    query,
    requests: downloads.length,
    raw: sum(downloads.map((d) => d.raw)),
    compressed: sum(downloads.map((d) => d.compressed)),
    paintMs: Math.max(0, paintAt - inputAt),
    status: (await dialog.locator('[role="status"]').textContent()) ?? '',
    titles: (await dialog.locator('.search-result__title').allTextContents()).slice(0, 10),
    downloads,
  };
}

async function measure(response: Response): Promise<Download> {
  const body = await response.body().catch(() => Buffer.alloc(0));
  const compressed = Math.min(body.length, gzipSync(body, { level: 9 }).length);
  return { path: new URL(response.url()).pathname, raw: body.length, compressed };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
