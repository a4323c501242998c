/** Table of contents: h2 entries with their h3 children; other depths are left out. */
export interface Heading { depth: number; slug: string; text: string }
export interface TocEntry extends Heading { children: Heading[] }

export function nestHeadings(headings: readonly Heading[]): TocEntry[] {
  const tree: TocEntry[] = [];
  for (const heading of headings) {
    // remark-gfm's footnote section has a visually hidden h2 of its own.
    if (heading.slug === 'footnote-label') continue;
    if (heading.depth === 2) tree.push({ ...heading, children: [] });
    else if (heading.depth === 3) {
      const parent = tree.at(-1);
      // An h3 before any h2 still deserves a place; it becomes a top-level entry.
      if (parent) parent.children.push(heading);
      else tree.push({ ...heading, children: [] });
    }
  }
  return tree;
}
