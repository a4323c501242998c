import type { Link, Root } from 'mdast';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';

/** Data a wikilink carries until remark-note-links resolves it to a URL. */
export interface WikilinkData {
  wikilink: { target: string; anchor: string | undefined; label: string | undefined };
}

// [[target]], [[target#heading]], [[target|label]], [[target#heading|label]]
const WIKILINK = /\[\[([^\[\]|#\n]+)(?:#([^\[\]|\n]+))?(?:\|([^\[\]\n]+))?\]\]/g;

/** Turns Obsidian-style wikilinks in text into link nodes; the URL is filled in later. */
export function remarkWikilinks() {
  return (tree: Root) => {
    findAndReplace(tree, [
      WIKILINK,
      (whole: string, target: string, anchor: string | undefined, label: string | undefined, match: RegExpMatchObject): Link => {
        const link: Link = {
          type: 'link',
          url: whole,
          children: [{ type: 'text', value: (label ?? target).trim() }],
          data: {
            wikilink: { target: target.trim(), anchor: anchor?.trim(), label: label?.trim() },
          } as WikilinkData & Link['data'],
        };
        // The text node's line plus the line breaks before the match: error messages need it.
        const start = match.stack.at(-1)?.position?.start;
        if (start) {
          const line = start.line + (match.input.slice(0, match.index).match(/\n/g)?.length ?? 0);
          link.position = { start: { line, column: 1 }, end: { line, column: 1 } };
        }
        return link;
      },
    ]);
  };
}

export function wikilinkOf(node: Link): WikilinkData['wikilink'] | undefined {
  return (node.data as Partial<WikilinkData> | undefined)?.wikilink;
}
