/**
 * Hands every fenced block of every note to the checker for its language, each in a fresh temp
 * folder, every program in the sandbox (sandbox.ts), and collects one result per block.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCorpus } from '../../src/corpus/read.ts';
import { parseFenceMeta } from '../../src/integrations/code-blocks/fence-meta.ts';
import { snippetHash } from '../../src/integrations/code-blocks/verified.ts';
import { jsonChecker, yamlChecker } from './data-formats.ts';
import { mermaidChecker } from './mermaid.ts';
import { ensureTools, SANDBOX_PROGRAMS } from './install.ts';
import { javaChecker } from './java.ts';
import { kafkaPropertiesChecker } from './kafka-properties.ts';
import { nginxChecker } from './nginx.ts';
import { writeVerified } from './report.ts';
import { createRunner, NotRunError, type Runner } from './runner.ts';
import { probeSandbox, type SandboxStatus } from './sandbox.ts';
import { consoleChecker, shellScriptChecker } from './shell.ts';
import { iniChecker, supervisordChecker } from './supervisord.ts';
import { systemdChecker } from './systemd.ts';
import type { Checker, Outcome, Problem, Snippet } from './types.ts';
import { makeTempDir } from './types.ts';

/** First match wins: the specific `ini` readers come before the generic one. */
export const CHECKERS: readonly Checker[] = [
  supervisordChecker,
  systemdChecker,
  iniChecker,
  nginxChecker,
  javaChecker,
  shellScriptChecker,
  consoleChecker,
  kafkaPropertiesChecker,
  yamlChecker,
  jsonChecker,
  mermaidChecker,
];

/** Every fenced block of every note (drafts included), in file and line order. */
export function extractSnippets(notesDir: string): Snippet[] {
  const corpus = readCorpus(notesDir);
  const snippets: Snippet[] = [];
  for (const note of [...corpus.notes.values()].sort((a, b) => a.file.localeCompare(b.file))) {
    const noteText = fs.readFileSync(note.file, 'utf8');
    for (const fence of note.fences) {
      snippets.push({
        file: note.file,
        line: fence.line,
        lang: (fence.lang ?? '').toLowerCase(),
        rawLang: fence.lang ?? '',
        meta: parseFenceMeta(fence.meta),
        code: fence.code,
        noteText,
      });
    }
  }
  return snippets;
}

export function checkerFor(snippet: Snippet): Checker | undefined {
  return CHECKERS.find((checker) => checker.handles(snippet));
}

export type Status = 'passed' | 'failed' | 'skipped' | 'n/a';

export interface BlockResult {
  file: string;
  /** Line of the opening fence. */
  line: number;
  lang: string;
  /** The checker's name, or `none` for languages nothing checks. */
  tool: string;
  status: Status;
  problems: Problem[];
  /** What was adjusted to run the check here (stubbed programs, loopback hosts…). */
  notes: string[];
  /** Why a block was skipped (or not run) or is not applicable. */
  reason?: string;
  /** For passed blocks: what the badge names (`nginx 1.22.1`). */
  verifiedWith?: string;
  hash: string;
}

export interface VerifyOptions {
  notesDir: string;
  /** Where to write the hash → tool map of passed blocks; nothing is written without it. */
  reportFile?: string | undefined;
  /** Install missing tools with apt-get when root (default true). */
  install?: boolean;
  concurrency?: number;
  /** How long a program from a note (java run=) may run before it and every process it started are killed. */
  runTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface VerifyReport {
  results: BlockResult[];
  /** Tool → version string read from the tool. */
  versions: Record<string, string>;
  failed: number;
  sandbox: SandboxStatus;
}

interface Job {
  snippet: Snippet;
  checker: Checker;
  result: BlockResult;
}

/** What `verify=` asks for: undefined (check), a skip with its reason, or a mistake in the meta. */
function skipRequest(snippet: Snippet): { skip: false } | { skip: true; reason: string } | { error: string } {
  const verify = snippet.meta.attributes['verify'];
  if (verify === undefined) return { skip: false };
  if (verify !== 'skip') return { error: `verify=${verify} is not understood (only verify=skip reason="…")` };
  const reason = snippet.meta.attributes['reason']?.trim();
  if (!reason) return { error: 'verify=skip needs reason="…": say why this block cannot be checked' };
  return { skip: true, reason };
}

/** One result per block; the blocks a checker will look at become jobs. */
function classify(snippets: readonly Snippet[]): { results: BlockResult[]; jobs: Job[] } {
  const results: BlockResult[] = [];
  const jobs: Job[] = [];
  for (const snippet of snippets) {
    const checker = checkerFor(snippet);
    const result: BlockResult = {
      file: snippet.file,
      line: snippet.line,
      lang: snippet.lang,
      tool: checker?.tool ?? 'none',
      status: 'n/a',
      problems: [],
      notes: [],
      hash: snippetHash(snippet.rawLang, snippet.code),
    };
    results.push(result);
    const request = skipRequest(snippet);
    if ('error' in request) {
      result.status = 'failed';
      result.problems.push({ line: snippet.line, message: request.error });
    } else if (request.skip) {
      result.status = 'skipped';
      result.reason = request.reason;
    } else if (!checker) {
      result.reason = snippet.lang ? `nothing checks ${snippet.lang} blocks` : 'no language';
    } else {
      jobs.push({ snippet, checker, result });
    }
  }
  return { results, jobs };
}

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, worker));
}

function record(result: BlockResult, outcome: Outcome, fallbackLabel: string): void {
  if (outcome.status === 'n/a') {
    result.reason = outcome.reason;
    return;
  }
  result.status = outcome.status;
  result.notes = outcome.notes;
  if (outcome.status === 'failed') result.problems.push(...outcome.problems);
  else result.verifiedWith = outcome.label ?? fallbackLabel;
}

interface RunContext {
  runDir: string;
  run: Runner;
  runTimeoutMs: number;
  missing: Map<string, string>;
  versions: Record<string, string>;
}

async function checkJob({ snippet, checker, result }: Job, run: RunContext): Promise<void> {
  const absent = checker.requires.filter((command) => run.missing.has(command));
  if (absent.length > 0) {
    result.status = 'failed';
    const names = absent.map((command) => `${command} (Debian package ${run.missing.get(command)})`);
    result.problems.push({ line: snippet.line, message: `cannot check: ${names.join(', ')} not installed` });
    return;
  }
  const workDir = fs.mkdtempSync(path.join(run.runDir, `${checker.tool}-`));
  try {
    const outcome = await checker.check(snippet, { workDir, runDir: run.runDir, run: run.run, runTimeoutMs: run.runTimeoutMs });
    record(result, outcome, run.versions[checker.tool] ?? checker.tool);
  } catch (error) {
    if (error instanceof NotRunError) {
      result.status = 'skipped';
      result.reason = error.message;
    } else {
      result.status = 'failed';
      result.problems.push({ line: snippet.line, message: `checker crashed: ${String(error)}` });
    }
  }
}

export function sandboxLine(status: SandboxStatus): string {
  return status.active
    ? `Sandbox: active (${status.summary}).`
    : `Sandbox: NONE (${status.reason}). Code is not run: java run= blocks, nginx, systemd and supervisord checks are reported as not run; syntax-only checks (javac, bash -n, ShellCheck, configparser, YAML, JSON, Kafka keys) still run.`;
}

export async function verifySnippets(options: VerifyOptions): Promise<VerifyReport> {
  const log = options.log ?? ((line: string) => console.error(line));
  const { results, jobs } = classify(extractSnippets(options.notesDir));
  const used = [...new Set(jobs.map(({ checker }) => checker))];
  const missing = ensureTools([...SANDBOX_PROGRAMS, ...used.flatMap((checker) => checker.requires)], { install: options.install ?? true, log });
  const sandbox = await probeSandbox();
  log(sandboxLine(sandbox));
  const run = createRunner(sandbox);
  const versions: Record<string, string> = {};
  const ready = used.filter((checker) => checker.requires.every((command) => !missing.has(command)));
  await Promise.all(ready.map(async (checker) => (versions[checker.tool] = await checker.version(run))));
  const runDir = makeTempDir('verify-snippets-');
  // Each check's folder inside is the sandbox user's; it must be able to reach it, not list the others.
  fs.chmodSync(runDir, 0o711);
  const context: RunContext = { runDir, run, runTimeoutMs: options.runTimeoutMs ?? 60_000, missing, versions };
  try {
    await pool(jobs, options.concurrency ?? Math.min(4, os.availableParallelism()), (job) => checkJob(job, context));
  } finally {
    if (!process.env['VERIFY_SNIPPETS_KEEP']) fs.rmSync(runDir, { recursive: true, force: true });
  }
  if (options.reportFile) writeVerified(options.reportFile, results);
  return { results, versions, failed: results.filter((result) => result.status === 'failed').length, sandbox };
}
