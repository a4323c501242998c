// The highlighting share of a build: every fenced block of the bench corpus through Shiki with the
// site's two themes and notation transformers, timed on its own (the build cannot separate it).
import fs from 'node:fs';
import path from 'node:path';
import { transformerNotationDiff, transformerNotationHighlight } from '@shikijs/transformers';
import { createHighlighter } from 'shiki';

const FENCE = /^```(\w+)[^\n]*\n([\s\S]*?)^```$/gm;

export async function timeHighlighting(notesDir: string): Promise<{ blocks: number; setupMs: number; highlightMs: number }> {
  const blocks: { lang: string; code: string }[] = [];
  for (const entry of fs.readdirSync(notesDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const [, lang = '', code = ''] of text.matchAll(FENCE)) blocks.push({ lang, code });
  }
  const themes = { light: 'github-light-default', dark: 'github-dark-default' } as const;
  const started = performance.now();
  const highlighter = await createHighlighter({ themes: Object.values(themes), langs: [...new Set(blocks.map((b) => b.lang))] });
  const loaded = performance.now();
  for (const { lang, code } of blocks) {
    highlighter.codeToHast(code, { lang, themes, defaultColor: false, transformers: [transformerNotationDiff(), transformerNotationHighlight()] });
  }
  const done = performance.now();
  return { blocks: blocks.length, setupMs: loaded - started, highlightMs: done - loaded };
}
