import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Heading } from 'mdast';
import type { CorpusFence, CorpusHtml, CorpusLink } from './model';

/** What reading a note's body yields (read.ts): everything but the front matter. */
export interface BodyReading {
  links: CorpusLink[];
  fences: CorpusFence[];
  html: CorpusHtml[];
  excerpt: string;
  /** Headings in document order and footnote ids in first-reference order: the slugs are made from
   * them once every note's title is known, since a heading may show another note's title. */
  headings: Heading[];
  footnoteOrder: string[];
  footnoteDefinitions: string[];
}

export interface ReadingCache {
  get(body: string): BodyReading | undefined;
  set(body: string, reading: BodyReading): void;
  /** Writes the readings of this build (and only those) for the next one. */
  save(): void;
}

interface CacheFile {
  version: string;
  readings: Record<string, BodyReading>;
}

const CORPUS_DIR = path.dirname(fileURLToPath(import.meta.url));

/**
 * The reading of each note's body, kept between builds in the content cache folder and keyed by
 * the body's hash, so a rebuild parses only the notes that changed. It is dropped whole when the
 * code that reads (this folder) or the locked dependencies change.
 */
export function openReadingCache(file: string | undefined): ReadingCache {
  if (!file) return { get: () => undefined, set: () => {}, save: () => {} };
  const version = readerVersion();
  const previous = load(file, version);
  const current: Record<string, BodyReading> = {};
  let changed = false;
  const key = (body: string) => createHash('sha256').update(body).digest('base64url');
  return {
    get(body) {
      const hash = key(body);
      const found = previous[hash];
      if (found) current[hash] = found;
      return found;
    },
    set(body, reading) {
      current[key(body)] = reading;
      changed = true;
    },
    save() {
      if (!changed && Object.keys(current).length === Object.keys(previous).length) return;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, JSON.stringify({ version, readings: current } satisfies CacheFile, withoutPositions));
      fs.renameSync(temp, file);
    },
  };
}

function load(file: string, version: string): Record<string, BodyReading> {
  try {
    const cached = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
    return cached.version === version ? cached.readings : {};
  } catch {
    return {}; // none yet, or unreadable: read every note
  }
}

/** Source positions of heading nodes are not needed for slugs; leaving them out halves the file. */
function withoutPositions(key: string, value: unknown): unknown {
  return key === 'position' ? undefined : value;
}

function readerVersion(): string {
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(CORPUS_DIR).sort()) {
    if (name.endsWith('.ts')) hash.update(name).update(fs.readFileSync(path.join(CORPUS_DIR, name)));
  }
  const lock = path.resolve(CORPUS_DIR, '..', '..', 'package-lock.json');
  if (fs.existsSync(lock)) hash.update(fs.readFileSync(lock));
  return hash.digest('base64url');
}
