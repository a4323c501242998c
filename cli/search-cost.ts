/**
 * `npm run search:cost [-- --bench <dir>] [--runs N] [-v]`: what search costs a reader, in a fresh
 * browser, from a note page. For each built site it types a Chinese and an English query in both
 * orders (each first in a fresh context, then the other as a later query, then one more) and prints
 * requests, bytes (raw and as a gzip server sends them) and milliseconds from the last keystroke to
 * painted results. Bytes and requests are the same on every run; the time is the median of `--runs`
 * (default 3), each in a fresh context, since a busy machine makes single timings noisy. Builds nothing: the real notes are read from tests/.sites/root
 * (`npm exec -- tsx tests/support/build-test-sites.mjs root`); a bench corpus build
 * (`npm run bench -- --keep`: the site is `out-<N>/` in the folder it prints) is measured when given with
 * `--bench <dir>` or `BENCH_OUT=<dir>`.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import sirv from 'sirv';
import { chromiumArgs, resolveChromium } from '../tests/support/browser.mjs';
import { openNotePage, searchCost, type QueryCost } from '../tests/support/search-session';
import { outDir } from '../tests/support/test-sites.mjs';

interface Site {
  label: string;
  dir: string;
  /** A note page, relative to the site root. */
  note: string;
  queries: [chinese: string, english: string, another: string];
}

const { values } = parseArgs({
  options: { bench: { type: 'string' }, runs: { type: 'string', default: '3' }, verbose: { type: 'boolean', short: 'v' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`search:cost: --runs must be a positive integer, got "${values.runs}"`);
const root = path.resolve(import.meta.dirname, '..');
const sites: Site[] = [];
const notesDir = path.join(root, outDir('root'));
if (!fs.existsSync(path.join(notesDir, 'search-index'))) {
  console.error(`search:cost: ${outDir('root')} is not built. Run: npm exec -- tsx tests/support/build-test-sites.mjs root`);
  process.exit(1);
}
sites.push({ label: 'real notes', dir: notesDir, note: 'kafka/replication/', queries: ['分区', 'proxy_pass', '守护进程'] });
const bench = values.bench ?? process.env['BENCH_OUT'];
if (bench) {
  if (!fs.existsSync(path.join(bench, 'search-index'))) throw new Error(`search:cost: ${bench} has no search-index/ folder: not a site built with this search`);
  sites.push({ label: 'bench corpus', dir: path.resolve(bench), note: firstNotePage(bench), queries: ['配置', 'proxy_pass', '线程池'] });
}

/** The first `<topic>/<name>/` page with an indexed body, in name order. */
function firstNotePage(dir: string): string {
  for (const topic of fs.readdirSync(dir).sort()) {
    const topicDir = path.join(dir, topic);
    if (!fs.statSync(topicDir).isDirectory()) continue;
    for (const name of fs.readdirSync(topicDir).sort()) {
      const file = path.join(topicDir, name, 'index.html');
      if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('class="prose"')) return `${topic}/${name}/`;
    }
  }
  throw new Error(`search:cost: no note page (a page with a .prose body) in ${dir}`);
}

function serve(dir: string): Promise<http.Server> {
  const files = sirv(dir, { dev: false, etag: true });
  const server = http.createServer((req, res) => files(req, res, () => void res.writeHead(404).end()));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
/** Pads to a width in terminal columns (a Chinese character takes two). */
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].reduce((w, c) => w + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0)));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function print(order: string, costs: QueryCost[]): void {
  const [cost] = costs as [QueryCost];
  const paint = `${median(costs.map((c) => c.paintMs)).toFixed(0)} ms`;
  const cells = [pad(order, 7), pad(cost.query, 12), String(cost.requests).padStart(4), kb(cost.raw).padStart(9), kb(cost.compressed).padStart(10), paint.padStart(8)];
  console.log(`  ${cells.join('  ')}   ${cost.status}`);
  if (values.verbose) for (const d of cost.downloads) console.log(`      ${kb(d.raw).padStart(9)} ${kb(d.compressed).padStart(9)}  ${d.path}`);
}

/** One sequence of queries in a fresh context, from the note page. */
async function runSequence(browser: Browser, url: string, queries: string[]): Promise<QueryCost[]> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await openNotePage(page, url);
  const costs: QueryCost[] = [];
  for (const query of queries) costs.push(await searchCost(page, query));
  await context.close();
  return costs;
}

const executablePath = resolveChromium();
const browser = await chromium.launch({ args: chromiumArgs, ...(executablePath ? { executablePath } : {}) });
try {
  for (const site of sites) {
    const server = await serve(site.dir);
    const url = new URL(site.note, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`).href;
    console.log(`\n${site.label}: ${path.relative(root, site.dir) || site.dir}, from /${site.note} (time: median of ${runs})`);
    console.log(`  ${pad('order', 7)}  ${pad('query', 12)}  reqs        raw  compressed     paint`);
    const [chinese, english, another] = site.queries;
    for (const sequence of [[chinese, english, another], [english, chinese]]) {
      const results: QueryCost[][] = [];
      for (let run = 0; run < runs; run++) results.push(await runSequence(browser, url, sequence));
      sequence.forEach((_, i) => print(i === 0 ? 'first' : 'later', results.map((costs) => costs[i]!)));
    }
    server.close();
  }
} finally {
  await browser.close();
}
