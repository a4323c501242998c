import Slugger from 'github-slugger';
import type { Heading, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { walk } from './files';
import { corpusFields, splitNote } from './front-matter';
import { footnoteOrder, headingText } from './heading-text';
import type { ContentProblem } from './checks/problem';
import { collectLinks } from './links';
import type { Corpus, CorpusFence, CorpusHtml, CorpusNote } from './model';
import { noteIdFromPath, type NoteId } from './note-id';
import { leaveTree } from './parsed-trees';
import { openReadingCache, type BodyReading } from './reading-cache';
import { resolveWikiName } from './resolve';
import { readSource } from './source';
import { remarkWikilinks } from './wikilinks';

export interface ReadOptions {
  /** A build: the render reuses the trees this reading parses (parsed-trees.ts). */
  leaveTreesForRender?: boolean;
  /** Where the readings are kept between builds (reading-cache.ts); none: every note is parsed. */
  cacheFile?: string | undefined;
}

/**
 * Reads every note once: its front matter, headings (as the page will slug them) and every link,
 * code fence and raw HTML chunk it writes. Checks, the link graph and the pages all use the result.
 * A body read by an earlier build comes from the cache instead of being parsed again.
 */
export function readCorpus(notesDir: string, { leaveTreesForRender = false, cacheFile }: ReadOptions = {}): Corpus {
  const parser = unified().use(remarkParse).use(remarkGfm).use(remarkWikilinks);
  const cache = openReadingCache(cacheFile);
  const notes = new Map<NoteId, CorpusNote>();
  const readings = new Map<NoteId, BodyReading>();
  const readProblems: ContentProblem[] = [];
  for (const file of listMarkdown(notesDir)) {
    const id = noteIdFromPath(notesDir, file)!;
    const source = readSource(file);
    if ('problem' in source) {
      readProblems.push(source.problem);
      continue;
    }
    const { body, data, fieldLines, problems } = splitNote(source.text);
    readProblems.push(...problems.map((problem) => ({ file, ...problem })));
    let reading = cache.get(body);
    if (!reading) {
      const tree = parser.runSync(parser.parse(body)) as Root;
      reading = readBody(tree, body);
      if (leaveTreesForRender) leaveTree(body, tree);
      cache.set(body, reading);
    }
    readings.set(id, reading);
    const { links, fences, html, excerpt } = reading;
    notes.set(id, { id, file, ...corpusFields(data, id), frontMatter: { data, fieldLines }, slugs: new Set(), links, fences, html, excerpt });
  }
  cache.save();
  const corpus: Corpus = { notesDir, notes, byName: indexByName(notes.keys()), readProblems };
  // Slugs come second: a heading's text may hold a wikilink that shows another note's title.
  const wikiTitle = (target: string) => {
    const found = resolveWikiName(corpus, target);
    return 'id' in found ? notes.get(found.id)?.title : undefined;
  };
  for (const [id, reading] of readings) notes.get(id)!.slugs = headingSlugs(reading, wikiTitle);
  return corpus;
}

function readBody(tree: Root, body: string): BodyReading {
  const headings: Heading[] = [];
  visit(tree, 'heading', (node: Heading) => {
    headings.push(node);
  });
  const footnoteDefinitions: string[] = [];
  visit(tree, 'footnoteDefinition', (node) => {
    footnoteDefinitions.push(node.identifier);
  });
  return {
    links: collectLinks(tree),
    fences: collectFences(tree, body),
    html: collectHtml(tree),
    excerpt: openingText(tree),
    headings,
    footnoteOrder: footnoteOrder(tree),
    footnoteDefinitions,
  };
}

function listMarkdown(dir: string): string[] {
  return walk(dir)
    .filter((entry) => entry.kind === 'file' && entry.path.endsWith('.md'))
    .map((entry) => entry.path)
    .sort();
}

function indexByName(ids: Iterable<NoteId>): Map<string, NoteId[]> {
  const byName = new Map<string, NoteId[]>();
  for (const id of ids) {
    const name = id.split('/').pop() ?? id;
    byName.set(name, [...(byName.get(name) ?? []), id]);
  }
  return byName;
}

/** The same slugs Astro's rehypeHeadingIds gives: github-slugger over headings in order. */
function headingSlugs(reading: BodyReading, wikiTitle: (target: string) => string | undefined): Set<string> {
  const slugger = new Slugger();
  const footnotes = new Map(reading.footnoteOrder.map((id, index) => [id, index + 1]));
  const slugs = new Set(reading.headings.map((node) => slugger.slug(headingText(node as Nodes, footnotes, wikiTitle))));
  // remark-gfm footnotes render these targets too.
  for (const identifier of reading.footnoteDefinitions) slugs.add(`user-content-fn-${identifier.toLowerCase()}`);
  return slugs;
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

function collectFences(tree: Root, body: string): CorpusFence[] {
  const lines = body.split('\n');
  const fences: CorpusFence[] = [];
  visit(tree, 'code', (node) => {
    const start = node.position?.start.line ?? 0;
    const end = node.position?.end.line ?? 0;
    const opening = /^[\s>]*(`{3,}|~{3,})/.exec(lines[start - 1] ?? '')?.[1];
    // A fenced block is closed by a line of the same marker, at least as long, after its first line.
    const closed = !opening || (end > start && new RegExp(`^[\\s>]*${opening[0]}{${opening.length},}\\s*$`).test(lines[end - 1] ?? ''));
    fences.push({ lang: node.lang ?? undefined, meta: node.meta ?? undefined, line: start, code: node.value, closed });
  });
  return fences;
}

function collectHtml(tree: Root): CorpusHtml[] {
  const html: CorpusHtml[] = [];
  visit(tree, 'html', (node) => {
    html.push({ value: node.value, line: node.position?.start.line ?? 0 });
  });
  return html;
}
