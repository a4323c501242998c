/**
 * `npm run verify:snippets [-- --notes <dir>] [--report <file> | --no-report] [--no-install] [--timeout <s>]`
 *
 * Every fenced block of every note is handed to the checker for its language: nginx blocks to
 * `nginx -t`, systemd units to `systemd-analyze verify`, supervisord configs to supervisor's parser,
 * Java to `javac` + `java`, scripts to `bash -n` + ShellCheck, terminal sessions to `bash -n`, Kafka
 * properties to the Kafka config reference, YAML/JSON to their parsers; every program runs in a
 * sandbox (sandbox.ts). All failures are listed at once as `file:line  tool  message`; the exit code
 * is 1 when any block fails. Blocks that pass are written to src/generated/verified-snippets.json,
 * which the site reads to show a "verified" badge on the block.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../../src/corpus/content-dir.ts';
import { formatReport, shownPath } from './report.ts';
import { verifySnippets } from './verify.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DEFAULT_REPORT = path.join(REPO_ROOT, 'src', 'generated', 'verified-snippets.json');

interface Arguments {
  notesDir: string;
  reportFile: string | undefined;
  install: boolean;
  runTimeoutMs: number;
}

export function parseArguments(argv: readonly string[]): Arguments {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      notes: { type: 'string' },
      report: { type: 'string' },
      'no-report': { type: 'boolean', default: false },
      'no-install': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '60' },
    },
    strict: true,
    allowPositionals: false,
  });
  const defaultNotes = path.join(contentDir(), 'notes');
  const notesDir = values.notes === undefined ? defaultNotes : path.resolve(values.notes);
  const seconds = Number(values.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`--timeout ${values.timeout}: give a number of seconds`);
  if (values.report !== undefined && values['no-report']) throw new Error('--report and --no-report exclude each other');
  // The site's badge file describes the site's notes only.
  const reportFile = values['no-report'] ? undefined : values.report !== undefined ? path.resolve(values.report) : notesDir === defaultNotes ? DEFAULT_REPORT : undefined;
  return { notesDir, reportFile, install: !values['no-install'], runTimeoutMs: seconds * 1000 };
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const started = Date.now();
  const report = await verifySnippets(args);
  console.log(formatReport(report));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`(${report.results.length} blocks in ${shownPath(args.notesDir)}, ${seconds}s${args.reportFile ? `; wrote ${shownPath(args.reportFile)}` : ''})`);
  process.exitCode = report.failed > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  });
}
