// `npm run audit`: Lighthouse on the built root test site: home, a topic, a note, a tag page and
// search. Prints the four category scores per page; exits 1 when Accessibility, Best Practices or
// SEO is below 100 on any page (Performance is reported only: it measures this machine as much as
// the site). Builds nothing: run `npm exec -- node tests/support/build-test-sites.mjs root` first.
// Uses the same Chromium as the tests (tests/support/browser.mjs) and Lighthouse's default (mobile) settings.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, resolveChromium } from '../tests/support/browser.mjs';
import { outDir } from '../tests/support/test-sites.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SITE_DIR = path.join(ROOT, outDir('root'));
const PAGES = { home: '', topic: 'kafka/', note: 'kafka/replication/', tag: 'tags/kafka/', search: 'search/' };
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const REQUIRED = ['accessibility', 'best-practices', 'seo'];

if (!fs.existsSync(path.join(SITE_DIR, 'index.html'))) {
  console.error(`audit: ${outDir('root')} is not built. Run: npm exec -- node tests/support/build-test-sites.mjs root`);
  process.exit(1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** tests/support/serve-static.mjs on a free port; resolves when it says it is serving. */
async function serve() {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'tests/support/serve-static.mjs'), SITE_DIR, '/', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve-static exited (${code})`)));
    child.stdout.on('data', (chunk) => String(chunk).includes('serving') && resolve());
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

const server = await serve();
const chrome = await chromeLauncher.launch({
  chromePath: resolveChromium() ?? chromium.executablePath(),
  chromeFlags: [...chromiumArgs, '--headless=new'],
});
const rows = [];
const failures = [];
try {
  for (const [name, page] of Object.entries(PAGES)) {
    const url = `${server.origin}/${page}`;
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]));
    rows.push({ name, page: `/${page}`, scores });
    for (const id of REQUIRED) {
      if (scores[id] === 100) continue;
      // What cost the points: every scored audit of the category that did not pass.
      const lost = lhr.categories[id].auditRefs
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${ref.id} (${lhr.audits[ref.id].title})`);
      failures.push(`${name} /${page}: ${lhr.categories[id].title} ${scores[id]}: ${lost.join('; ') || 'no failing audit named'}`);
    }
  }
} finally {
  chrome.kill();
  server.stop();
}

const header = ['page', 'path', 'Performance', 'Accessibility', 'Best Practices', 'SEO'];
const table = [header, ...rows.map((r) => [r.name, r.page, ...CATEGORIES.map((id) => String(r.scores[id]))])];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
const line = (row) => `| ${row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
console.log([line(table[0]), `|${widths.map((w, i) => (i < 2 ? `${'-'.repeat(w + 1)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`, ...table.slice(1).map(line)].join('\n'));
if (failures.length > 0) {
  console.error(`\naudit: below 100 (Accessibility, Best Practices and SEO must be 100):\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('\naudit: Accessibility, Best Practices and SEO are 100 on every page (Performance is reported only)');
