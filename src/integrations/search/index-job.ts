import { readNoteHtml } from '../../corpus/note-html';
import { buildSearchIndex, type SourcePage } from './build-index';
import { openPassageCache } from './extract';
import { foldTable } from './folding';

/**
 * Everything the search index is made from, as plain data: it may cross to a worker thread
 * (index-thread.ts). A page's HTML is read from its file only when the page is indexed.
 */
export interface IndexJob {
  pages: IndexJobPage[];
  synonyms: string[][];
  /** Where a build keeps each note's passages for the next ('' keeps none). */
  passageCache: string;
}

export type IndexJobPage = Omit<SourcePage, 'html'> & ({ html: string } | { htmlFile: string; note: string });

/** Path under the site's root → content, `search-index.json` included. */
export type IndexFiles = Map<string, string>;

export function runIndexJob(job: IndexJob): IndexFiles {
  const cache = openPassageCache(job.passageCache);
  const { files } = buildSearchIndex(job.pages.map(sourcePage), { synonyms: job.synonyms, foldTable, passages: cache.passages });
  cache.save();
  return files;
}

function sourcePage(page: IndexJobPage): SourcePage {
  if ('html' in page) return page;
  const { htmlFile, note, ...rest } = page;
  // Read when the page is indexed, so the whole site's HTML is never in memory at once.
  return Object.defineProperty(rest, 'html', { get: () => readNoteHtml(htmlFile, note), enumerable: true }) as SourcePage;
}
