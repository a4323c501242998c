// Runs Mermaid's own parser on diagrams, in a worker thread of its own. Mermaid cleans labels with
// DOMPurify, which needs a DOM: linkedom gives this thread one, and the `window` it sets stays here
// instead of making the rest of the build believe it runs in a browser. Nothing is drawn here.
import { parentPort } from 'node:worker_threads';
import { parseHTML } from 'linkedom';

globalThis.window = parseHTML('<!doctype html><html><body></body></html>').window;
const { default: mermaid } = await import('mermaid');

parentPort?.on('message', async ({ id, text }) => {
  try {
    const { diagramType } = await mermaid.parse(text);
    parentPort?.postMessage({ id, ok: true, diagramType });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Jison errors carry the position; others ("No diagram type detected") have none.
    const line = error?.hash?.loc?.first_line ?? Number(/on line (\d+)/.exec(message)?.[1] ?? 0);
    parentPort?.postMessage({ id, ok: false, message, line });
  }
});
