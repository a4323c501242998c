import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';

export interface ScrollableTablesOptions {
  /** The region's name from the table's column headings, e.g. `表格：参数、默认值`. */
  label: (columns: string) => string;
}

/**
 * Wraps each table in a named region (`<section aria-label>`) that scrolls sideways (CSS: `.table-scroll`). A scrolling region
 * must be reachable by keyboard (WCAG 2.1.1, axe `scrollable-region-focusable`), so it takes focus
 * and gets a name: the role and label tell a screen reader what the focus landed on.
 */
export function rehypeScrollableTables(options: ScrollableTablesOptions) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      // A named <section> is a region; html-validate prefers it to `<div role="region">`.
      parent.children[index] = h('section.table-scroll', { tabIndex: 0, ariaLabel: options.label(columns(node).join('、')) }, [node]);
      return SKIP;
    });
  };
}

/** The text of the first row's cells. */
function columns(table: Element): string[] {
  let row: Element | undefined;
  visit(table, 'element', (node: Element) => {
    if (row) return SKIP;
    if (node.tagName === 'tr') row = node;
    return undefined;
  });
  const cells = (row?.children ?? []).filter((child): child is Element => child.type === 'element');
  return cells.map((cell) => toString(cell).trim()).filter(Boolean);
}
