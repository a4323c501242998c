import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterEach, describe, expect, it } from 'vitest';
import { dropTrees, takeTree } from '../../src/corpus/parsed-trees';
import { readCorpus } from '../../src/corpus/read';
import { remarkParsedOnce } from '../../src/integrations/notes/remark-parsed-once';

/** The text Astro's glob loader renders for a Markdown file (its markdownContentEntryType). */
const astroBody = (source: string) => parseFrontmatter(source, { frontmatter: 'empty-with-spaces' }).content.trim();

describe('each note is parsed once per build', () => {
  const dirs: string[] = [];
  afterEach(() => {
    dropTrees();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the corpus leaves a tree for exactly the text Astro renders (BOM, CRLF, front matter), and the render takes it once', () => {
    const notesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-kb-parsed-once-'));
    dirs.push(notesDir);
    fs.mkdirSync(path.join(notesDir, 'kafka'));
    const source = '\uFEFF---\r\ntitle: 标题\r\ndescription: 说明。\r\n---\r\n\r\n## 分区\r\n\r\n正文 [[other]]。\r\n';
    fs.writeFileSync(path.join(notesDir, 'kafka', 'a.md'), source);
    readCorpus(notesDir, { leaveTreesForRender: true });

    const parsed: string[] = [];
    const processor = unified()
      .use(remarkParse)
      .use(function spy(this: unknown) {
        const self = this as { parser: (text: string, file: unknown) => unknown };
        const parse = self.parser;
        self.parser = (text, file) => (parsed.push(text), parse(text, file));
      })
      .use(remarkParsedOnce);
    const tree = processor.parse(astroBody(source));
    expect(parsed).toEqual([]);
    expect(JSON.stringify(tree)).toContain('分区');
    // Handed over once: the render changes the tree, so a second render of the same text parses.
    processor.parse(astroBody(source));
    expect(parsed).toHaveLength(1);
    expect(takeTree(astroBody(source))).toBeUndefined();
  });

  it('without leaveTreesForRender (dev, check-links) nothing is kept', () => {
    const notesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-kb-parsed-once-'));
    dirs.push(notesDir);
    fs.mkdirSync(path.join(notesDir, 'kafka'));
    fs.writeFileSync(path.join(notesDir, 'kafka', 'a.md'), '---\ntitle: t\ndescription: d。\n---\n\n正文\n');
    readCorpus(notesDir);
    expect(takeTree('正文')).toBeUndefined();
  });
});
