import fs from 'node:fs';
import { lastChangedDates } from './dates';
import { walk } from './files';
import { buildLinkGraph, type LinkGraph } from './graph';
import type { Corpus } from './model';
import type { NoteId } from './note-id';
import { readCorpus } from './read';

export interface CorpusOptions {
  notesDir: string;
  includeDrafts: boolean;
  /** In `astro dev` notes change while the process runs, so the corpus is re-read when they do. */
  watch: boolean;
  /** A build: the render reuses the trees the reading parsed (parsed-trees.ts). */
  leaveTreesForRender?: boolean;
  /** A build: each note's reading is kept here for the next build (reading-cache.ts). */
  readingCacheFile?: string | undefined;
}

/** What every consumer needs, computed once per build from one reading of the notes. */
export interface CorpusModel {
  corpus: Corpus;
  /** Who links to whom (drafts only when they are shown). */
  graph: LinkGraph;
  /** When each note last changed: its last commit, else `updated`, else `date`. */
  lastChanged: Map<NoteId, Date>;
}

// Astro loads the config (content check, sitemap) and the pages as separate module graphs in one
// process; a global slot lets them share one reading instead of each keeping its own.
const SLOT = Symbol.for('notes-kb.corpus-model');
type Slot = { key: string; model: CorpusModel } | undefined;
const store = globalThis as unknown as Record<typeof SLOT, Slot>;

/** The corpus model, read once per build (and again in dev when a note changes). */
export function corpusModel(options: CorpusOptions): CorpusModel {
  const key = `${options.notesDir}|${options.includeDrafts}|${options.watch ? signature(options.notesDir) : ''}`;
  const cached = store[SLOT];
  if (cached?.key === key) return cached.model;
  const corpus = readCorpus(options.notesDir, { leaveTreesForRender: options.leaveTreesForRender ?? false, cacheFile: options.readingCacheFile });
  const model = {
    corpus,
    graph: buildLinkGraph(corpus, { includeDrafts: options.includeDrafts, fileExists: fs.existsSync }),
    lastChanged: lastChangedDates(corpus),
  };
  store[SLOT] = { key, model };
  return model;
}

function signature(dir: string): string {
  return walk(dir).map((entry) => `${entry.path}:${entry.kind === 'file' ? fs.statSync(entry.path).mtimeMs : entry.kind}`).join('|');
}
