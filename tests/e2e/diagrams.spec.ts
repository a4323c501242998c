import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { notePath, readNotes } from './site-map';

/**
 * Diagrams drawn at build time from ```mermaid fences, on the real notes: visible in both themes
 * with different colours, named by their accTitle, no CSP violation, no script of their own, and
 * a wide one scrolls inside its frame on a phone instead of shrinking.
 */

const NOTE = 'kafka/replication';
/** The accTitles written in the note, in order: the test follows the note as it changes. */
const titles = [...fs.readFileSync(path.resolve(import.meta.dirname, '../../content/notes', `${NOTE}.md`), 'utf8').matchAll(/^\s*accTitle:\s*(.+?)\s*$/gm)].map((m) => m[1]!);
/** A note without any diagram, to compare the scripts a note page loads. */
const plain = readNotes().find((note) => !note.hub && !note.draft && !fs.readFileSync(path.resolve(import.meta.dirname, '../../content/notes', `${note.id}.md`), 'utf8').includes('```mermaid'))!;

/** Fill of the first box and of the first label of the first diagram, as the browser paints them. */
async function paint(page: Page): Promise<string[]> {
  const svg = page.locator('figure.diagram svg').first();
  return [await svg.locator('g.node rect, rect').first().evaluate((el) => getComputedStyle(el).fill), await svg.locator('text').first().evaluate((el) => getComputedStyle(el).fill)];
}

async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => w.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`));
  });
  const messages: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) messages.push(message.text());
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)), ...messages];
}

test.describe('diagrams', () => {
  test.skip(titles.length === 0, `${NOTE} has no diagram with an accTitle`);

  test('are named by their accTitle, and described by their accDescr', async ({ page }) => {
    await page.goto(notePath(NOTE));
    for (const title of titles) {
      const image = page.getByRole('img', { name: title, exact: true });
      await expect(image).toBeVisible();
      await expect(image).toHaveAccessibleDescription(/\S/);
      // The labels are text in the SVG, not pictures of text.
      expect(await image.locator('text').count()).toBeGreaterThan(1);
    }
  });

  test('follow the theme: other colours in dark, by preference and by the toggle; print is light', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(notePath(NOTE));
    const light = await paint(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await paint(page);
    expect(dark[0]).not.toBe(light[0]);
    expect(dark[1]).not.toBe(light[1]);

    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('button', { name: '切换深色/浅色主题' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await paint(page)).toEqual(dark);

    await page.emulateMedia({ media: 'print' });
    expect(await paint(page)).toEqual(light);
  });

  test('cause no CSP violation and load no script of their own', async ({ page }) => {
    const violations = await watchCsp(page);
    // Routing turns the browser cache off, so the second page fetches its scripts again.
    await page.route('**/*', (route) => route.continue());
    const scripts = async (url: string) => {
      const seen: string[] = [];
      const record = (request: import('@playwright/test').Request) => {
        if (request.resourceType() === 'script') seen.push(new URL(request.url()).pathname);
      };
      page.on('request', record);
      await page.goto(url, { waitUntil: 'networkidle' });
      page.off('request', record);
      return seen.sort();
    };
    const styles: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'stylesheet') styles.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    const withDiagrams = await scripts(notePath(NOTE));
    expect(withDiagrams).toEqual(await scripts(notePath(plain.id)));
    expect(styles.filter((entry) => entry.endsWith('/diagrams/diagrams.css'))).toEqual([expect.stringMatching(/^200 /)]);
    expect(await violations()).toEqual([]);
  });

  test('open full size as an SVG file that links the same stylesheet', async ({ page, request }) => {
    await page.goto(notePath(NOTE));
    // The title is visually hidden text after 查看原图; Chromium puts a space between the two.
    const link = page.getByRole('link', { name: new RegExp(`^查看原图\\s*：${titles[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
    const href = await link.getAttribute('href');
    const response = await request.get(new URL(href!, page.url()).href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^image\/svg\+xml/);
    const svg = await response.text();
    expect(svg).toContain(`<title id="diagram-title">${titles[0]}</title>`);
    expect(svg).toContain('<?xml-stylesheet type="text/css" href="diagrams.css"?>');
    await link.click();
    await expect(page.locator('svg title')).toHaveText(titles[0]!);
  });

  test('scroll inside their frame on a phone, at full size, and the frame takes focus', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(notePath(NOTE));
    const frames = page.locator('.diagram__frame');
    const sizes = await frames.evaluateAll((all) =>
      all.map((frame) => {
        const svg = frame.querySelector('svg')!;
        return { scroll: frame.scrollWidth, client: frame.clientWidth, drawn: svg.getBoundingClientRect().width, natural: Number(svg.getAttribute('width')) };
      }),
    );
    const wide = sizes.filter((size) => size.natural > size.client);
    expect(wide.length, 'a diagram wider than a phone').toBeGreaterThan(0);
    for (const size of wide) {
      expect(size.scroll).toBeGreaterThan(size.client);
      expect(Math.round(size.drawn)).toBe(Math.round(size.natural));
    }
    await expect(frames.first()).toHaveAttribute('tabindex', '0');
  });
});
