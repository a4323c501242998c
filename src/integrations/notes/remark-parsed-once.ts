import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { takeTree } from '../../corpus/parsed-trees';

/**
 * Reuses the tree the corpus read already parsed for this text (corpus/parsed-trees.ts) instead of
 * parsing the note a second time; goes first in the remark plugins, after remark-parse.
 */
export function remarkParsedOnce(this: Processor) {
  // remark-parse, attached before any plugin, has set the parser; the type cannot know it.
  const processor = this as unknown as Processor<Root>;
  const parse = processor.parser;
  if (!parse) return;
  processor.parser = (text: string, file: VFile) => takeTree(text) ?? parse(text, file);
}
