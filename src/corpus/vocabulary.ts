import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { contentDir, displayPath } from './content-dir';

/** Tag ids compare case-insensitively after trimming, so `Kafka ` and `kafka` are one tag. */
export function normalizeTagId(id: string): string {
  return id.trim().toLowerCase();
}

/** Reads the id field of every entry of a vocabulary file, so the note schema can check against it. */
export function readVocabularyIds(fileName: string, dir = contentDir()): Set<string> {
  const file = path.join(dir, fileName);
  let entries: unknown;
  try {
    entries = parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${displayPath(file)}: cannot read vocabulary (${(error as Error).message})`);
  }
  if (!Array.isArray(entries)) {
    throw new Error(`${displayPath(file)}: expected a list of entries with an id`);
  }
  return new Set(entries.map((entry: { id?: unknown }) => normalizeTagId(String(entry.id ?? ''))));
}
