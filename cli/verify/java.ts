import fs from 'node:fs';
import path from 'node:path';
import type { Checker, CheckContext, Outcome, Problem, Snippet } from './types.ts';
import { clip, run } from './types.ts';

/**
 * java: a complete class is compiled with `javac` and run with the fence's `run="flags"`. With
 * `expect="…"` the program's output must contain that text (an OOM demo is expected to die);
 * without it, the program must exit 0. A block of JVM flags only is run as `java <flags> -version`.
 */

const RUN_TIMEOUT_MS = 60_000;

/** Splits `-Xmx16m "-Dname=a b"` the way a shell would (quotes, no expansion). */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) args.push(match[1] ?? match[2] ?? match[3] ?? '');
  return args;
}

/** The class to run: the public top-level type, else the one with `main`, else the title's name. */
export function mainClass(code: string, title: string | undefined): { name: string; pkg: string | undefined } | undefined {
  const pkg = /^\s*package\s+([\w.]+)\s*;/m.exec(code)?.[1];
  const declared = /^\s*public\s+(?:final\s+|abstract\s+)*(?:class|record|enum|interface)\s+(\w+)/m.exec(code)?.[1];
  const anyType = /^\s*(?:final\s+|abstract\s+)*(?:class|record|enum|interface)\s+(\w+)/m.exec(code)?.[1];
  const fromTitle = title ? path.basename(title).replace(/\.java$/, '') : undefined;
  const name = declared ?? anyType ?? fromTitle;
  return name && /\b(?:class|record|enum|interface)\s+\w+/.test(code) ? { name, pkg } : undefined;
}

/** JVM flags written in a block without a class: every token starting with `-`, comments dropped. */
export function flagsOf(code: string): string[] {
  return code
    .split('\n')
    .map((line) => line.replace(/(^|\s)(#|\/\/).*$/, '').trim())
    .flatMap((line) => splitArgs(line))
    .filter((arg) => arg.startsWith('-') && arg !== '-version');
}

export const javaChecker: Checker = {
  tool: 'java',
  requires: ['javac', 'java'],
  handles: (snippet) => snippet.lang === 'java',
  async version() {
    const result = await run('javac', ['-version']);
    return (result.stdout + result.stderr).trim() || 'javac';
  },
  async check(snippet: Snippet, context: CheckContext): Promise<Outcome> {
    const runFlags = splitArgs(snippet.meta.attributes['run'] ?? '');
    const expect = snippet.meta.attributes['expect'];
    const target = mainClass(snippet.code, snippet.meta.title);
    const problems: Problem[] = [];
    let output: string;
    if (!target) {
      const flags = [...runFlags, ...flagsOf(snippet.code)];
      const result = await run('java', [...flags, '-version'], { timeoutMs: RUN_TIMEOUT_MS });
      output = result.stdout + result.stderr;
      if (result.code !== 0) {
        problems.push({ line: snippet.line, message: `java ${flags.join(' ')} -version exited with ${result.code}:\n${clip(output)}` });
      }
    } else {
      const sourceDir = path.join(context.workDir, 'src', ...(target.pkg?.split('.') ?? []));
      const classesDir = path.join(context.workDir, 'classes');
      fs.mkdirSync(sourceDir, { recursive: true });
      const source = path.join(sourceDir, `${target.name}.java`);
      fs.writeFileSync(source, `${snippet.code}\n`);
      const compiled = await run('javac', ['-encoding', 'UTF-8', '-Xlint:none', '-d', classesDir, source], { timeoutMs: RUN_TIMEOUT_MS });
      if (compiled.code !== 0) {
        // `File.java:12: error: …` → note line.
        for (const match of (compiled.stderr + compiled.stdout).matchAll(/^.*?\.java:(\d+): (error: .*(?:\n(?!\S+\.java:\d+:).*)*)/gm)) {
          problems.push({ line: snippet.line + Number(match[1]), message: clip(match[2]!.trim(), 6) });
        }
        if (problems.length === 0) problems.push({ line: snippet.line, message: clip(compiled.stderr + compiled.stdout) });
        return { status: 'failed', problems, notes: [] };
      }
      const className = target.pkg ? `${target.pkg}.${target.name}` : target.name;
      const result = await run('java', [...runFlags, '-cp', classesDir, className], { cwd: context.workDir, timeoutMs: RUN_TIMEOUT_MS });
      output = result.stdout + result.stderr;
      const command = `java ${[...runFlags, className].join(' ')}`;
      if (result.timedOut) {
        problems.push({ line: snippet.line, message: `${command} did not finish within ${RUN_TIMEOUT_MS / 1000}s` });
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
