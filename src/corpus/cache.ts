import fs from 'node:fs';
import type { Corpus } from './model';
import { readCorpus } from './read';

export interface CorpusOptions {
  notesDir: string;
  includeDrafts: boolean;
  /** In `astro dev` notes change while the process runs, so the corpus is re-read when they do. */
  watch: boolean;
}

let cached: { key: string; corpus: Corpus } | undefined;

/** The corpus, read once per build (and again in dev when a note changes). */
export function cachedCorpus(options: CorpusOptions): Corpus {
  const key = options.watch ? signature(options.notesDir) : options.notesDir;
  if (cached?.key !== key) cached = { key, corpus: readCorpus(options.notesDir) };
  return cached.corpus;
}

function signature(dir: string): string {
  if (!fs.existsSync(dir)) return dir;
  const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return entries.map((e) => `${e.parentPath}/${e.name}:${fs.statSync(`${e.parentPath}/${e.name}`).mtimeMs}`).join('|');
}
