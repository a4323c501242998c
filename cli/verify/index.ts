/**
 * `npm run verify:snippets [-- --notes <dir>] [--report <file> | --no-report] [--no-install]`
 *
 * Every fenced block of every note is handed to the checker for its language: nginx blocks to
 * `nginx -t`, systemd units to `systemd-analyze verify`, supervisord configs to supervisor's parser,
 * Java to `javac` + `java`, scripts to `bash -n` + ShellCheck, terminal sessions to `bash -n`, Kafka
 * properties to the Kafka config reference, YAML/JSON to their parsers. All failures are listed at
 * once as `file:line  tool  message`; the exit code is 1 when any block fails. Blocks that pass are
 * written to src/generated/verified-snippets.json (sha256 of `lang + "\n" + code` → tool and version),
 * which the site reads to show a "verified" badge on the block.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentDir } from '../../src/corpus/content-dir.ts';
import { readCorpus } from '../../src/corpus/read.ts';
import { parseFenceMeta } from '../../src/integrations/code-blocks/fence-meta.ts';
import { jsonChecker, yamlChecker } from './data-formats.ts';
import { ensureTools } from './install.ts';
import { javaChecker } from './java.ts';
import { kafkaPropertiesChecker } from './kafka-properties.ts';
import { mermaidChecker } from './mermaid.ts';
import { nginxChecker } from './nginx.ts';
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

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DEFAULT_REPORT = path.join(REPO_ROOT, 'src', 'generated', 'verified-snippets.json');

/** The key of a block in the report: what the page's highlighter sees as language and source. */
export function snippetHash(lang: string, code: string): string {
  return createHash('sha256').update(`${lang}\n${code}`).digest('hex');
}

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
  /** Why a block was skipped or not applicable. */
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
  log?: (line: string) => void;
}

export interface VerifyReport {
  results: BlockResult[];
  /** Tool → version string read from the tool. */
  versions: Record<string, string>;
  failed: number;
}

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, worker));
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

export async function verifySnippets(options: VerifyOptions): Promise<VerifyReport> {
  const log = options.log ?? ((line: string) => console.error(line));
  const snippets = extractSnippets(options.notesDir);
  const results: BlockResult[] = [];
  const toCheck: { snippet: Snippet; checker: Checker; result: BlockResult }[] = [];
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
      toCheck.push({ snippet, checker, result });
    }
  }

  const used = [...new Set(toCheck.map(({ checker }) => checker))];
  const missing = ensureTools(
    used.flatMap((checker) => checker.requires),
    { install: options.install ?? true, log },
  );
  const versions: Record<string, string> = {};
  await Promise.all(
    used
      .filter((checker) => checker.requires.every((command) => !missing.has(command)))
      .map(async (checker) => {
        versions[checker.tool] = await checker.version();
      }),
  );

  const runDir = makeTempDir('verify-snippets-');
  try {
    await pool(toCheck, options.concurrency ?? Math.min(4, os.availableParallelism()), async ({ snippet, checker, result }) => {
      const absent = checker.requires.filter((command) => missing.has(command));
      if (absent.length > 0) {
        result.status = 'failed';
        result.problems.push({
          line: snippet.line,
          message: `cannot check: ${absent.map((command) => `${command} (Debian package ${missing.get(command)})`).join(', ')} not installed`,
        });
        return;
      }
      const workDir = fs.mkdtempSync(path.join(runDir, `${checker.tool}-`));
      let outcome: Outcome;
      try {
        outcome = await checker.check(snippet, { workDir, runDir });
      } catch (error) {
        outcome = { status: 'failed', problems: [{ line: snippet.line, message: `checker crashed: ${String(error)}` }], notes: [] };
      }
      if (outcome.status === 'n/a') {
        result.reason = outcome.reason;
        return;
      }
      result.status = outcome.status;
      result.notes = outcome.notes;
      if (outcome.status === 'failed') result.problems.push(...outcome.problems);
      else result.verifiedWith = outcome.label ?? versions[checker.tool] ?? checker.tool;
    });
  } finally {
    if (!process.env['VERIFY_SNIPPETS_KEEP']) fs.rmSync(runDir, { recursive: true, force: true });
  }

  if (options.reportFile) writeVerified(options.reportFile, results);
  return { results, versions, failed: results.filter((result) => result.status === 'failed').length };
}

/** sha256 → `{ tool }` for every block that passed, sorted for stable diffs. */
export function writeVerified(file: string, results: readonly BlockResult[]): void {
  const verified: Record<string, { tool: string }> = {};
  for (const result of [...results].sort((a, b) => a.hash.localeCompare(b.hash))) {
    if (result.status === 'passed' && result.verifiedWith) verified[result.hash] = { tool: result.verifiedWith };
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(verified, null, 2)}\n`);
}

/** A path as the reader types it: relative to the working directory when inside it. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

/** Failures (`file:line  tool  message`), adjustments, skips, and counts per tool. */
export function formatReport(report: VerifyReport): string {
  const out: string[] = [];
  const failures = report.results.flatMap((result) =>
    result.problems.map((problem) => ({ result, problem })),
  );
  if (failures.length > 0) {
    out.push(`Failed (${report.failed} block${report.failed === 1 ? '' : 's'}):`);
    for (const { result, problem } of failures) {
      const [first, ...rest] = problem.message.split('\n');
      out.push(`  ✗ ${shownPath(result.file)}:${problem.line}  ${result.tool}  ${first}`);
      for (const line of rest) out.push(`      ${line}`);
    }
    out.push('');
  }
  const adjusted = report.results.filter((result) => result.notes.length > 0);
  if (adjusted.length > 0) {
    out.push('Adjusted for the check (the notes themselves are unchanged):');
    for (const result of adjusted) {
      out.push(`  · ${shownPath(result.file)}:${result.line}  ${result.tool}  ${result.notes.join('; ')}`);
    }
    out.push('');
  }
  const skipped = report.results.filter((result) => result.status === 'skipped');
  if (skipped.length > 0) {
    out.push('Skipped:');
    for (const result of skipped) out.push(`  - ${shownPath(result.file)}:${result.line}  ${result.tool}  ${result.reason}`);
    out.push('');
  }
  const tools = [...new Set(report.results.map((result) => result.tool))].sort((a, b) =>
    a === 'none' ? 1 : b === 'none' ? -1 : a.localeCompare(b),
  );
  const rows = tools.map((tool) => {
    const mine = report.results.filter((result) => result.tool === tool);
    const count = (status: Status) => mine.filter((result) => result.status === status).length;
    const na = mine.filter((result) => result.status === 'n/a');
    const version = tool === 'none' ? `(${[...new Set(na.map((result) => result.lang || '—'))].join(', ')})` : (report.versions[tool] ?? '');
    return [tool, version, count('passed') + count('failed'), count('passed'), count('failed'), count('skipped'), na.length] as const;
  });
  const total = [2, 3, 4, 5, 6].map((column) => rows.reduce((sum, row) => sum + (row[column] as number), 0));
  const header = ['tool', 'version', 'checked', 'passed', 'failed', 'skipped', 'n/a'];
  const table = [header, ...rows.map((row) => row.map(String)), ['total', '', ...total.map(String)]];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  out.push('Summary:');
  for (const row of table) {
    out.push(`  ${row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')}`);
  }
  out.push('');
  out.push(report.failed > 0 ? `${report.failed} block${report.failed === 1 ? '' : 's'} failed.` : 'All checked blocks pass.');
  return out.join('\n');
}

function parseArgs(argv: readonly string[]): { notesDir: string; reportFile: string | undefined; install: boolean } {
  const defaultNotes = path.join(contentDir(), 'notes');
  let notesDir = defaultNotes;
  let reportFile: string | null | undefined;
  let install = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--notes') notesDir = path.resolve(value());
    else if (arg.startsWith('--notes=')) notesDir = path.resolve(arg.slice('--notes='.length));
    else if (arg === '--report') reportFile = path.resolve(value());
    else if (arg.startsWith('--report=')) reportFile = path.resolve(arg.slice('--report='.length));
    else if (arg === '--no-report') reportFile = null;
    else if (arg === '--no-install') install = false;
    else throw new Error(`unknown argument ${arg}`);
  }
  // The site's badge file describes the site's notes only.
  if (reportFile === undefined) reportFile = notesDir === defaultNotes ? DEFAULT_REPORT : null;
  return { notesDir, reportFile: reportFile ?? undefined, install };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const report = await verifySnippets(args);
  console.log(formatReport(report));
  console.log(`(${report.results.length} blocks in ${shownPath(args.notesDir)}, ${((Date.now() - started) / 1000).toFixed(1)}s${args.reportFile ? `; wrote ${shownPath(args.reportFile)}` : ''})`);
  process.exitCode = report.failed > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  });
}
