/**
 * Every page the sitemap lists passes axe's WCAG 2.2 AA rules, in the light and the dark theme.
 * One page per theme walks all URLs (a fresh page per URL would triple the run time); every
 * violation of every page is collected, so one run lists them all.
 */
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.trim());

/** sitemap-index.xml → sitemap-*.xml → page URLs, as paths on the server under test. */
async function sitemapPaths(request: APIRequestContext, baseURL: string): Promise<string[]> {
  // The sitemap holds the URLs the site was built for (SITE + BASE); the test server is baseURL.
  const onServer = (url: string) => new URL(new URL(url).pathname, baseURL).href;
  const index = await request.get(new URL('sitemap-index.xml', baseURL).href);
  expect(index.ok(), 'sitemap-index.xml').toBe(true);
  const paths: string[] = [];
  for (const sitemap of locs(await index.text())) {
    const response = await request.get(onServer(sitemap));
    expect(response.ok(), sitemap).toBe(true);
    paths.push(...locs(await response.text()).map((url) => new URL(url).pathname));
  }
  return paths;
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe: every page in the sitemap has no WCAG 2.2 AA violations in the ${theme} theme`, async ({ page, request, baseURL }) => {
    test.setTimeout(600_000);
    const paths = await sitemapPaths(request, baseURL!);
    expect(paths.length, 'pages in the sitemap').toBeGreaterThan(10);
    await page.emulateMedia({ colorScheme: theme });
    const violations: string[] = [];
    for (const path of paths) {
      await page.goto(new URL(path, baseURL).href);
      const results = await new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ['violations'] }).analyze();
      for (const v of results.violations) {
        violations.push(`${path} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
    }
    console.log(`axe (${theme}): ${paths.length} pages, ${violations.length} violations`);
    expect(violations).toEqual([]);
  });
}
