import fs from 'node:fs';
import path from 'node:path';
import { safeFileName } from './names.ts';
import type { Checker, CheckContext, Outcome, Problem, Snippet } from './types.ts';
import { clip } from './types.ts';

/**
 * java: a complete class is compiled with `javac` and run with the fence's `run="flags"`. With
 * `expect="…"` the program's output must contain that text (an OOM demo is expected to die);
 * without it, the program must exit 0. A block of JVM flags only is run as `java <flags> -version`.
 */

/** Splits `-Xmx16m "-Dname=a b"` the way a shell would (quotes, no expansion). */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) args.push(match[1] ?? match[2] ?? match[3] ?? '');
  return args;
}

/** The class to run: the public top-level type, else the first type, else the title's name. */
export function mainClass(code: string, title: string | undefined): { name: string; pkg: string | undefined } | { error: string } | undefined {
  if (!/\b(?:class|record|enum|interface)\s+\w+/.test(code)) return undefined;
  const pkg = /^\s*package\s+([\w.]+)\s*;/m.exec(code)?.[1];
  const declared = /^\s*public\s+(?:final\s+|abstract\s+)*(?:class|record|enum|interface)\s+(\w+)/m.exec(code)?.[1];
  const anyType = /^\s*(?:final\s+|abstract\s+)*(?:class|record|enum|interface)\s+(\w+)/m.exec(code)?.[1];
  const name = declared ?? anyType;
  if (name) return { name, pkg };
  if (!title) return undefined;
  const file = safeFileName(title, 'title');
  if ('error' in file) return file;
  if (!/^\w+\.java$/.test(file.name)) return { error: `title="${title}" is not a Java source file name (Name.java)` };
  return { name: file.name.replace(/\.java$/, ''), pkg };
}

/** JVM flags written in a block without a class: every token starting with `-`, comments dropped. */
export function flagsOf(code: string): string[] {
  return code
    .split('\n')
    .map((line) => line.replace(/(^|\s)(#|\/\/).*$/, '').trim())
    .flatMap((line) => splitArgs(line))
    .filter((arg) => arg.startsWith('-') && arg !== '-version');
}

/**
 * Flags put before the block's own (a later flag wins, so a block's `-Xmx` replaces ours): a heap
 * that fits the sandbox's memory limit, and no performance-data file in /tmp.
 */
const JVM_DEFAULTS = ['-Xmx256m', '-XX:-UsePerfData'];
const JVM_LIMITS = { memoryBytes: 1024 * 1024 * 1024, processes: 1024 };
/** glibc gives every thread its own 64 MiB malloc arena; a few are plenty and keep the JVM in its limit. */
const JVM_ENV = { MALLOC_ARENA_MAX: '2' };
const COMPILE_TIMEOUT_MS = 60_000;

/** `File.java:12: error: …` → problems at note lines. */
function compileProblems(snippet: Snippet, output: string): Problem[] {
  const problems: Problem[] = [];
  for (const match of output.matchAll(/^.*?\.java:(\d+): (error: .*(?:\n(?!\S+\.java:\d+:).*)*)/gm)) {
    problems.push({ line: snippet.line + Number(match[1]), message: clip(match[2]!.trim(), 6) });
  }
  if (problems.length === 0) problems.push({ line: snippet.line, message: clip(output) });
  return problems;
}

/** Compiles the class into `classes/`; javac only parses and type-checks, so it may run unsandboxed. */
async function compile(snippet: Snippet, context: CheckContext, target: { name: string; pkg: string | undefined }): Promise<Problem[]> {
  const sourceDir = path.join(context.workDir, 'src', ...(target.pkg?.split('.') ?? []));
  fs.mkdirSync(sourceDir, { recursive: true });
  const source = path.join(sourceDir, `${target.name}.java`);
  fs.writeFileSync(source, `${snippet.code}\n`);
  const args = ['-J-Xmx256m', '-J-XX:-UsePerfData', '-proc:none', '-encoding', 'UTF-8', '-Xlint:none', '-d', 'classes', source];
  const compiled = await context.run('javac', args, {
    workDir: context.workDir,
    timeoutMs: COMPILE_TIMEOUT_MS,
    env: JVM_ENV,
    limits: JVM_LIMITS,
    needsSandbox: false,
  });
  return compiled.code === 0 ? [] : compileProblems(snippet, compiled.stderr + compiled.stdout);
}

/** Runs the program (or `java <flags> -version`); this executes the note's code, so only in the sandbox. */
async function execute(context: CheckContext, args: readonly string[]) {
  return context.run('java', [...JVM_DEFAULTS, ...args], {
    workDir: context.workDir,
    timeoutMs: context.runTimeoutMs,
    env: JVM_ENV,
    limits: JVM_LIMITS,
    needsSandbox: true,
  });
}

export const javaChecker: Checker = {
  tool: 'java',
  requires: ['javac', 'java'],
  handles: (snippet) => snippet.lang === 'java',
  async version(run) {
    const result = await run('javac', ['-J-XX:-UsePerfData', '-version'], { timeoutMs: 60_000, env: JVM_ENV, limits: JVM_LIMITS, needsSandbox: false });
    return (result.stdout + result.stderr).trim() || 'javac';
  },
  async check(snippet: Snippet, context: CheckContext): Promise<Outcome> {
    const runFlags = splitArgs(snippet.meta.attributes['run'] ?? '');
    const expect = snippet.meta.attributes['expect'];
    const target = mainClass(snippet.code, snippet.meta.title);
    if (target && 'error' in target) return { status: 'failed', problems: [{ line: snippet.line, message: target.error }], notes: [] };
    const problems: Problem[] = [];
    let output: string;
    if (!target) {
      const flags = [...runFlags, ...flagsOf(snippet.code)];
      const result = await execute(context, [...flags, '-version']);
      output = result.stdout + result.stderr;
      if (result.code !== 0) {
        problems.push({ line: snippet.line, message: `java ${flags.join(' ')} -version exited with ${result.code}:\n${clip(output)}` });
      }
    } else {
      const compileErrors = await compile(snippet, context, target);
      if (compileErrors.length > 0) return { status: 'failed', problems: compileErrors, notes: [] };
      const className = target.pkg ? `${target.pkg}.${target.name}` : target.name;
      const result = await execute(context, [...runFlags, '-cp', 'classes', className]);
      output = result.stdout + result.stderr;
      const command = `java ${[...runFlags, className].join(' ')}`;
      if (result.timedOut) {
        problems.push({ line: snippet.line, message: `${command} did not finish within ${context.runTimeoutMs / 1000}s: stopped, with every process it started` });
      } else if (expect === undefined && result.code !== 0) {
        problems.push({ line: snippet.line, message: `${command} exited with ${result.code}:\n${clip(output)}` });
      }
    }
    if (expect !== undefined && problems.length === 0 && !output.includes(expect)) {
      problems.push({ line: snippet.line, message: `expected the output to contain "${expect}", got:\n${clip(output.trim() || '(no output)', 8, 'end')}` });
    }
    return problems.length > 0 ? { status: 'failed', problems, notes: [] } : { status: 'passed', notes: [] };
  },
};
