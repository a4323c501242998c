import { Worker } from 'node:worker_threads';
import { DiagramError } from './source';

/**
 * Checks a diagram with Mermaid's own parser, the grammar GitHub, Obsidian and Typora use.
 * beautiful-mermaid reads diagrams line by line and skips what it does not understand, so a typo
 * would otherwise become a missing box instead of an error. The parser runs in a worker thread
 * (validate-worker.mjs), started on the first diagram that is not in the cache.
 */

interface Reply {
  id: number;
  ok: boolean;
  diagramType?: string;
  message?: string;
  line?: number;
}

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, (reply: Reply) => void>();

function parserThread(): Worker {
  if (worker) return worker;
  const thread = new Worker(new URL('./validate-worker.mjs', import.meta.url));
  thread.on('message', (reply: Reply) => {
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
    // An idle parser must not keep a finished build alive.
    if (waiting.size === 0) thread.unref();
  });
  thread.on('error', (error) => {
    for (const resolve of waiting.values()) resolve({ id: -1, ok: false, message: `the Mermaid parser crashed: ${error.message}`, line: 0 });
    waiting.clear();
    worker = undefined;
  });
  worker = thread;
  return thread;
}

/** Mermaid drops `%%` comment lines and leading blank lines before counting lines; blanking keeps the count. */
function forParser(code: string): { text: string; offset: number } {
  const lines = code.split('\n').map((line) => (/^\s*%%(?!\{)/.test(line) ? '' : line));
  const first = Math.max(0, lines.findIndex((line) => line.trim() !== ''));
  return { text: lines.slice(first).join('\n'), offset: first };
}

/** The parser's message without its one-line excerpt and caret, plus the line it points at. */
function explain(message: string, code: string, line: number): string {
  const lines = message.split('\n').filter((part) => !/^\.\.\.|^-*\^$/.test(part) && !/^Parse error on line \d+:?$/.test(part.trim()));
  const text = lines.join(' ').replace(/\s+/g, ' ').trim();
  const source = code.split('\n')[line - 1]?.trim();
  return source ? `${text} (at "${source}")` : text;
}

/** Resolves when Mermaid parses the code; throws a DiagramError at the offending line otherwise. */
export async function validateDiagram(code: string, headerLine: number): Promise<void> {
  const { text, offset } = forParser(code);
  const thread = parserThread();
  const id = nextId++;
  thread.ref();
  const reply = await new Promise<Reply>((resolve) => {
    waiting.set(id, resolve);
    thread.postMessage({ id, text });
  });
  if (reply.ok) return;
  const line = reply.line ? reply.line + offset : headerLine;
  throw new DiagramError(line, `Mermaid: ${explain(reply.message ?? 'parse error', code, line)}`);
}

/** Stops the parser thread (tests and CLI tools that want to exit at once). */
export async function stopValidator(): Promise<void> {
  await worker?.terminate();
  worker = undefined;
}
