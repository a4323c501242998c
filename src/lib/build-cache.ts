import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Work a build did, kept for the next build in a JSON file in the content cache folder: values keyed
 * by the hash of the text they were computed from. The file is dropped whole when `version` (the
 * code that computes the values) changes, and each save keeps only what this build asked for.
 */
export interface BuildCache<T> {
  get(text: string): T | undefined;
  set(text: string, value: T): void;
  save(): void;
}

interface CacheFile<T> {
  version: string;
  values: Record<string, T>;
}

/** A hash of texts, for keys and versions. */
export function hashOf(...texts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(text).update('\0');
  return hash.digest('base64url');
}

/** The project's locked dependency versions, as part of a cache version. */
export function lockfile(): string {
  const lock = path.resolve('package-lock.json');
  return fs.existsSync(lock) ? fs.readFileSync(lock, 'utf8') : '';
}

/** No file: nothing is kept. `replacer` may drop what the values need not keep on disk. */
export function openBuildCache<T>(file: string | undefined, version: string, replacer?: (key: string, value: unknown) => unknown): BuildCache<T> {
  if (!file) return { get: () => undefined, set: () => {}, save: () => {} };
  const previous = load<T>(file, version);
  const current: Record<string, T> = {};
  let added = 0;
  return {
    get(text) {
      const key = hashOf(text);
      const found = previous[key];
      if (found !== undefined) current[key] = found;
      return found;
    },
    set(text, value) {
      current[hashOf(text)] = value;
      added++;
    },
    save() {
      if (added === 0 && Object.keys(current).length === Object.keys(previous).length) return;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, JSON.stringify({ version, values: current } satisfies CacheFile<T>, replacer as never));
      fs.renameSync(temp, file);
    },
  };
}

function load<T>(file: string, version: string): Record<string, T> {
  try {
    const cached = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile<T>;
    return cached.version === version ? cached.values : {};
  } catch {
    return {}; // none yet, or unreadable: compute everything
  }
}
