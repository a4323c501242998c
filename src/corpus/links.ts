import type { Definition, Image, ImageReference, Link, LinkReference, Nodes, Root } from 'mdast';
import { definitions } from 'mdast-util-definitions';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import type { CorpusLink } from './model';
import { wikilinkOf } from './wikilinks';

/** A URL that leaves the site (`https:`, `mailto:`, `//host`): not ours to resolve. */
export function isExternalUrl(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

export type WrittenTarget = Pick<CorpusLink, 'kind' | 'target' | 'anchor'>;

/**
 * What a URL written in a note points at, as the resolver reads it: a file and `#anchor`.
 * External URLs give undefined. One reading for the corpus, the checks and the link rewriter.
 */
export function urlTarget(url: string): WrittenTarget | undefined {
  if (isExternalUrl(url)) return undefined;
  const hashAt = url.indexOf('#');
  const target = safeDecode(hashAt === -1 ? url : url.slice(0, hashAt));
  const anchor = hashAt === -1 ? undefined : safeDecode(url.slice(hashAt + 1));
  return { kind: 'relative', target, anchor };
}

/** A link node's target: a wikilink's name, or its URL read by `urlTarget`. */
export function linkTarget(node: Link): WrittenTarget | undefined {
  const wiki = wikilinkOf(node);
  if (wiki) return { kind: 'wiki', target: wiki.target, anchor: wiki.anchor };
  return urlTarget(node.url);
}

/** A malformed escape (`%E0%A4%A`) is kept as written: the check then names it as a missing file. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Every link a note writes: inline links, reference-style links (`[x][ref]` with `[ref]: ./a.md`),
 * wikilinks, and images (inline and by reference). A reference takes its URL from the definition.
 */
export function collectLinks(tree: Root): CorpusLink[] {
  const definitionOf = definitions(tree);
  const links: CorpusLink[] = [];
  const add = (node: Nodes, written: WrittenTarget | undefined, context: string) => {
    if (written) links.push({ ...written, line: node.position?.start.line ?? 0, context });
  };
  visitParents(tree, (node, ancestors) => {
    switch (node.type) {
      case 'link':
        add(node, linkTarget(node), sentenceAround(ancestors as Nodes[], node));
        break;
      case 'linkReference':
        add(node, referenceTarget(definitionOf(node.identifier)), sentenceAround(ancestors as Nodes[], node));
        break;
      case 'image':
      case 'imageReference':
        add(node, imageTarget(node, definitionOf), '');
        break;
    }
  });
  return links;
}

function referenceTarget(definition: Definition | undefined): WrittenTarget | undefined {
  return definition ? urlTarget(definition.url) : undefined;
}

function imageTarget(node: Image | ImageReference, definitionOf: (id: string) => Definition | undefined): WrittenTarget | undefined {
  const url = node.type === 'image' ? node.url : definitionOf(node.identifier)?.url;
  const written = url === undefined ? undefined : urlTarget(url);
  return written && { kind: 'asset', target: written.target, anchor: undefined };
}

const BLOCKS = new Set(['paragraph', 'listItem', 'tableCell', 'heading', 'blockquote']);

/** The sentence of the nearest block around a link, for "被引用" excerpts. */
function sentenceAround(ancestors: Nodes[], link: Link | LinkReference): string {
  const block = [...ancestors].reverse().find((node) => BLOCKS.has(node.type));
  if (!block) return toString(link);
  const text = toString(block);
  // Where the link starts in the block's text: the sentence is the one covering that spot,
  // even when the same words appear in an earlier sentence.
  const at = textBefore(block, link) ?? 0;
  let start = 0;
  for (const sentence of text.match(/[^。！？!?]+[。！？!?]?/g) ?? [text]) {
    if (at < start + sentence.length) return shorten(sentence);
    start += sentence.length;
  }
  return shorten(text);
}

function textBefore(node: Nodes, target: Nodes): number | undefined {
  if (node === target) return 0;
  if (!('children' in node)) return undefined;
  let length = 0;
  for (const child of node.children as Nodes[]) {
    const inside = textBefore(child, target);
    if (inside !== undefined) return length + inside;
    length += toString(child).length;
  }
  return undefined;
}

function shorten(sentence: string): string {
  const clean = sentence.replace(/\s+/g, ' ').trim();
  return clean.length > 160 ? `${clean.slice(0, 157)}…` : clean;
}
