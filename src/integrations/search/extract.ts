import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parseFragment } from 'parse5';
import { toText } from 'hast-util-to-text';
import { hashOf, lockfile, openBuildCache, type BuildCache } from '../../lib/build-cache';
import type { Passage } from '../../lib/search/format';

/**
 * A note's rendered HTML as passages: runs of blocks within one section, short enough that "all
 * the query's words in one passage" means they stand together, and that an excerpt needs only one.
 * A heading starts a passage (its id is where a result lands); a long section is cut between
 * blocks. Passage 0 is the description and the title, which are searched too; the description
 * comes first so that an excerpt with nothing to mark shows it.
 */
const PASSAGE_CHARS = 480;

/** Reader-facing chrome that is not the note's text: buttons, hidden and screen-reader-only labels,
 * footnote reference numbers and back links, and anything marked `data-search-ignore`. */
function isChrome(node: Element): boolean {
  const p = node.properties;
  const classes = Array.isArray(p['className']) ? p['className'] : [];
  return (
    node.tagName === 'button' ||
    p['hidden'] === true ||
    p['ariaHidden'] === 'true' ||
    p['dataSearchIgnore'] !== undefined ||
    p['dataFootnoteRef'] !== undefined ||
    p['dataFootnoteBackref'] !== undefined ||
    classes.includes('sr-only')
  );
}

function withoutChrome<T extends Root | Element>(node: T): T {
  const children = (node.children as (RootContent | ElementContent)[])
    .filter((child) => child.type !== 'element' || !isChrome(child))
    .map((child) => (child.type === 'element' ? withoutChrome(child) : child));
  return { ...node, children } as T;
}

const HEADING = /^h[2-6]$/;

/** The HTML as a hast tree, without source positions (hast-util-from-html always records them, a fifth of the parse). */
const parseHtml = (html: string) => fromParse5(parseFragment(html)) as Root;

export function notePassages(title: string, description: string, html: string): Passage[] {
  const passages: Passage[] = [{ anchor: '', text: `${description}\n${title}` }];
  let current: Passage = { anchor: '', text: '' };
  const close = () => {
    if (current.text.trim()) passages.push(current);
  };
  for (const block of withoutChrome(parseHtml(html)).children) {
    if (block.type !== 'element') {
      const text = block.type === 'text' ? block.value.trim() : '';
      if (text) current.text += `${current.text ? '\n' : ''}${text}`;
      continue;
    }
    const text = toText(block).trim();
    if (HEADING.test(block.tagName)) {
      close();
      current = { anchor: String(block.properties['id'] ?? ''), text };
      continue;
    }
    if (!text) continue;
    if (current.text.length >= PASSAGE_CHARS) {
      close();
      current = { anchor: current.anchor, text: '' };
    }
    current.text += `${current.text ? '\n' : ''}${text}`;
  }
  close();
  return passages;
}

/** Consecutive passages grouped into files of about `chars` characters: one fetch per result shown. */
export function packPassages(passages: readonly Passage[], chars = 1500): Passage[][] {
  const packs: Passage[][] = [];
  let pack: Passage[] = [];
  let size = 0;
  for (const passage of passages) {
    if (pack.length > 0 && size + passage.text.length > chars) {
      packs.push(pack);
      pack = [];
      size = 0;
    }
    pack.push(passage);
    size += passage.text.length;
  }
  if (pack.length > 0) packs.push(pack);
  return packs;
}

/**
 * Each note's passages, kept between builds and keyed by what they are made from (title,
 * description, rendered HTML): a rebuild re-reads only the HTML of notes that changed. The version
 * is the code above (as this build runs it) and the locked dependencies.
 */
export function openPassageCache(file: string): { passages: (title: string, description: string, html: string) => Passage[]; save: () => void } {
  const version = file ? hashOf(String(PASSAGE_CHARS), ...[isChrome, withoutChrome, parseHtml, notePassages].map(String), lockfile()) : '';
  const cache: BuildCache<Passage[]> = openBuildCache<Passage[]>(file || undefined, version);
  return {
    passages(title, description, html) {
      const key = `${title}\0${description}\0${html}`;
      let passages = cache.get(key);
      if (!passages) cache.set(key, (passages = notePassages(title, description, html)));
      return passages;
    },
    save: () => cache.save(),
  };
}
