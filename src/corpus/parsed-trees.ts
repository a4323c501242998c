import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Each note's Markdown is parsed once per build. Reading the corpus (before Astro renders
 * anything) parses every note with the same syntax extensions as the render pipeline; in a build
 * it leaves the trees here, keyed by the text Astro will render (the body, trimmed), and the
 * render takes each one instead of parsing again. A text with no tree waiting (`astro dev`, a note
 * edited since) is parsed as usual.
 */
const waiting = new Map<string, Root[]>();

export function leaveTree(body: string, tree: Root): void {
  // A build holds every tree until its note renders; their source positions were most of that
  // memory. The render needs only a code fence's (a diagram's error names its line).
  visit(tree, (node) => {
    if (node.type !== 'code') node.position = undefined;
  });
  const key = body.trim();
  const trees = waiting.get(key);
  if (trees) trees.push(tree);
  else waiting.set(key, [tree]);
}

/** The tree left for this exact text, handed over once (the render changes it), or undefined. */
export function takeTree(text: string): Root | undefined {
  const trees = waiting.get(text);
  const tree = trees?.pop();
  if (trees?.length === 0) waiting.delete(text);
  return tree;
}

/** Trees no render took (drafts a build leaves out, say): freed when the build ends. */
export function dropTrees(): void {
  waiting.clear();
}
