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
 * Enters `query` into the dialog (opening it first if needed) and returns what that cost. The query
 * arrives in one input event, as an input method commits a word or a paste does, so the figures
 * are the same on every run: typing letter by letter also searches the prefixes on the way when
 * the typist pauses (3 letters or more), which depends on the typist.
 */
/** Requests from now on: their responses (measured), and how many are still under way. */
function recordTraffic(page: Page) {
  const responses: Promise<Download>[] = [];
  const inFlight = new Set<Request>();
  const listeners = {
    request: (request: Request) => inFlight.add(request),
    requestfinished: (request: Request) => inFlight.delete(request),
    requestfailed: (request: Request) => inFlight.delete(request),
    response: (response: Response) => responses.push(measure(response)),
  };
  page.on('request', listeners.request);
  page.on('requestfinished', listeners.requestfinished);
  page.on('requestfailed', listeners.requestfailed);
  page.on('response', listeners.response);
  return {
    /** Waits until nothing is in flight, stops recording and returns what came in. */
    async finish(): Promise<Download[]> {
      while (inFlight.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      page.off('request', listeners.request);
      page.off('requestfinished', listeners.requestfinished);
      page.off('requestfailed', listeners.requestfailed);
      page.off('response', listeners.response);
      return Promise.all(responses);
    },
  };
}

/**
 * Enters `query` into the dialog (opening it first if needed) and returns what that cost. The query
 * arrives in one input event, as an input method commits a word or a paste does, so the figures
 * are the same on every run: typing letter by letter also searches the prefixes on the way when
 * the typist pauses (3 letters or more), which depends on the typist.
 */
export async function searchCost(page: Page, query: string): Promise<QueryCost> {
  const traffic = recordTraffic(page);
  const dialog = page.locator('.search-dialog');
  const input = dialog.locator('input[type="search"]');
  if (await dialog.isVisible().catch(() => false)) {
    // A later query: select what is there and type over it, as a reader does.
    await input.press('ControlOrMeta+a');
  } else {
    await page.keyboard.press('/');
    await input.waitFor();
  }
  await page.keyboard.insertText(query);
  await page.waitForFunction(resultsShown, query);
  const downloads = await traffic.finish();
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
