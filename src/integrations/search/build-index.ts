import { createHash } from 'node:crypto';
import { PostingsWriter } from '../../lib/search/codec';
import {
  foldPath, HAN_FIRST, HAN_LAST, metaPath, pagesToColumns, shardPath, TEXT_FILE_CHARS, TEXT_FILES_MAX, textPath,
  type FoldTable, type IndexedPage, type Passage, type SearchMeta, type SearchMetaFile, type TermShard, type TextFile,
} from '../../lib/search/format';
import { indexTerms } from '../../lib/search/terms';
import { notePassages, packPassages } from './extract';

/**
 * Builds every file of the search index from the notes: a small `search-index.json` (pages, filters, the
 * term-file directory, synonyms), term files that each hold a contiguous range of sorted terms
 * with their postings, text files with the notes' passages for excerpts, and the
 * Traditional→Simplified table. A query reads meta, then only the term files its terms fall in,
 * then the text of the few results it shows.
 */
export interface SourcePage {
  /** Relative to the base: `kafka/replication/`. */
  path: string;
  title: string;
  description: string;
  topic: string;
  tags: string[];
  /** The note's rendered body. */
  html: string;
}

export interface IndexOptions {
  synonyms: string[][];
  /** A page's passages (extract.ts), perhaps from the cache of an earlier build. */
  passages?: (title: string, description: string, html: string) => Passage[];
  /** Makes the folding table once the corpus is known (folding.ts). */
  foldTable: (corpus: CorpusVocabulary) => FoldTable;
  /** Target size of a term file, in characters of JSON. */
  shardChars?: number;
  /** How many text files the index may have at most (TEXT_FILES_MAX). */
  textFilesMax?: number;
}

/** What the folding table is restricted to: characters and phrases that occur in the notes. */
export interface CorpusVocabulary {
  hasChar: (char: string) => boolean;
  hasTerm: (term: string) => boolean;
}

export interface BuiltIndex {
  meta: SearchMeta;
  /** Path under the site's root → file content. */
  files: Map<string, string>;
}

/** Postings of every term (kept encoded as they come), the Han characters used, and each page's passages. */
class Indexer {
  constructor(private readonly passagesOf: NonNullable<IndexOptions['passages']>) {}

  readonly postings = new Map<string, PostingsWriter>();
  readonly hanChars = new Set<number>();
  readonly packs: Passage[][][] = [];

  /** Indexes one page; returns how many terms it holds. */
  add(page: SourcePage, pageIndex: number): number {
    const passages = this.passagesOf(page.title, page.description, page.html);
    const onPage = new Map<string, { count: number; passages: number[] }>();
    let length = 0;
    passages.forEach((passage, passageIndex) => {
      for (const [term, count] of indexTerms(passage.text)) {
        length += count;
        const seen = onPage.get(term);
        if (seen) {
          seen.count += count;
          seen.passages.push(passageIndex);
        } else onPage.set(term, { count, passages: [passageIndex] });
      }
    });
    for (const [term, { count, passages: where }] of onPage) {
      // Every Han character is a term of its own, so the terms name the characters the notes use.
      if (term.length === 1 && isInHanBitmap(term.charCodeAt(0))) this.hanChars.add(term.charCodeAt(0));
      let writer = this.postings.get(term);
      if (!writer) this.postings.set(term, (writer = new PostingsWriter()));
      writer.add(pageIndex, count, where);
    }
    this.packs.push(packPassages(passages));
    return length;
  }
}

/** Whether `SearchMeta.han`'s bitmap covers this character. */
const isInHanBitmap = (code: number) => code >= HAN_FIRST && code <= HAN_LAST;

type DataFile = [path: (version: string) => string, content: string];

export function buildSearchIndex(pages: readonly SourcePage[], options: IndexOptions): BuiltIndex {
  const topics = [...new Set(pages.map((page) => page.topic))];
  const tags = [...new Set(pages.flatMap((page) => page.tags))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const indexer = new Indexer(options.passages ?? notePassages);
  const indexed: IndexedPage[] = pages.map((page, i) => ({
    path: page.path,
    title: page.title,
    topic: topics.indexOf(page.topic),
    tags: page.tags.map((tag) => tags.indexOf(tag)),
    length: indexer.add(page, i),
    packs: indexer.packs[i]!.map((pack) => pack.length),
  }));
  const { postings, hanChars } = indexer;
  const shards = splitIntoShards([...postings.keys()].sort(), (term) => postings.get(term)!.toString(), options.shardChars ?? 12_000);
  const texts = splitIntoTextFiles(indexer.packs.flat(), TEXT_FILE_CHARS, options.textFilesMax ?? TEXT_FILES_MAX);
  const fold = options.foldTable({ hasChar: (char) => hanChars.has(char.codePointAt(0)!), hasTerm: (term) => postings.has(term) });
  const dataFiles: DataFile[] = [
    ...shards.map((shard, i): DataFile => [(v) => shardPath(v, i), JSON.stringify(shard.content)]),
    ...texts.map((text, i): DataFile => [(v) => textPath(v, i), JSON.stringify(text.content)]),
    [(v) => foldPath(v), JSON.stringify(fold)],
  ];
  const meta: SearchMeta = {
    version: '',
    pages: indexed,
    topics,
    tags,
    shards: shards.map((shard) => shard.first),
    texts: texts.map((text) => text.first),
    han: hanBitmap(hanChars),
    synonyms: options.synonyms,
    averageLength: indexed.reduce((sum, page) => sum + page.length, 0) / Math.max(1, indexed.length),
  };
  meta.version = contentHash(meta, dataFiles);
  const files = new Map<string, string>(dataFiles.map(([path, content]) => [path(meta.version), content]));
  files.set(metaPath(), JSON.stringify({ ...meta, pages: pagesToColumns(meta.pages) } satisfies SearchMetaFile));
  return { meta, files };
}

/** Names the folder of the data files: it changes whenever anything in the index does. */
function contentHash(meta: SearchMeta, dataFiles: readonly DataFile[]): string {
  const hash = createHash('sha256');
  for (const [, content] of dataFiles) hash.update(content).update('\0');
  hash.update(JSON.stringify(meta));
  return hash.digest('hex').slice(0, 12);
}

/** Sorted terms cut into files of about `target` characters; a term never straddles two files. */
function splitIntoShards(terms: readonly string[], encode: (term: string) => string, target: number) {
  const shards: { first: string; content: TermShard }[] = [];
  let size = Infinity;
  for (const term of terms) {
    const encoded = encode(term);
    if (size >= target) {
      shards.push({ first: term, content: {} });
      size = 0;
    }
    shards.at(-1)!.content[term] = encoded;
    size += term.length + encoded.length + 6;
  }
  return shards;
}

/**
 * Every page's packs, in page order, cut into files of about `target` characters, or into at most
 * `maxFiles` larger ones; a pack never straddles two files.
 */
function splitIntoTextFiles(packs: readonly Passage[][], target: number, maxFiles: number) {
  const chars = packs.map((pack) => pack.reduce((sum, passage) => sum + passage.text.length + passage.anchor.length, 0));
  const total = chars.reduce((sum, n) => sum + n, 0);
  for (let size = Math.max(target, Math.ceil(total / maxFiles)); ; size = Math.ceil(size * 1.05)) {
    const files = cutPacks(packs, chars, size);
    if (files.length <= maxFiles) return files;
  }
}

function cutPacks(packs: readonly Passage[][], chars: readonly number[], target: number) {
  const files: { first: number; content: TextFile }[] = [];
  let size = Infinity;
  packs.forEach((pack, i) => {
    if (size > 0 && size + chars[i]! > target) {
      files.push({ first: i, content: [] });
      size = 0;
    }
    files.at(-1)!.content.push(pack);
    size += chars[i]!;
  });
  return files;
}

function hanBitmap(chars: ReadonlySet<number>): string {
  const bits = new Uint8Array(Math.ceil((HAN_LAST - HAN_FIRST + 1) / 8));
  for (const code of chars) bits[(code - HAN_FIRST) >> 3]! |= 1 << ((code - HAN_FIRST) & 7);
  return Buffer.from(bits).toString('base64');
}
