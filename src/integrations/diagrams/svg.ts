import type { Element, ElementContent, Properties, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Makes the renderer's SVG fit a page under a strict CSP: its `<style>` (with a web-font
 * `@import` from a third-party host) and its `style=` attribute go, so do the `data-*`
 * attributes meant for scripts; colours stay `var(--_…)` references that src/styles/diagrams.css
 * defines from the site's palette. Ids get a per-page prefix (two diagrams on a page would both
 * have `arrowhead`), and coordinates are rounded to one decimal (the renderer writes 17 digits).
 */

export interface CleanSvg {
  svg: Element;
  /** Every label drawn, in order, each once: the text search indexes (it skips `<svg>`). */
  labels: string[];
}

const NUMBER = /-?\d+\.\d{2,}/g;
/** A tenth of a pixel is below what a screen shows. */
const round = (value: string) => value.replace(NUMBER, (n) => String(Math.round(Number(n) * 10) / 10));
/** Inside these, whitespace is text; elsewhere in an SVG it is only indentation. */
const TEXT_ELEMENTS = new Set(['text', 'tspan', 'title', 'desc']);

function cleanProperties(properties: Properties, prefix: string): Properties {
  const out: Properties = {};
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'style' || /^data[A-Z]/.test(key)) continue;
    // rx=0 is the default corner; the renderer writes it on every box.
    if ((key === 'rx' || key === 'ry') && value === '0') continue;
    if (key === 'id' && typeof value === 'string') out[key] = `${prefix}-${value}`;
    else if ((key === 'href' || key === 'xLinkHref') && typeof value === 'string' && value.startsWith('#')) {
      out[key] = `#${prefix}-${value.slice(1)}`;
    } else if (typeof value === 'string') out[key] = round(value).replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`);
    else if (Array.isArray(value)) out[key] = value.map((item) => (typeof item === 'string' ? round(item) : item));
    else out[key] = value;
  }
  return out;
}

/** Parses the renderer's markup and returns the cleaned `<svg>` element with its labels. */
export function cleanSvg(markup: string, prefix: string): CleanSvg {
  const tree: Root = fromHtml(markup, { fragment: true });
  let svg: Element | undefined;
  const labels: string[] = [];
  visit(tree, (node, index, parent) => {
    if (node.type === 'comment' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    if (node.type === 'text' && parent && index !== undefined && parent.type === 'element') {
      if (!TEXT_ELEMENTS.has(parent.tagName) && node.value.trim() === '') {
        parent.children.splice(index, 1);
        return index;
      }
    }
    if (node.type !== 'element') return undefined;
    if (node.tagName === 'style' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    if (node.tagName === 'svg' && !svg) svg = node;
    node.properties = cleanProperties(node.properties, prefix);
    if (node.tagName === 'text') {
      const label = textOf(node).replace(/\s+/g, ' ').trim();
      if (label && !labels.includes(label)) labels.push(label);
      return SKIP;
    }
    return undefined;
  });
  if (!svg) throw new Error('the renderer returned no <svg> element');
  return { svg, labels };
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join(' ') : '';
}

/** A `<title>`/`<desc>` child naming the image for assistive technology. */
export function textChild(tagName: 'title' | 'desc', id: string, text: string): ElementContent {
  return { type: 'element', tagName, properties: { id }, children: [{ type: 'text', value: text }] };
}
