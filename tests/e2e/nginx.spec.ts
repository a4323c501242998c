import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { outDir } from '../support/test-sites.mjs';
import { headerPolicy } from '../../src/lib/csp';

/** Runs on the nginx projects only: what deploy/nginx*.conf adds to the files of dist/. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  expect(headers['content-security-policy'], what).toBe(headerPolicy);
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy'], what).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
}

test('HTML carries the security headers and is revalidated, never immutable', async ({ page }) => {
  for (const url of ['./', 'kafka/replication/', 'no-such-page/']) {
    const response = await page.request.get(url);
    const headers = response.headers();
    expectSecurityHeaders(headers, url);
    expect(headers['content-type'], url).toBe('text/html; charset=utf-8');
    expect(headers['cache-control'], url).toBe('no-cache');
  }
});

test('bundles under /_astro/ are immutable, gzipped, and still carry the security headers', async ({ page }) => {
  await page.goto('./');
  const stylesheet = await page.locator('link[rel="stylesheet"][href*="/_astro/"]').first().getAttribute('href');
  const script = await page.locator('script[type="module"][src*="/_astro/"]').first().getAttribute('src');
  for (const asset of [stylesheet!, script!]) {
    const response = await page.request.get(asset, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.status(), asset).toBe(200);
    const headers = response.headers();
    expect(headers['cache-control'], asset).toBe(IMMUTABLE);
    expect(headers['content-encoding'], asset).toBe('gzip');
    expectSecurityHeaders(headers, asset);
  }
  // A missing bundle is a 404 page, not an immutable one.
  const missing = await page.request.get(`${new URL(stylesheet!, page.url()).pathname.replace(/[^/]+$/, '')}missing.js`);
  expect(missing.status()).toBe(404);
  expect(missing.headers()['cache-control']).toBe('no-cache');
});

test("Pagefind's hashed chunks are immutable binaries; its unversioned files are revalidated", async ({ page, baseURL }) => {
  const base = new URL(baseURL!).pathname;
  const site = base === '/' ? 'root' : 'kb';
  const entry = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../..', outDir(site), 'pagefind/pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const hash = Object.values(entry.languages)[0]!.hash;
  const built = (dir: string) => fs.readdirSync(path.join(import.meta.dirname, '../..', outDir(site), dir));
  const fragment = built('pagefind/fragment')[0]!;
  const wasm = `pagefind/${built('pagefind').find((f) => /^wasm\..+\.pagefind$/.test(f))!}`;
  for (const file of [`pagefind/pagefind.${hash}.pf_meta`, `pagefind/fragment/${fragment}`]) {
    const response = await page.request.get(file);
    expect(response.status(), file).toBe(200);
    expect(response.headers()['content-type'], file).toBe('application/octet-stream');
    expect(response.headers()['cache-control'], file).toBe(IMMUTABLE);
  }
  for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-worker.js', wasm]) {
    const response = await page.request.get(file);
    expect(response.status(), file).toBe(200);
    expect(response.headers()['cache-control'], file).toBe('no-cache');
  }
  expect((await page.request.get(wasm)).headers()['content-type']).toBe('application/octet-stream');
});

test('the _headers file for other hosts is not served', async ({ page }) => {
  expect((await page.request.get('_headers')).status()).toBe(404);
});
