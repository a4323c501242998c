import { decodePostings, type Posting } from '../../lib/search/codec';
import {
  foldPath, HAN_FIRST, HAN_LAST, metaPath, pagesFromColumns, shardPath, textPath,
  type FoldTable, type SearchMeta, type SearchMetaFile, type TermShard, type TextFile, type TextPack,
} from '../../lib/search/format';

/**
 * Fetches the search index's files as a query needs them, each at most once per page view:
 * `search-index.json` first, then the term files a query's terms fall in, the text files of the results
 * shown, and the Traditional table only for a query that needs it (format.ts describes them).
 */
export class SearchIndex {
  private readonly shards = new Map<number, Promise<TermShard>>();
  private readonly texts = new Map<number, Promise<TextFile>>();
  /** Where each page's packs start, counting all pages' packs in order. */
  private readonly packStarts: number[];
  private fold: Promise<FoldTable> | undefined;
  private readonly hanBits: Uint8Array;

  constructor(
    private readonly base: string,
    readonly meta: SearchMeta,
  ) {
    this.hanBits = Uint8Array.from(atob(meta.han), (char) => char.charCodeAt(0));
    let start = 0;
    this.packStarts = meta.pages.map((page) => (start += page.packs.length) - page.packs.length);
  }

  /** Whether the notes use this Han character (outside the bitmap's range: no). */
  hasHan(char: string): boolean {
    const code = char.codePointAt(0)! - HAN_FIRST;
    if (code < 0 || code > HAN_LAST - HAN_FIRST) return false;
    return ((this.hanBits[code >> 3] ?? 0) & (1 << (code & 7))) !== 0;
  }

  /** Postings of `term`, or of every term starting with it when `prefix` (merged per page). */
  async postings(term: string, prefix: boolean): Promise<Posting[]> {
    const first = this.shardOf(term);
    if (!prefix) {
      const encoded = (await this.shard(first))[term];
      return encoded === undefined ? [] : decodePostings(encoded);
    }
    // The terms starting with a prefix begin in the file the prefix falls in and may run on.
    let last = first;
    while (last + 1 < this.meta.shards.length && this.meta.shards[last + 1]!.startsWith(term)) last++;
    const files = await Promise.all(Array.from({ length: last - first + 1 }, (_, i) => this.shard(first + i)));
    const lists = files.flatMap((terms) =>
      Object.entries(terms).filter(([key]) => key.startsWith(term)).map(([, encoded]) => decodePostings(encoded)),
    );
    return mergePostings(lists);
  }

  async pack(page: number, pack: number): Promise<TextPack> {
    const global = this.packStarts[page]! + pack;
    const file = lastAtOrBefore(this.meta.texts, global);
    let loading = this.texts.get(file);
    if (!loading) this.texts.set(file, (loading = this.json<TextFile>(textPath(this.meta.version, file))));
    return (await loading)[global - this.meta.texts[file]!]!;
  }

  foldTable(): Promise<FoldTable> {
    this.fold ??= this.json<FoldTable>(foldPath(this.meta.version));
    return this.fold;
  }

  /** The last file whose first term is not after `term` (files hold sorted, contiguous ranges). */
  private shardOf(term: string): number {
    return lastAtOrBefore(this.meta.shards, term);
  }

  private shard(index: number): Promise<TermShard> {
    let loading = this.shards.get(index);
    if (!loading) this.shards.set(index, (loading = this.json<TermShard>(shardPath(this.meta.version, index))));
    return loading;
  }

  private async json<T>(path: string): Promise<T> {
    const response = await fetch(`${this.base}${path}`);
    if (!response.ok) throw new Error(`search index: ${path} answered ${response.status}`);
    return (await response.json()) as T;
  }
}

/** The index of the last of the sorted `firsts` that is not after `key` (0 when none is). */
function lastAtOrBefore<T extends string | number>(firsts: readonly T[], key: T): number {
  let [low, high] = [0, firsts.length - 1];
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (firsts[mid]! <= key) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** One posting per page: counts added, passages united. */
function mergePostings(lists: Posting[][]): Posting[] {
  const byPage = new Map<number, Posting>();
  for (const list of lists) {
    for (const posting of list) {
      const seen = byPage.get(posting.page);
      if (!seen) byPage.set(posting.page, { ...posting, passages: [...posting.passages] });
      else {
        seen.count += posting.count;
        seen.passages = [...new Set([...seen.passages, ...posting.passages])].sort((a, b) => a - b);
      }
    }
  }
  return [...byPage.values()].sort((a, b) => a.page - b.page);
}

let loading: Promise<SearchIndex> | undefined;

/** The index of the site at `base`, loaded on first use. */
export function loadSearchIndex(base: string): Promise<SearchIndex> {
  loading ??= fetch(`${base}${metaPath()}`)
    .then((response) => {
      if (!response.ok) throw new Error(`search index: ${metaPath()} answered ${response.status}`);
      return response.json() as Promise<SearchMetaFile>;
    })
    .then((file) => new SearchIndex(base, { ...file, pages: pagesFromColumns(file.pages) }));
  loading.catch(() => (loading = undefined));
  return loading;
}
