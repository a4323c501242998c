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

test('the search index folder, named by its hash, is immutable and gzipped; search-index.json is revalidated', async ({ page, baseURL }) => {
  const base = new URL(baseURL!).pathname;
  const site = base === '/' ? 'root' : 'kb';
  const { version } = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../..', outDir(site), 'search-index.json'), 'utf8')) as { version: string };
  for (const file of [`search-index/${version}/terms/0.json`, `search-index/${version}/text/0.json`, `search-index/${version}/fold.json`]) {
    const response = await page.request.get(file);
    expect(response.status(), file).toBe(200);
    const headers = response.headers();
    expect(headers['content-type'], file).toMatch(/^application\/json/);
    expect(headers['cache-control'], file).toBe(IMMUTABLE);
    expect(headers['content-encoding'], file).toBe('gzip');
    expectSecurityHeaders(headers, file);
  }
  const meta = await page.request.get('search-index.json');
  expect(meta.status()).toBe(200);
  expect(meta.headers()['cache-control']).toBe('no-cache');
  expect(((await meta.json()) as { version: string }).version).toBe(version);
});

test('the _headers file for other hosts is not served', async ({ page }) => {
  expect((await page.request.get('_headers')).status()).toBe(404);
});
