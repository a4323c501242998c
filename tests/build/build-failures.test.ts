/**
 * Runs the real `npm run build` on broken copies of tests/fixtures/content and checks what the
 * author is told. Builds share Astro's cache (node_modules/.astro), so they run one at a time.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read';
import { shellEnv } from '../support/env';
import { copyFixture as copyFixtureSite, repoRoot, validFrontMatter, type SiteCopy } from '../support/content';

const BUILD_TIMEOUT = 120_000;
const made: string[] = [];
type Site = SiteCopy;
const copyFixture = () => copyFixtureSite(made, 'notes-kb-build-');

function note(site: Site, relative: string): string {
  return path.join(site.dir, 'notes', relative);
}

function edit(file: string, change: (text: string) => string): void {
  const before = fs.readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`test setup: edit of ${file} changed nothing`);
  fs.writeFileSync(file, after);
}

/** How the link checker prints a file: relative to the directory the build runs in. */
function shown(file: string): string {
  return path.relative(repoRoot, file);
}

const frontMatter = validFrontMatter;

interface BuildResult {
  status: number | null;
  output: string;
}

function build(site: Site, extraEnv: Record<string, string> = {}): BuildResult {
  const env = shellEnv({ CONTENT_DIR: site.dir, OUT_DIR: site.out, ...extraEnv });
  const run = spawnSync('npm', ['run', 'build'], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
    timeout: BUILD_TIMEOUT - 5_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  // eslint-disable-next-line no-control-regex
  const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '');
  return { status: run.status, output };
}

afterAll(() => {
  for (const root of made) fs.rmSync(root, { recursive: true, force: true });
});

describe('npm run build on broken content', { sequential: true }, () => {
  describe('(a) a note without `title`', () => {
    const site = copyFixture();
    let result: BuildResult;
    beforeAll(() => {
      edit(note(site, 'beta/links.md'), (text) => text.replace(/^title: .*\n/m, ''));
      result = build(site);
    }, BUILD_TIMEOUT);

    it('fails, naming the file and the `title` field', () => {
      expect(result.status).not.toBe(0);
      expect(result.output).toContain(path.join(path.basename(path.dirname(site.dir)), 'content', 'notes', 'beta', 'links.md'));
      expect(result.output).toContain('beta/links.md:1 → title (title is required)');
      expect(fs.existsSync(path.join(site.out, 'index.html'))).toBe(false);
    });
  });

  describe('(b) a note with a tag that is not in tags.yaml', () => {
    const site = copyFixture();
    let result: BuildResult;
    beforeAll(() => {
      edit(note(site, 'beta/links.md'), (text) => text.replace('tags: [links, fixture]', 'tags: [links, 没有这个标签]'));
      result = build(site);
    }, BUILD_TIMEOUT);

    it('fails, naming the file and the unknown tag', () => {
      expect(result.status).not.toBe(0);
      expect(result.output).toContain(path.join(path.basename(path.dirname(site.dir)), 'content', 'notes', 'beta', 'links.md'));
      expect(result.output).toContain('tag "没有这个标签" is not in the tag vocabulary');
      expect(result.output).toContain('tags.yaml');
    });
  });

  describe('(o) a note with `order` in its front matter', () => {
    const site = copyFixture();
    let result: BuildResult;
    beforeAll(() => {
      edit(note(site, 'beta/links.md'), (text) => text.replace('tags: [links, fixture]', 'tags: [links, fixture]\norder: 2'));
      result = build(site);
    }, BUILD_TIMEOUT);

    it('fails, naming the file and saying that the hub’s list defines the order', () => {
      expect(result.status).not.toBe(0);
      expect(result.output).toContain(path.join(path.basename(path.dirname(site.dir)), 'content', 'notes', 'beta', 'links.md'));
      expect(result.output).toMatch(/\border\b.*the topic hub \(index\.md\) defines the reading order/);
    });
  });

  describe('(i) a code block in a language the highlighter does not know', () => {
    const site = copyFixture();
    let result: BuildResult;
    beforeAll(() => {
      edit(note(site, 'beta/links.md'), (text) => text.replace('## 维基链接', '```nginxx\nserver {}\n```\n\n## 维基链接'));
      result = build(site);
    }, BUILD_TIMEOUT);

    it('fails, naming file:line and the language (no silent plain-text fallback)', () => {
      expect(result.status).not.toBe(0);
      const fenceLine = fs.readFileSync(note(site, 'beta/links.md'), 'utf8').split('\n').indexOf('```nginxx') + 1;
      expect(result.output).toMatch(new RegExp(`beta/links\\.md:${fenceLine} → \`\`\`nginxx \\(unknown language "nginxx"\\)`));
      expect(fs.existsSync(path.join(site.out, 'index.html'))).toBe(false);
    });
  });

  describe('(s) a synonym group in content/synonyms.yaml with one word', () => {
    const site = copyFixture();
    let result: BuildResult;
    beforeAll(() => {
      fs.writeFileSync(path.join(site.dir, 'synonyms.yaml'), '- [挂了, 崩溃]\n- [孤单]\n');
      result = build(site);
    }, BUILD_TIMEOUT);

    it('fails before rendering, naming the file, the line and the group', () => {
      expect(result.status).not.toBe(0);
      expect(result.output).toMatch(/synonyms\.yaml:2 \(group 2: 孤单\) → a group needs at least two words/);
      expect(fs.existsSync(path.join(site.out, 'index.html'))).toBe(false);
    });
  });

  describe('(c) broken links in two files', () => {
    const site = copyFixture();
    const relativeFile = note(site, 'beta/broken.md');
    const wikiFile = note(site, 'alpha/broken-wiki.md');
    let result: BuildResult;
    beforeAll(() => {
      fs.writeFileSync(
        relativeFile,
        [
          frontMatter('坏链接'), // lines 1–7 (front matter, then an empty line)
          '坏的相对链接 [不存在](./missing.md)。', // 8
          '',
          '## 小节', // 10
          '',
          '坏的锚点 [表格](../alpha/gfm.md#没有这个标题)，好的锚点 [表格](../alpha/gfm.md#对比表格)。', // 12
          '',
        ].join('\n'),
      );
      fs.writeFileSync(
        wikiFile,
        [
          frontMatter('坏维基链接'), // lines 1–7
          '第一段没有链接。', // 8
          '',
          '坏的维基链接 [[nowhere]]。', // 10
          '',
        ].join('\n'),
      );
      result = build(site);
    }, BUILD_TIMEOUT);

    it('fails and lists all three problems in one run', () => {
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('Broken links (3):');
      expect(result.output).toContain(`${shown(relativeFile)}:`);
      expect(result.output).toContain(`${shown(wikiFile)}:`);
      expect(result.output).not.toContain('#对比表格 (');
    });

    it('prints the broken relative link and the broken anchor as file:line → target (reason)', () => {
      const lines = result.output.split('\n').map((line) => line.trim());
      expect(lines).toContain(`${shown(relativeFile)}:8 → ./missing.md (no such note)`);
      expect(lines).toContain(`${shown(relativeFile)}:12 → ../alpha/gfm.md#没有这个标题 (no heading "#没有这个标题" in alpha/gfm)`);
    });

    it('prints the broken wikilink as file:line → target (reason), with its real line', () => {
      const lines = result.output.split('\n').map((line) => line.trim());
      expect(lines.filter((line) => line.includes('[[nowhere]]'))).toEqual([
        `${shown(wikiFile)}:10 → [[nowhere]] (no such note)`,
      ]);
    });
  });

  describe('(d) an ambiguous wikilink', () => {
    const site = copyFixture();
    const file = note(site, 'beta/ambiguous.md');
    let result: BuildResult;
    beforeAll(() => {
      fs.writeFileSync(file, [frontMatter('歧义'), '回到 [[index]] 看看。', ''].join('\n')); // the link is on line 8
      result = build(site);
    }, BUILD_TIMEOUT);

    it('fails and lists both candidates', () => {
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('Broken links (1):');
      expect(result.output).toContain('[[index]] (ambiguous name, could be: [[alpha/index]], [[beta/index]])');
    });

    it('names the file and line of the ambiguous wikilink', () => {
      expect(result.output).toContain(`${shown(file)}:8 → [[index]] (ambiguous name`);
    });
  });

  describe('(e) the unmodified fixture', () => {
    const site = copyFixture();
    let result: BuildResult;
    beforeAll(() => {
      result = build(site);
    }, BUILD_TIMEOUT);

    it('builds with exit 0 on the pinned Node 24', () => {
      expect(result.output).not.toContain('Broken links');
      expect(result.status).toBe(0);
      expect(result.output).toMatch(/Node v24\.\d+\.\d+/);
    });

    it('writes the pages and the search index, without the draft', () => {
      for (const page of ['index.html', 'alpha/index.html', 'alpha/gfm/index.html', 'beta/index.html', 'beta/links/index.html']) {
        expect(fs.existsSync(path.join(site.out, page)), page).toBe(true);
      }
      expect(fs.existsSync(path.join(site.out, 'alpha', 'draft-note'))).toBe(false);
      expect(fs.readFileSync(path.join(site.out, 'rss.xml'), 'utf8')).not.toContain('草稿笔记');
      expect(fs.readFileSync(path.join(site.out, 'sitemap-0.xml'), 'utf8')).not.toContain('draft-note');
      const meta = JSON.parse(fs.readFileSync(path.join(site.out, 'search-index.json'), 'utf8')) as { version: string; pages: { path: string[] } };
      expect(meta.pages.path).toContain('alpha/gfm/');
      expect(meta.pages.path).not.toContain('alpha/draft-note/');
      expect(fs.existsSync(path.join(site.out, 'search-index', meta.version, 'terms', '0.json'))).toBe(true);
    });

    it('rewrites note links to site URLs with the heading slug', () => {
      const html = fs.readFileSync(path.join(site.out, 'beta', 'links', 'index.html'), 'utf8');
      expect(html).toContain(`href="/alpha/gfm/#${encodeURIComponent('对比表格')}" data-note-link="alpha/gfm"`);
      expect(html).toContain(`href="/alpha/gfm/#${encodeURIComponent('任务列表')}" data-note-link="alpha/gfm"`);
    });

    it('rewrites a reference-style link like an inline one', () => {
      const html = fs.readFileSync(path.join(site.out, 'beta', 'links', 'index.html'), 'utf8');
      expect(html).toContain(`href="/alpha/code/#${encodeURIComponent('终端')}" data-note-link="alpha/code"`);
    });
  });

  describe('(g) drafts and the environment', () => {
    const site = copyFixture();
    let result: BuildResult;
    beforeAll(() => {
      // A shell or CI job that exports NODE_ENV=development must not publish drafts.
      result = build(site, { NODE_ENV: 'development' });
    }, BUILD_TIMEOUT);

    it('a production build leaves the draft out of pages, RSS and sitemap even with NODE_ENV=development', () => {
      expect(result.status).toBe(0);
      expect(fs.existsSync(path.join(site.out, 'alpha', 'draft-note'))).toBe(false);
      expect(fs.readFileSync(path.join(site.out, 'rss.xml'), 'utf8')).not.toContain('草稿笔记');
      expect(fs.readFileSync(path.join(site.out, 'sitemap-0.xml'), 'utf8')).not.toContain('draft-note');
    });
  });

  describe('(h) raw HTML outside the allowlist', () => {
    const site = copyFixture();
    const file = note(site, 'beta/raw-html.md');
    let result: BuildResult;
    beforeAll(() => {
      fs.writeFileSync(
        file,
        [
          frontMatter('原始 HTML'), // lines 1–7
          '<button type="button" onclick="go()">按钮</button>', // 8
          '',
          '<script>console.log(1)</script>', // 10
          '',
          '<meta http-equiv="refresh" content="0;url=https://evil.example/">', // 12
          '',
        ].join('\n'),
      );
      result = build(site);
    }, BUILD_TIMEOUT);

    it('fails, naming file:line for each element', () => {
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('Raw HTML not allowed (3):');
      const lines = result.output.split('\n').map((line) => line.trim());
      expect(lines.some((line) => line.startsWith(`${shown(file)}:8 → <button> (raw HTML element not allowed`))).toBe(true);
      expect(lines.some((line) => line.startsWith(`${shown(file)}:10 → <script> (raw HTML element not allowed`))).toBe(true);
      expect(lines.some((line) => line.startsWith(`${shown(file)}:12 → <meta> (raw HTML element not allowed`))).toBe(true);
    });
  });

  describe('(j) a reference-style link to a missing note', () => {
    const site = copyFixture();
    const file = note(site, 'beta/reference.md');
    let result: BuildResult;
    beforeAll(() => {
      fs.writeFileSync(file, [frontMatter('引用式'), '见[不存在的笔记][nope]。', '', '[nope]: ./nope.md', ''].join('\n'));
      result = build(site);
    }, BUILD_TIMEOUT);

    it('fails with the file and the line of the link', () => {
      expect(result.status).not.toBe(0);
      expect(result.output).toContain(`${shown(file)}:8 → ./nope.md (no such note)`);
    });
  });

  describe('(k) a draft saved with a BOM, linked from a published note', () => {
    const site = copyFixture();
    const file = note(site, 'beta/links-draft.md');
    let result: BuildResult;
    beforeAll(() => {
      fs.writeFileSync(note(site, 'beta/bom-draft.md'), `\uFEFF${['---', 'title: 草稿', 'description: 带 BOM 的草稿。', 'tags: [links]', 'date: 2026-03-01', 'draft: true', '---', '', '未完成。', ''].join('\r\n')}`);
      fs.writeFileSync(file, [frontMatter('链到草稿'), '见 [草稿](./bom-draft.md)。', ''].join('\n'));
      result = build(site);
    }, BUILD_TIMEOUT);

    it('fails like any link to a draft', () => {
      expect(result.status).not.toBe(0);
      expect(result.output).toContain(`${shown(file)}:8 → ./bom-draft.md (links to a draft, which is not published)`);
    });
  });

  describe('(f) heading ids on the page are the slugs the link checker accepts', () => {
    const site = copyFixture();
    const file = note(site, 'beta/headings.md');
    let result: BuildResult;
    beforeAll(() => {
      // A 1×1 PNG, so Astro can process the image in a heading.
      fs.writeFileSync(
        note(site, 'beta/dot.png'),
        Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64'),
      );
      fs.writeFileSync(
        file,
        [
          frontMatter('标题'),
          '## 普通标题',
          '',
          '## 代码 `acks=all`',
          '',
          '## 脚注标题[^a]',
          '',
          '## HTML <small>小字</small>',
          '',
          '## 参见 [[gfm]]',
          '',
          '## 图 ![示意图](./dot.png) 说明',
          '',
          '## 普通标题',
          '',
          '正文[^a]。',
          '',
          '[^a]: 脚注。',
          '',
        ].join('\n'),
      );
      result = build(site);
    }, BUILD_TIMEOUT);

    it('every heading id of the built page is known to readCorpus', () => {
      expect(result.status).toBe(0);
      const html = fs.readFileSync(path.join(site.out, 'beta', 'headings', 'index.html'), 'utf8');
      const ids = [...html.matchAll(/<h[2-6][^>]*\sid="([^"]+)"/g)].map((m) => m[1]!).filter((id) => !['footnote-label', 'backlinks-heading', 'outlinks-heading', 'related-heading'].includes(id));
      expect(ids).toHaveLength(7);
      expect(ids).toContain('普通标题-1');
      const slugs = readCorpus(path.join(site.dir, 'notes')).notes.get('beta/headings')?.slugs ?? new Set();
      expect(ids.filter((id) => !slugs.has(id))).toEqual([]);
    });
  });
});
