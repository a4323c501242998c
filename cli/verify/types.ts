import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FenceMeta } from '../../src/integrations/code-blocks/fence-meta.ts';

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
  /** A fresh directory for this one snippet, removed afterwards. */
  workDir: string;
  /** Shared by every check of the run (generated certificates and the like). */
  runDir: string;
}

export interface Checker {
  /** The name in reports: `nginx`, `systemd`, `kafka-properties`. */
  tool: string;
  /** Executables the checker runs (installed by install.ts when missing). */
  requires: readonly string[];
  handles(snippet: Snippet): boolean;
  /** What the badge says, read from the tool itself: `nginx 1.22.1`. */
  version(): Promise<string>;
  check(snippet: Snippet, context: CheckContext): Promise<Outcome>;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a program without a shell; never throws for a non-zero exit (a missing program gives code 127). */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number; input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const limit = 4 * 1024 * 1024;
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < limit) stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < limit) stderr += chunk.toString('utf8');
    });
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, options.timeoutMs)
      : undefined;
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (timer) clearTimeout(timer);
      resolve({ code: error.code === 'ENOENT' ? 127 : 126, stdout, stderr: stderr + String(error.message), timedOut });
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
    child.stdin.on('error', () => {
      // The program may exit before reading its input.
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Where a program is on PATH, or undefined. */
export function which(command: string): string | undefined {
  if (command.includes('/')) return fs.existsSync(command) ? command : undefined;
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
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
