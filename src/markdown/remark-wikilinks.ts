import type { Link, Root } from 'mdast';
import { findAndReplace } from 'mdast-util-find-and-replace';

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
      (whole: string, target: string, anchor?: string, label?: string): Link => ({
        type: 'link',
        url: whole,
        children: [{ type: 'text', value: (label ?? target).trim() }],
        data: {
          wikilink: { target: target.trim(), anchor: anchor?.trim(), label: label?.trim() },
        } as WikilinkData & Link['data'],
      }),
    ]);
  };
}

export function wikilinkOf(node: Link): WikilinkData['wikilink'] | undefined {
  return (node.data as Partial<WikilinkData> | undefined)?.wikilink;
}
