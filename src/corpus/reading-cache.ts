import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Heading } from 'mdast';
import { hashOf, lockfile, openBuildCache, type BuildCache } from '../lib/build-cache';
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

const CORPUS_DIR = path.dirname(fileURLToPath(import.meta.url));

/**
 * The reading of each note's body, kept between builds and keyed by the body, so a rebuild parses
 * only the notes that changed. The version is this folder's code and the locked dependencies.
 */
export function openReadingCache(file: string | undefined): BuildCache<BodyReading> {
  return openBuildCache<BodyReading>(file, file ? readerVersion() : '', withoutPositions);
}

/** Source positions of heading nodes are not needed for slugs; leaving them out halves the file. */
function withoutPositions(key: string, value: unknown): unknown {
  return key === 'position' ? undefined : value;
}

function readerVersion(): string {
  const sources = fs.readdirSync(CORPUS_DIR).filter((name) => name.endsWith('.ts')).sort();
  return hashOf(...sources.flatMap((name) => [name, fs.readFileSync(path.join(CORPUS_DIR, name))]), lockfile());
}
