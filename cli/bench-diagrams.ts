// The cost of diagrams, timed on their own: every ```mermaid fence of the site's notes rendered
// with an empty cache (Mermaid's parser in its worker + beautiful-mermaid), then again from the
// cache, as a warm build does. The synthetic bench corpus has no diagrams, so these are the real ones.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentDir } from '../src/corpus/content-dir.ts';
import { readCorpus } from '../src/corpus/read.ts';
import { renderDiagram } from '../src/integrations/diagrams/render.ts';
import { stopValidator } from '../src/integrations/diagrams/validate.ts';

export interface DiagramTiming {
  diagrams: number;
  /** First diagram with an empty cache: starting Mermaid's parser is most of it. */
  firstMs: number;
  /** Each further diagram with an empty cache. */
  coldMs: number;
  /** Each diagram read back from the cache. */
  warmMs: number;
}

export async function timeDiagrams(notesDir = path.join(contentDir(), 'notes')): Promise<DiagramTiming> {
  const codes = [...readCorpus(notesDir).notes.values()].flatMap((note) =>
    note.fences.filter((fence) => fence.lang?.toLowerCase() === 'mermaid').map((fence) => fence.code),
  );
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-bench-diagrams-'));
  const previous = process.env['DIAGRAM_CACHE_DIR'];
  process.env['DIAGRAM_CACHE_DIR'] = cache;
  try {
    const time = async (list: string[]) => {
      const started = performance.now();
      for (const code of list) await renderDiagram(code);
      return performance.now() - started;
    };
    const firstMs = await time(codes.slice(0, 1));
    const restMs = await time(codes.slice(1));
    const warmMs = await time(codes);
    return { diagrams: codes.length, firstMs, coldMs: restMs / Math.max(1, codes.length - 1), warmMs: warmMs / Math.max(1, codes.length) };
  } finally {
    await stopValidator();
    if (previous === undefined) delete process.env['DIAGRAM_CACHE_DIR'];
    else process.env['DIAGRAM_CACHE_DIR'] = previous;
    fs.rmSync(cache, { recursive: true, force: true });
  }
}
