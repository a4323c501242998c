import fs from 'node:fs';
import path from 'node:path';
import Slugger from 'github-slugger';
import type { Heading, Link, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import { parse as parseYaml } from 'yaml';
import type { Corpus, CorpusFence, CorpusHtml, CorpusLink, CorpusNote } from './model';
import { resolveWikiName } from './resolve';
import { footnoteNumbering, headingText } from './heading-text';
import { isExternalUrl, linkTarget } from './link-target';
import { remarkWikilinks } from './wikilinks';

/**
 * Reads every note once per build: its headings (as the page will slug them) and every link it
 * writes. Link checking and the link graph both need the whole corpus before any page renders.
 */
export function readCorpus(notesDir: string): Corpus {
  const parser = unified().use(remarkParse).use(remarkGfm).use(remarkWikilinks);
  const notes = new Map<string, CorpusNote>();
  const trees = new Map<string, Root>();
  for (const file of listMarkdown(notesDir)) {
    const id = path.relative(notesDir, file).split(path.sep).join('/').replace(/\.md$/, '');
    const { body, frontmatter } = splitFrontmatter(fs.readFileSync(file, 'utf8'));
    const tree = parser.runSync(parser.parse(body)) as Root;
    trees.set(id, tree);
    notes.set(id, {
      id,
      file,
      title: typeof frontmatter['title'] === 'string' ? frontmatter['title'] : id,
      draft: frontmatter['draft'] === true,
      slugs: new Set(),
      links: collectLinks(tree),
      fences: collectFences(tree),
      html: collectHtml(tree),
      excerpt: openingText(tree),
    });
  }
  const corpus = { notesDir, notes };
  // Slugs come second: a heading's text may hold a wikilink that shows another note's title.
  const wikiTitle = (target: string) => {
    const found = resolveWikiName(corpus, target);
    return 'id' in found ? notes.get(found.id)?.title : undefined;
  };
  for (const [id, tree] of trees) notes.get(id)!.slugs = headingSlugs(tree, wikiTitle);
  return corpus;
}

function listMarkdown(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Blanks the front matter instead of cutting it, so line numbers stay those of the file. */
function splitFrontmatter(source: string): { body: string; frontmatter: Record<string, unknown> } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { body: source, frontmatter: {} };
  let frontmatter: Record<string, unknown> = {};
  try {
    frontmatter = (parseYaml(match[1] ?? '') as Record<string, unknown> | null) ?? {};
  } catch {
    // The schema reports bad front matter with its own message; links can still be read.
  }
  const blank = '\n'.repeat(match[0].split('\n').length - 1);
  return { body: blank + source.slice(match[0].length), frontmatter };
}

/** The same slugs Astro's rehypeHeadingIds gives: github-slugger over headings in order. */
function headingSlugs(tree: Root, wikiTitle: (target: string) => string | undefined): Set<string> {
  const slugger = new Slugger();
  const slugs = new Set<string>();
  const footnotes = footnoteNumbering(tree);
  visitParents(tree, 'heading', (node: Heading) => {
    slugs.add(slugger.slug(headingText(node, footnotes, wikiTitle)));
  });
  // remark-gfm footnotes render these targets too.
  visitParents(tree, 'footnoteDefinition', (node) => {
    slugs.add(`user-content-fn-${node.identifier.toLowerCase()}`);
  });
  return slugs;
}

function collectLinks(tree: Root): CorpusLink[] {
  const links: CorpusLink[] = [];
  visitParents(tree, 'link', (node: Link, ancestors: Nodes[]) => {
    const line = node.position?.start.line ?? 0;
    const context = sentenceAround(ancestors, node);
    const target = linkTarget(node);
    if (target) links.push({ ...target, line, context });
  });
  visitParents(tree, 'image', (node) => {
    if (isExternalUrl(node.url)) return;
    links.push({ kind: 'asset', target: decodeURIComponent(node.url), anchor: undefined, line: node.position?.start.line ?? 0, context: '' });
  });
  return links;
}

/** The first paragraphs' text, up to about 140 characters. */
function openingText(tree: Root): string {
  let text = '';
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    text += toString(node).replace(/\s+/g, ' ').trim();
    if (text.length >= 140) break;
  }
  return text.length > 140 ? `${text.slice(0, 138)}…` : text;
}

function collectFences(tree: Root): CorpusFence[] {
  const fences: CorpusFence[] = [];
  visitParents(tree, 'code', (node) => {
    fences.push({ lang: node.lang ?? undefined, meta: node.meta ?? undefined, line: node.position?.start.line ?? 0, code: node.value });
  });
  return fences;
}

function collectHtml(tree: Root): CorpusHtml[] {
  const html: CorpusHtml[] = [];
  visitParents(tree, 'html', (node) => {
    html.push({ value: node.value, line: node.position?.start.line ?? 0 });
  });
  return html;
}

const BLOCKS = new Set(['paragraph', 'listItem', 'tableCell', 'heading', 'blockquote']);

/** The sentence of the nearest block around a link, for "被引用" excerpts. */
function sentenceAround(ancestors: Nodes[], link: Link): string {
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
