import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FenceMeta } from '../../src/integrations/code-blocks/fence-meta.ts';
import type { Runner } from './runner.ts';

/** One fenced block of one note, as the checkers see it. */
export interface Snippet {
  /** Absolute path of the note. */
  file: string;
  /** Line of the opening fence (the code starts on the next line). */
  line: number;
  /** The language as written, lowercased (`nginx`, `shellscript`). */
  lang: string;
  /** The language exactly as written: the rendered page hashes this one. */
  rawLang: string;
  meta: FenceMeta;
  code: string;
  /** The whole note (front matter included): some checks depend on what the note is about. */
  noteText: string;
}

/** Something wrong in a snippet, at a line of the note file. */
export interface Problem {
  line: number;
  message: string;
}

export type Outcome =
  /** `label`: what the badge names when it is more precise than the tool's version (`Kafka 3.9 config reference`). */
  | { status: 'passed'; notes: string[]; label?: string }
  | { status: 'failed'; problems: Problem[]; notes: string[] }
  | { status: 'n/a'; reason: string };

export interface CheckContext {
  /** A fresh directory for this one snippet, removed afterwards: the only one its programs may write. */
  workDir: string;
  /** Shared by every check of the run (generated certificates and the like); the sandbox does not see it. */
  runDir: string;
  /**
   * Runs a program in the sandbox (see runner.ts). Write every file the check needs into `workDir`
   * before the first call: from then on the folder belongs to the sandbox's user.
   */
  run: Runner;
  /** How long a program from a note (java run=) may run. */
  runTimeoutMs: number;
}

export interface Checker {
  /** The name in reports: `nginx`, `systemd`, `kafka-properties`. */
  tool: string;
  /** Executables the checker runs (installed by install.ts when missing). */
  requires: readonly string[];
  handles(snippet: Snippet): boolean;
  /** What the badge says, read from the tool itself: `nginx 1.22.1`. */
  version(run: Runner): Promise<string>;
  check(snippet: Snippet, context: CheckContext): Promise<Outcome>;
}

export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The code's first line is the line after the opening fence. */
export function noteLine(snippet: Snippet, codeLine: number): number {
  return snippet.line + codeLine;
}

/** Output trimmed to what a reader needs: at most `max` lines, the first ones (or the last ones). */
export function clip(text: string, max = 12, keep: 'start' | 'end' = 'start'): string {
  const all = text.replace(/\s+$/, '').split('\n');
  if (all.length <= max) return all.join('\n');
  const more = `… (${all.length - max} more lines)`;
  return keep === 'start' ? [...all.slice(0, max), more].join('\n') : [more, ...all.slice(-max)].join('\n');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
