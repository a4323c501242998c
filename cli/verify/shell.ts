import fs from 'node:fs';
import path from 'node:path';
import { SESSION_LANGUAGES } from '../../src/lib/languages.ts';
import type { Runner } from './runner.ts';
import type { Checker, CheckContext, Outcome, Problem, Snippet } from './types.ts';
import { clip, escapeRegExp } from './types.ts';

/**
 * Shell: a `shellscript` block is a whole script (`bash -n` plus ShellCheck with no findings at all);
 * a `console` block is a terminal session whose `$ ` lines are commands (each must parse with `bash -n`).
 */

const SCRIPT_LANGUAGES = new Set(['shellscript', 'bash', 'sh', 'shell']);

async function bashVersion(run: Runner): Promise<string> {
  const result = await run('bash', ['--version'], { timeoutMs: 30_000, needsSandbox: false });
  return /version (\d+\.\d+\.\d+)/.exec(result.stdout)?.[1] ?? 'unknown';
}

/** `script.sh: line 3: syntax error …` → problems at note lines (bash's echo of the line joins its error). */
function bashProblems(output: string, file: string, toNoteLine: (line: number) => number, fallback: number): Problem[] {
  const problems: Problem[] = [];
  const name = path.basename(file);
  const prefix = new RegExp(`^${escapeRegExp(name)}: line (\\d+): (.*)$`);
  for (const raw of output.split('\n')) {
    const line = raw.replaceAll(file, name).trim();
    if (!line) continue;
    const at = prefix.exec(line);
    const noteLine = at ? toNoteLine(Number(at[1])) : fallback;
    const text = at ? at[2]! : line;
    const previous = problems[problems.length - 1];
    if (previous && previous.line === noteLine && /^`[\s\S]*'$/.test(text)) {
      previous.message += `\n${text}`;
      continue;
    }
    problems.push({ line: noteLine, message: `bash -n: ${text}` });
  }
  return problems;
}

export const shellScriptChecker: Checker = {
  tool: 'shellscript',
  requires: ['bash', 'shellcheck'],
  handles: (snippet) => SCRIPT_LANGUAGES.has(snippet.lang),
  async version(run) {
    const shellcheck = await run('shellcheck', ['--version'], { timeoutMs: 30_000, needsSandbox: false });
    const version = /version: (\S+)/.exec(shellcheck.stdout)?.[1] ?? 'unknown';
    return `bash ${await bashVersion(run)} + ShellCheck ${version}`;
  },
  async check(snippet: Snippet, context: CheckContext): Promise<Outcome> {
    const file = path.join(context.workDir, 'script.sh');
    fs.writeFileSync(file, `${snippet.code}\n`);
    const hasShebang = snippet.code.startsWith('#!');
    const dialect = snippet.lang === 'sh' && !/^#!.*\b(bash)\b/.test(snippet.code) ? 'sh' : 'bash';
    const toNoteLine = (line: number) => snippet.line + line;
    // `bash -n` and ShellCheck (without -x, and with no rc file) read only this script: safe without the sandbox.
    const syntax = await context.run(dialect, ['-n', file], { workDir: context.workDir, timeoutMs: 30_000, needsSandbox: false });
    const problems = syntax.code === 0 ? [] : bashProblems(syntax.stderr, file, toNoteLine, snippet.line);
    const lint = await context.run('shellcheck', ['--norc', '--format=gcc', ...(hasShebang ? [] : [`--shell=${dialect}`]), file], {
      workDir: context.workDir,
      timeoutMs: 60_000,
      needsSandbox: false,
    });
    for (const match of lint.stdout.matchAll(/^[^:\n]+:(\d+):(\d+): (\w+): (.*)$/gm)) {
      problems.push({ line: toNoteLine(Number(match[1])), message: `shellcheck ${match[3]} (column ${match[2]}): ${match[4]}` });
    }
    if (lint.code !== 0 && problems.length === 0) {
      problems.push({ line: snippet.line, message: clip(`shellcheck: ${lint.stderr || lint.stdout}`) });
    }
    return problems.length > 0 ? { status: 'failed', problems, notes: [] } : { status: 'passed', notes: [] };
  },
};

export interface SessionCommand {
  /** The command without its prompt; continuation and here-document lines included. */
  text: string;
  /** Line in the snippet (1-based) where the command starts. */
  line: number;
}

/** The commands of a terminal session: `$ ` lines, with `\` continuations and here-documents. */
export function sessionCommands(code: string): SessionCommand[] {
  const all = code.split('\n');
  const commands: SessionCommand[] = [];
  for (let i = 0; i < all.length; i++) {
    const prompt = /^\$ (.*)$/.exec(all[i]!);
    if (!prompt || prompt[1]!.trim() === '') continue;
    const start = i;
    const parts = [prompt[1]!];
    while (parts[parts.length - 1]!.endsWith('\\') && i + 1 < all.length) parts.push(all[++i]!.replace(/^> /, ''));
    const heredoc = /<<-?\s*(['"]?)(\w+)\1/.exec(parts.join('\n'));
    if (heredoc) {
      while (i + 1 < all.length) {
        const next = all[++i]!;
        parts.push(next);
        if (next.trim() === heredoc[2]) break;
      }
    }
    commands.push({ text: parts.join('\n'), line: start + 1 });
  }
  return commands;
}

export const consoleChecker: Checker = {
  tool: 'console',
  requires: ['bash'],
  handles: (snippet) => SESSION_LANGUAGES.has(snippet.lang),
  async version(run) {
    return `bash -n (bash ${await bashVersion(run)})`;
  },
  async check(snippet: Snippet, context: CheckContext): Promise<Outcome> {
    const commands = sessionCommands(snippet.code);
    if (commands.length === 0) return { status: 'n/a', reason: 'no `$ ` command lines' };
    const problems: Problem[] = [];
    // Every file is written before the first program runs in the folder.
    const files = commands.map((command, index) => {
      const file = path.join(context.workDir, `command-${index + 1}.sh`);
      fs.writeFileSync(file, `${command.text}\n`);
      return file;
    });
    await Promise.all(
      commands.map(async (command, index) => {
        const file = files[index]!;
        const result = await context.run('bash', ['-n', file], { workDir: context.workDir, timeoutMs: 30_000, needsSandbox: false });
        if (result.code !== 0 || result.stderr.trim()) {
          problems.push(...bashProblems(result.stderr, file, (line) => snippet.line + command.line + line - 1, snippet.line + command.line));
        }
      }),
    );
    problems.sort((a, b) => a.line - b.line);
    return problems.length > 0 ? { status: 'failed', problems, notes: [] } : { status: 'passed', notes: [] };
  },
};
