import fs from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { namedSvg } from './figure';
import type { RenderedDiagram } from './render';

/**
 * The files a build writes besides the pages, under `<base>diagrams/`: the stylesheet the
 * diagrams' pages link (and no other page loads), and each diagram as its own SVG for 查看原图.
 * The names are stable, not hashed: a note whose rendered HTML Astro cached still points at them.
 */

export const FOLDER = 'diagrams';
export const STYLESHEET = 'diagrams.css';

export function stylesheetHref(base: string): string {
  return `${base.replace(/\/?$/, '/')}${FOLDER}/${STYLESHEET}`;
}

export function fullSizeHref(base: string, hash: string): string {
  return `${base.replace(/\/?$/, '/')}${FOLDER}/${hash}.svg`;
}

export function stylesheet(): string {
  return fs.readFileSync(new URL('../../styles/diagrams.css', import.meta.url), 'utf8');
}

/**
 * A diagram as a file of its own, opened full size in a tab. It links the same stylesheet with an
 * `xml-stylesheet` instruction (a `<style>` would be blocked by the CSP header), so it follows
 * the reader's light or dark preference.
 */
export function standaloneSvg(diagram: RenderedDiagram, caption: string | undefined): string {
  const { svg } = namedSvg(diagram, 'diagram', caption);
  svg.properties = { xmlns: 'http://www.w3.org/2000/svg', ...svg.properties };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<?xml-stylesheet type="text/css" href="${STYLESHEET}"?>`,
    toHtml(svg, { space: 'svg', closeEmptyElements: true }),
    '',
  ].join('\n');
}

/** Every diagram's file seen in this process, by name inside the folder. */
export const diagramFiles = new Map<string, { content: string; draft: boolean }>();

/** Writes the stylesheet and the full-size files of published notes (a draft's diagram would leak it). */
export function writeFiles(outDir: string): number {
  const dir = path.join(outDir, FOLDER);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, STYLESHEET), stylesheet());
  let written = 0;
  for (const [name, { content, draft }] of diagramFiles) {
    if (draft) continue;
    fs.writeFileSync(path.join(dir, name), content);
    written++;
  }
  return written;
}
