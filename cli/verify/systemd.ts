import fs from 'node:fs';
import path from 'node:path';
import { resolvedAbsolute, safeFileName } from './names.ts';
import type { Checker, CheckContext, Outcome, Problem, Snippet } from './types.ts';
import { clip, escapeRegExp } from './types.ts';

/**
 * systemd: `systemd-analyze verify` on the unit written under its own name (the fence `title`).
 * Programs in Exec*= lines are replaced by stubs so the check does not depend on what is
 * installed; every directive is still parsed, and any complaint about the file fails the block.
 */

const UNIT_TYPE = /\.(service|socket|target|timer|mount|automount|path|slice|scope|swap)$/;
const UNIT_NAME = /[\w@.:\\-]+\.(?:service|socket|target|timer|mount|automount|path|slice|scope|swap)/;

export interface UnitLayout {
  /** File name of the unit that gets verified. */
  unit: string;
  /** For a drop-in: the directory (`nginx.service.d`) and file name (`restart.conf`). */
  dropIn?: { dir: string; file: string };
}

/**
 * Where a snippet goes: a unit under its title, or a drop-in next to a minimal base unit. Names from
 * the note are reduced to file names; one that climbs out with `..` is refused.
 */
export function unitLayout(snippet: Snippet): UnitLayout | { error: string } {
  const titled = snippet.meta.title === undefined ? undefined : safeFileName(snippet.meta.title, 'title');
  if (titled && 'error' in titled) return titled;
  const title = titled?.name;
  if (title && UNIT_TYPE.test(title)) return { unit: title };
  if (title?.endsWith('.conf')) {
    // The base unit: `unit=` in the fence meta, else a `…/<unit>.d/` path in the snippet's comments.
    const declared = snippet.meta.attributes['unit'];
    const named = declared ?? new RegExp(`(${UNIT_NAME.source})\\.d/`).exec(snippet.code)?.[1];
    const base = named === undefined ? { name: 'example.service' } : safeFileName(named, 'unit');
    if ('error' in base) return base;
    if (!UNIT_TYPE.test(base.name)) return { error: `unit="${named}" is not a unit file name (name.service, name.socket, …)` };
    // An instance drop-in (`x@3.service.d`) is checked as a template drop-in: same directives.
    const unit = base.name.replace(/@[^.]+(\.[a-z]+)$/, '@$1');
    return { unit, dropIn: { dir: `${unit}.d`, file: title } };
  }
  const sections = new Set([...snippet.code.matchAll(/^\s*\[([A-Za-z]+)\]/gm)].map((m) => m[1]!.toLowerCase()));
  for (const type of ['service', 'socket', 'timer', 'path', 'mount', 'swap', 'slice']) {
    if (sections.has(type)) return { unit: `snippet.${type}` };
  }
  return { unit: 'snippet.target' };
}

const EXEC = /^(\s*Exec(?:Start|StartPre|StartPost|Stop|StopPost|Reload|Condition)\s*=\s*)([-@:+!|]*)(\/[^\s;]+)/;

/** Points every Exec*= program at an executable stub under `stubRoot` (never outside it), line for line. */
export function stubExecutables(code: string, stubRoot: string): { code: string; stubs: string[] } {
  const stubs = new Set<string>();
  const out = code.split('\n').map((line) => {
    const match = EXEC.exec(line);
    if (!match) return line;
    const program = resolvedAbsolute(match[3]!);
    stubs.add(program);
    return `${match[1]}${match[2]}${path.join(stubRoot, program)}${line.slice(match[0].length)}`;
  });
  return { code: out.join('\n'), stubs: [...stubs] };
}

function minimalBase(unit: string, stub: string): string {
  const type = UNIT_TYPE.exec(unit)?.[1] ?? 'target';
  const body: Record<string, string> = {
    service: `[Service]\nExecStart=${stub}\n`,
    socket: '[Socket]\nListenStream=127.0.0.1:9\n',
    timer: '[Timer]\nOnCalendar=daily\n',
    path: '[Path]\nPathExists=/tmp\n',
  };
  return `[Unit]\nDescription=Minimal base unit for checking a drop-in\n\n${body[type] ?? ''}`;
}

interface UnitFiles {
  /** The unit systemd-analyze verifies. */
  unitFile: string;
  /** The file holding the snippet (the unit itself, or its drop-in). */
  snippetFile: string;
  stubRoot: string;
  notes: string[];
}

/** Writes the unit (or base unit and drop-in) and the stubs for its programs, all inside `workDir`. */
function writeUnitFiles(snippet: Snippet, layout: UnitLayout, workDir: string): UnitFiles {
  const unitsDir = path.join(workDir, 'units');
  const stubRoot = path.join(workDir, 'stubs');
  fs.mkdirSync(unitsDir, { recursive: true });
  const { code, stubs } = stubExecutables(snippet.code, stubRoot);
  for (const program of [...stubs, '/bin/true']) {
    const stub = path.join(stubRoot, program);
    fs.mkdirSync(path.dirname(stub), { recursive: true });
    fs.writeFileSync(stub, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  }
  const notes: string[] = [];
  if (stubs.length > 0) notes.push(`programs stubbed for the check: ${stubs.join(', ')}`);
  const unitFile = path.join(unitsDir, layout.unit);
  let snippetFile = unitFile;
  if (layout.dropIn) {
    fs.writeFileSync(unitFile, minimalBase(layout.unit, path.join(stubRoot, 'bin', 'true')));
    fs.mkdirSync(path.join(unitsDir, layout.dropIn.dir), { recursive: true });
    snippetFile = path.join(unitsDir, layout.dropIn.dir, layout.dropIn.file);
    notes.push(`drop-in checked on a minimal ${layout.unit}`);
  }
  fs.writeFileSync(snippetFile, `${code}\n`);
  return { unitFile, snippetFile, stubRoot, notes };
}

/** Every line of systemd-analyze's output about our files, at the snippet's lines. */
function verifyProblems(output: string, snippet: Snippet, layout: UnitLayout, files: UnitFiles, workDir: string): Problem[] {
  const stem = layout.unit.replace(UNIT_TYPE, '');
  const relevant = new RegExp(`${escapeRegExp(workDir)}|^${escapeRegExp(stem)}`);
  const codeLines = snippet.code.split('\n').length;
  const problems: Problem[] = [];
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    if (!line || !relevant.test(line)) continue;
    const at = /^(\/\S+?):(\d+): /.exec(line);
    const inSnippet = at?.[1] === files.snippetFile;
    const codeLine = inSnippet ? Math.min(Number(at![2]), codeLines) : 0;
    const message = line.replace(/^\/\S+?:\d+: /, '').replaceAll(files.stubRoot, '');
    problems.push({ line: snippet.line + codeLine, message: at && !inSnippet ? `${path.basename(at[1]!)}: ${message}` : message });
  }
  return problems;
}

export const systemdChecker: Checker = {
  tool: 'systemd',
  requires: ['systemd-analyze'],
  handles: (snippet) =>
    snippet.lang === 'systemd' ||
    (snippet.lang === 'ini' &&
      (UNIT_TYPE.test(snippet.meta.title ?? '') || /^\s*\[(Unit|Service|Install|Socket|Timer)\]/m.test(snippet.code))),
  async version(run) {
    const result = await run('systemd-analyze', ['--version'], { timeoutMs: 30_000, needsSandbox: false });
    const match = /systemd (\d+)/.exec(result.stdout);
    return `systemd ${match?.[1] ?? 'unknown'}`;
  },
  async check(snippet: Snippet, context: CheckContext): Promise<Outcome> {
    const layout = unitLayout(snippet);
    if ('error' in layout) return { status: 'failed', problems: [{ line: snippet.line, message: layout.error }], notes: [] };
    const files = writeUnitFiles(snippet, layout, context.workDir);
    // It reads the files a unit names (`.include`, drop-in folders): the sandbox decides what it can see.
    const result = await context.run('systemd-analyze', ['verify', '--man=no', '--recursive-errors=no', files.unitFile], {
      workDir: context.workDir,
      timeoutMs: 60_000,
      env: { SYSTEMD_LOG_COLOR: '0', SYSTEMD_PAGER: '', LC_ALL: 'C' },
      needsSandbox: true,
    });
    const output = `${result.stderr}\n${result.stdout}`;
    const problems = verifyProblems(output, snippet, layout, files, context.workDir);
    if (problems.length === 0 && (result.code !== 0 || result.timedOut)) {
      problems.push({ line: snippet.line, message: clip(output.trim() || `systemd-analyze exited with ${result.code}`) });
    }
    return problems.length > 0 ? { status: 'failed', problems, notes: files.notes } : { status: 'passed', notes: files.notes };
  },
};
