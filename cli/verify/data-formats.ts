import { createRequire } from 'node:module';
import { parseAllDocuments } from 'yaml';
import type { Checker, Outcome, Problem, Snippet } from './types.ts';

/** YAML and JSON: the block must parse (the `yaml` package, JSON.parse). */

const yamlVersion = (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version;

export const yamlChecker: Checker = {
  tool: 'yaml',
  requires: [],
  handles: (snippet) => snippet.lang === 'yaml' || snippet.lang === 'yml',
  async version() {
    return `yaml ${yamlVersion}`;
  },
  async check(snippet: Snippet): Promise<Outcome> {
    const problems: Problem[] = [];
    for (const document of parseAllDocuments(snippet.code)) {
      if (!('errors' in document)) continue;
      for (const error of [...document.errors, ...document.warnings]) {
        const line = error.linePos?.[0].line ?? 0;
        problems.push({ line: snippet.line + line, message: `${error.code}: ${error.message.split('\n')[0]}` });
      }
    }
    return problems.length > 0 ? { status: 'failed', problems, notes: [] } : { status: 'passed', notes: [] };
  },
};

/** Line (1-based) of a character offset. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

export const jsonChecker: Checker = {
  tool: 'json',
  requires: [],
  handles: (snippet) => snippet.lang === 'json',
  async version() {
    return `JSON.parse (Node ${process.versions.node})`;
  },
  async check(snippet: Snippet): Promise<Outcome> {
    try {
      JSON.parse(snippet.code);
      return { status: 'passed', notes: [] };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const explicit = /\(line (\d+) column \d+\)/.exec(message);
      const position = /at position (\d+)/.exec(message);
      const line = explicit ? Number(explicit[1]) : position ? lineAt(snippet.code, Number(position[1])) : 0;
      return { status: 'failed', problems: [{ line: snippet.line + line, message: `JSON.parse: ${message}` }], notes: [] };
    }
  },
};
