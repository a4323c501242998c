/**
 * The files of the search index, written at build time (src/integrations/search/) and read by the
 * browser (src/client/search/): `search-index.json` (revalidated on each visit) names the version,
 * and every other file lives under `search-index/<version>/`, named by the index's content hash,
 * so hosts can cache that folder for good.
 */

/** One searchable note. */
export interface IndexedPage {
  /** Relative to the site's base: `kafka/replication/`, `kafka/` for a topic hub. */
  path: string;
  title: string;
  /** Index into `SearchMeta.topics`. */
  topic: number;
  /** Indexes into `SearchMeta.tags`. */
  tags: number[];
  /** Terms in the page, for length normalisation of scores. */
  length: number;
  /** How many passages each of the page's text files holds, in order. */
  packs: number[];
}

/** `search-index.json`: everything needed before the first term is looked up. */
export interface SearchMeta {
  version: string;
  pages: IndexedPage[];
  /** Topic and tag names, as the filters show them. */
  topics: string[];
  tags: string[];
  /** The first term of each term file, in code-unit order. */
  shards: string[];
  /** The first pack of each text file, counting all pages' packs in page order. */
  texts: number[];
  /** Which Han characters the notes use: a bitmap over U+4E00–U+9FFF, base64. */
  han: string;
  /** Groups of words that mean the same (content/synonyms.yaml), normalised. */
  synonyms: string[][];
  averageLength: number;
}

/**
 * `search-index.json` as written: the pages' fields in columns, one array per field, which
 * compresses about a fifth smaller than an object per page (on the 10,000-note bench corpus, 109 KB
 * gzip instead of 136 KB), the bytes every first query downloads.
 */
export interface SearchMetaFile extends Omit<SearchMeta, 'pages'> {
  pages: PageColumns;
}
export type PageColumns = { [Field in keyof IndexedPage]: IndexedPage[Field][] };

export function pagesToColumns(pages: readonly IndexedPage[]): PageColumns {
  return {
    path: pages.map((page) => page.path),
    title: pages.map((page) => page.title),
    topic: pages.map((page) => page.topic),
    tags: pages.map((page) => page.tags),
    length: pages.map((page) => page.length),
    packs: pages.map((page) => page.packs),
  };
}

export function pagesFromColumns(columns: PageColumns): IndexedPage[] {
  return columns.path.map((path, i) => ({
    path,
    title: columns.title[i]!,
    topic: columns.topic[i]!,
    tags: columns.tags[i]!,
    length: columns.length[i]!,
    packs: columns.packs[i]!,
  }));
}

/** A term file: term → its postings (codec.ts). */
export type TermShard = Record<string, string>;

/**
 * A stretch of a note: the section it belongs to (the heading's id, empty before the first
 * heading) and its text, blocks separated by newlines. Passage 0 of a page is its description and title.
 */
export interface Passage {
  anchor: string;
  text: string;
}

/** Consecutive passages of one page, about 1,500 characters. */
export type TextPack = Passage[];

/**
 * A text file: consecutive packs, of one page or of several, at most TEXT_FILE_CHARS in all (or one
 * larger pack). A short note's last pack shares a file with the next note's first, which saves
 * files without making the five files a query fetches for its excerpts much larger.
 */
export type TextFile = TextPack[];
export const TEXT_FILE_CHARS = 2000;

/**
 * Past this many text files, the files grow instead of multiplying: hosts cap a site's files
 * (Cloudflare Pages: 20,000), and a 10,000-note site already has 10,000 pages. Below it (about
 * 2,500 notes of the bench corpus's length) nothing changes; at 10,000 such notes a file holds
 * 5,000–6,000 characters, and the five files a query fetches for its excerpts about twice the bytes
 * (18 KB instead of 8 KB gzip).
 */
export const TEXT_FILES_MAX = 5000;

/** Traditional → Simplified pairs, for OpenCC's converter (phrases and characters). */
export type FoldTable = [traditional: string, simplified: string][];

export const INDEX_DIR = 'search-index';
export const metaPath = () => `${INDEX_DIR}.json`;
export const shardPath = (version: string, shard: number) => `${INDEX_DIR}/${version}/terms/${shard}.json`;
export const textPath = (version: string, file: number) => `${INDEX_DIR}/${version}/text/${file}.json`;
export const foldPath = (version: string) => `${INDEX_DIR}/${version}/fold.json`;

/** The bitmap's range: CJK Unified Ideographs. Characters outside it count as absent. */
export const HAN_FIRST = 0x4e00;
export const HAN_LAST = 0x9fff;
