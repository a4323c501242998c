/**
 * The layout at phone, tablet and desktop widths, in both themes, on every kind of page: nothing
 * wider than the screen, code headers that fit (copy button on screen and clickable, file name on
 * one line), the TOC before the first heading on narrow screens, search reachable at the bottom of
 * the page, tables that scroll instead of squeezing. A screenshot of each page, size and theme goes
 * to test-results/layout/ for a reviewer to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { notePath, readNotes } from './site-map';

const SIZES = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;
const size = (id: string) => fs.statSync(path.resolve(import.meta.dirname, '../../content/notes', `${id}.md`)).size;
const longest = readNotes().filter((n) => !n.hub && !n.draft).sort((a, b) => size(b.id) - size(a.id))[0]!.id;
const PAGES = [
  { name: 'home', path: '' },
  { name: 'hub', path: 'kafka/' },
  { name: 'longest-note', path: notePath(longest) },
  // The notes whose titled blocks (run-myapp.sh, rolling-restart.sh) pushed 复制 off a phone screen.
  { name: 'oom-errors', path: notePath('jvm/oom-errors') },
  { name: 'systemd-instances', path: notePath('process-supervision/systemd-instances') },
  { name: 'tags', path: 'tags/' },
  { name: 'graph', path: 'graph/' },
  { name: 'search', path: 'search/?q=分区' },
  { name: '404', path: 'no-such-page/' },
];
const shots = path.resolve(import.meta.dirname, '../../test-results/layout');

/** Elements reaching past either edge of the screen, except inside a box that scrolls or clips them. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') return true;
      }
      return false;
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`;
    return [...document.body.querySelectorAll('*')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || el.closest('.sr-only, .skip-link, .graph-skip, [popover]:not(:popover-open)')) return false;
        return (box.right > width + 0.5 || box.left < -0.5) && !clipped(el);
      })
      .map((el) => `${name(el)} (${Math.round(el.getBoundingClientRect().left)}…${Math.round(el.getBoundingClientRect().right)} of ${width})`);
  });
}

/**
 * Code headers, checked in the page in one pass: each copy button is scrolled to the middle of the
 * screen, must lie within it and be the element a click there lands on (nothing on top of it);
 * each file name must take one line.
 */
function codeHeaderProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    document.querySelectorAll<HTMLElement>('[data-code-block] button[data-code-action="copy"]').forEach((button, i) => {
      button.scrollIntoView({ block: 'center' });
      const box = button.getBoundingClientRect();
      if (button.hidden || box.width === 0) problems.push(`copy button ${i} is not shown`);
      if (box.left < 0 || box.right > width) problems.push(`copy button ${i} at ${Math.round(box.left)}…${Math.round(box.right)} of ${width}`);
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!hit || !button.contains(hit)) problems.push(`copy button ${i} is covered by ${hit?.tagName ?? 'nothing'}`);
    });
    for (const title of document.querySelectorAll<HTMLElement>('.code-title')) {
      const lines = Math.round(title.getBoundingClientRect().height / parseFloat(getComputedStyle(title).lineHeight));
      if (lines !== 1) problems.push(`file name ${title.textContent} takes ${lines} lines`);
    }
    return problems;
  });
}

async function open(page: Page, target: string): Promise<void> {
  await page.goto(target);
  if (target.startsWith('graph/')) await expect(page.locator('[data-graph]')).toHaveAttribute('data-state', 'ready');
  // The first search loads Pagefind and its index: give it time on a busy machine.
  if (target.startsWith('search/')) await expect(page.locator('[data-search-results] li').first()).toBeVisible({ timeout: 20_000 });
}

for (const viewport of SIZES) {
  for (const theme of ['light', 'dark'] as const) {
    test.describe(`${viewport.name} ${viewport.width}×${viewport.height}, ${theme}`, () => {
      test.use({ viewport: { width: viewport.width, height: viewport.height }, colorScheme: theme });

      for (const { name, path: target } of PAGES) {
        test(`${name}: fits the screen, code headers fit, search stays reachable`, async ({ page }) => {
          await open(page, target);
          fs.mkdirSync(shots, { recursive: true });
          await page.screenshot({ path: path.join(shots, `${name}-${viewport.width}-${theme}.png`), fullPage: true });

          expect(await overflowing(page), 'elements wider than the screen').toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);

          expect(await codeHeaderProblems(page), 'code headers').toEqual([]);
          const copy = page.locator('[data-code-block] button[data-code-action="copy"]').last();
          // And one real click through Playwright's own checks (visible, enabled, receives the click).
          if (await copy.count()) await copy.click({ trial: true });

          await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
          const search = page.locator('header').getByRole('link', { name: '搜索' });
          await expect(search).toBeInViewport();
          await search.click({ trial: true });
        });
      }

      test('the TOC of a note sits before its first heading on narrow screens, in its own column on wide ones', async ({ page }) => {
        for (const target of [notePath(longest), 'kafka/']) {
          await page.goto(target);
          const toc = page.getByRole('navigation', { name: '本页目录' });
          const firstHeading = page.locator('.prose h2').first();
          const [tocBox, headingBox, proseBox] = [await toc.boundingBox(), await firstHeading.boundingBox(), await page.locator('.prose').boundingBox()];
          if (viewport.width < 1152) {
            expect(tocBox!.y + tocBox!.height, `${target}: TOC ends above the first h2`).toBeLessThanOrEqual(headingBox!.y);
            expect(tocBox!.y, `${target}: TOC within the first screen`).toBeLessThan(viewport.height);
            await expect(toc.locator('details')).not.toHaveAttribute('open');
            await toc.getByText('本页目录').click();
            await expect(toc.getByRole('link').first()).toBeVisible();
          } else {
            expect(tocBox!.x, `${target}: TOC right of the text`).toBeGreaterThanOrEqual(proseBox!.x + proseBox!.width);
            await expect(toc.getByRole('link').first()).toBeVisible();
          }
        }
      });

      test('tables scroll inside their frame instead of squeezing their columns', async ({ page }) => {
        await page.goto(notePath('jvm/oom-errors'));
        const frames = page.locator('.prose .table-scroll');
        expect(await frames.count()).toBeGreaterThan(0);
        for (const frame of await frames.all()) {
          const report = await frame.evaluate((el) => {
            const table = el.querySelector('table')!;
            const squeezed = [...table.querySelectorAll('td')]
              .filter((cell) => (cell.textContent ?? '').trim().length >= 4)
              .filter((cell) => cell.clientWidth < 4 * parseFloat(getComputedStyle(cell).fontSize))
              .map((cell) => (cell.textContent ?? '').trim().slice(0, 12));
            return { squeezed, wide: table.offsetWidth > el.clientWidth, scrolls: el.scrollWidth > el.clientWidth };
          });
          expect(report.squeezed, 'cells narrower than four characters').toEqual([]);
          expect(report.scrolls).toBe(report.wide);
          if (report.wide) {
            const style = await frame.evaluate((el) => ({ overflow: getComputedStyle(el).overflowX, hint: getComputedStyle(el).backgroundImage }));
            expect(style.overflow).toBe('auto');
            expect(style.hint, 'the edge shadow that says there is more').toContain('radial-gradient');
          }
        }
      });
    });
  }
}
