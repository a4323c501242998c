/** What the verifier prints and writes: the failures and counts, and the badge file for the site. */
import fs from 'node:fs';
import path from 'node:path';
import type { VerifiedSnippets } from '../../src/integrations/code-blocks/verified.ts';
import type { BlockResult, Status, VerifyReport } from './verify.ts';
import { sandboxLine } from './verify.ts';

/** sha256 → `{ tool }` for every block that passed, sorted for stable diffs. */
export function writeVerified(file: string, results: readonly BlockResult[]): void {
  const verified: VerifiedSnippets = {};
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

function failures(report: VerifyReport): string[] {
  const out: string[] = [];
  for (const result of report.results) {
    for (const problem of result.problems) {
      const [first, ...rest] = problem.message.split('\n');
      out.push(`  ✗ ${shownPath(result.file)}:${problem.line}  ${result.tool}  ${first}`);
      for (const line of rest) out.push(`      ${line}`);
    }
  }
  return out.length === 0 ? [] : [`Failed (${report.failed} block${report.failed === 1 ? '' : 's'}):`, ...out, ''];
}

function adjusted(report: VerifyReport): string[] {
  const changed = report.results.filter((result) => result.notes.length > 0);
  if (changed.length === 0) return [];
  return [
    'Adjusted for the check (the notes themselves are unchanged):',
    ...changed.map((result) => `  · ${shownPath(result.file)}:${result.line}  ${result.tool}  ${result.notes.join('; ')}`),
    '',
  ];
}

function skipped(report: VerifyReport): string[] {
  const skips = report.results.filter((result) => result.status === 'skipped');
  if (skips.length === 0) return [];
  return ['Skipped:', ...skips.map((result) => `  - ${shownPath(result.file)}:${result.line}  ${result.tool}  ${result.reason}`), ''];
}

/** Counts per tool: checked / passed / failed / skipped / n/a, with each tool's version. */
function summary(report: VerifyReport): string[] {
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
  return ['Summary:', ...table.map((row) => `  ${row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')}`)];
}

/** The sandbox line, failures (`file:line  tool  message`), adjustments, skips, and counts per tool. */
export function formatReport(report: VerifyReport): string {
  const verdict = report.failed > 0 ? `${report.failed} block${report.failed === 1 ? '' : 's'} failed.` : 'All checked blocks pass.';
  return [sandboxLine(report.sandbox), '', ...failures(report), ...adjusted(report), ...skipped(report), ...summary(report), '', verdict].join('\n');
}
