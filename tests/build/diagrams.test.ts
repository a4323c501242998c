/**
 * Mermaid diagrams at build time (src/integrations/diagrams/): the renderer on its own, then the
 * real `npm run build` on copies of tests/fixtures/content (alpha/diagrams.md has three diagrams).
 * Builds share Astro's cache (node_modules/.astro), so they run one at a time.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mermaidChecker } from '../../cli/verify/mermaid';
import { diagramFigure } from '../../src/integrations/diagrams/figure';
import { diagramHash, renderDiagram } from '../../src/integrations/diagrams/render';
import { DiagramError } from '../../src/integrations/diagrams/source';
import { stopValidator } from '../../src/integrations/diagrams/validate';
import { toHtml } from 'hast-util-to-html';

const BUILD_TIMEOUT = 180_000;
const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const made: string[] = [];
const temp = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
};
const cache = temp('notes-kb-diagram-cache-');
process.env['DIAGRAM_CACHE_DIR'] = cache;

afterAll(async () => {
  await stopValidator();
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** XML namespace names look like URLs but are never fetched. */
const NAMESPACES = new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink', 'http://www.w3.org/1999/xhtml']);
const urls = (text: string) => [...text.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((match) => match[0]);

const FLOW = ['flowchart LR', '  accTitle: 高水位的推进', '  accDescr: 跟随者追上之后高水位前进。', '  L[领导者副本] -->|复制| F[跟随者副本]', '  F --> HW[高水位前进]'].join('\n');

describe('rendering one diagram', () => {
  it('gives an SVG whose labels are text, named by accTitle, with no style, script or URL', async () => {
    const diagram = await renderDiagram(FLOW);
    const html = toHtml(diagramFigure(diagram, { idPrefix: 'diagram-1', caption: undefined, fullSizeHref: '/diagrams/x.svg' }).element);
    for (const label of ['领导者副本', '跟随者副本', '高水位前进', '复制']) expect(html).toMatch(new RegExp(`<text[^>]*>${label}</text>`));
    expect(html).toContain('<title id="diagram-1-title">高水位的推进</title>');
    expect(html).toContain('<desc id="diagram-1-desc">跟随者追上之后高水位前进。</desc>');
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="diagram-1-title"/);
    expect(html).not.toMatch(/<style|style=|<script|@import|fonts\.googleapis/);
    expect(urls(html).filter((url) => !NAMESPACES.has(url))).toEqual([]);
    // The renderer's own output did carry the font import that had to go.
    expect(diagram.svg).toContain('fonts.googleapis.com');
  });

  it('is cached by content hash: the second render reads the file', async () => {
    const file = path.join(cache, `${diagramHash(FLOW)}.svg`);
    expect(fs.existsSync(file)).toBe(true);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('领导者副本', '从缓存读出'));
    expect((await renderDiagram(FLOW)).svg).toContain('从缓存读出');
  });

  it('stops at the line of a syntax error, with Mermaid\'s message', async () => {
    const error = await renderDiagram('flowchart LR\n  A --> B\n  B --> C[[[\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiagramError);
    expect((error as DiagramError).line).toBe(3);
    expect((error as DiagramError).message).toMatch(/^Mermaid: .*Expecting .*\(at "B --> C\[\[\["\)/);
  });

  it('refuses a kind the renderer cannot draw, and colours that would not follow the theme', async () => {
    await expect(renderDiagram('\npie title 宠物\n  "狗" : 3')).rejects.toMatchObject({ line: 2, message: expect.stringMatching(/"pie" diagrams are not supported/) });
    await expect(renderDiagram('flowchart LR\n  A --> B\n  style A fill:#f00')).rejects.toMatchObject({ line: 3, message: expect.stringMatching(/fixed colours/) });
  });

  it('is what verify:snippets checks mermaid blocks with', async () => {
    const context = { workDir: '', runDir: '', runTimeoutMs: 0, run: () => Promise.reject(new Error('the mermaid check runs no program')) };
    const snippet = { file: 'x.md', line: 10, lang: 'mermaid', rawLang: 'mermaid', meta: { title: undefined, highlight: [], ins: [], del: [], lineNumbers: false, attributes: {} }, noteText: '' };
    expect(await mermaidChecker.check({ ...snippet, code: FLOW }, context)).toEqual({ status: 'passed', notes: [] });
    const failed = await mermaidChecker.check({ ...snippet, code: 'sequenceDiagram\n  A->>B\n' }, context);
    expect(failed).toMatchObject({ status: 'failed', problems: [{ line: 12, message: expect.stringMatching(/^Mermaid: /) }] });
    expect(await mermaidChecker.version(context.run)).toMatch(/^mermaid [\d.]+ \+ beautiful-mermaid [\d.]+$/);
  });
});

interface Site {
  dir: string;
  out: string;
}

function copyFixture(): Site {
  const root = temp('notes-kb-diagrams-');
  const dir = path.join(root, 'content');
  fs.cpSync(path.join(repoRoot, 'tests', 'fixtures', 'content'), dir, { recursive: true });
  return { dir, out: path.join(root, 'dist') };
}

/** `npm run build` as a shell runs it: without the variables Vitest adds. */
function build(site: Site, extraEnv: Record<string, string> = {}): { status: number | null; output: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST'].includes(key) || key.startsWith('VITEST')) delete env[key];
  }
  Object.assign(env, { CONTENT_DIR: site.dir, OUT_DIR: site.out, DIAGRAM_CACHE_DIR: temp('notes-kb-build-cache-') }, extraEnv);
  const run = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, env, encoding: 'utf8', timeout: BUILD_TIMEOUT - 5_000, maxBuffer: 64 * 1024 * 1024 });
  // eslint-disable-next-line no-control-regex
  return { status: run.status, output: `${run.stdout ?? ''}\n${run.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '') };
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
const note = (site: Site) => path.join(site.dir, 'notes', 'alpha', 'diagrams.md');

describe('npm run build with diagrams', { sequential: true }, () => {
  describe('a clean build under BASE=/kb/, twice', () => {
    const site = copyFixture();
    let first: ReturnType<typeof build>;
    let second: ReturnType<typeof build>;
    beforeAll(() => {
      const cacheDir = temp('notes-kb-build-cache-');
      first = build(site, { BASE: '/kb/', SITE: 'http://127.0.0.1:4499', DIAGRAM_CACHE_DIR: cacheDir });
      second = build(site, { BASE: '/kb/', SITE: 'http://127.0.0.1:4499', DIAGRAM_CACHE_DIR: cacheDir });
    }, 2 * BUILD_TIMEOUT);

    it('renders each fence to an inline SVG with its labels as text, and links the stylesheet once', () => {
      expect(first.status, first.output).toBe(0);
      const html = fs.readFileSync(path.join(site.out, 'alpha', 'diagrams', 'index.html'), 'utf8');
      expect(html.match(/<figure class="diagram"/g)).toHaveLength(3);
      expect(html.match(/<link rel="stylesheet" href="\/kb\/diagrams\/diagrams\.css">/g)).toHaveLength(1);
      for (const label of ['跟随者副本一', '推进水位线', '反向代理', '运行中', '存活超过 startsecs']) expect(html).toMatch(new RegExp(`<text[^>]*>${label}</text>`));
      expect(html).not.toMatch(/language-mermaid|flowchart LR/);
      expect(html).not.toMatch(/\sstyle=|<style/);
      // Pages without a diagram do not load its stylesheet.
      expect(fs.readFileSync(path.join(site.out, 'alpha', 'code', 'index.html'), 'utf8')).not.toContain('diagrams.css');
    });

    it('writes the stylesheet and a full-size SVG per diagram, linked from the page', () => {
      const html = fs.readFileSync(path.join(site.out, 'alpha', 'diagrams', 'index.html'), 'utf8');
      const links = [...html.matchAll(/href="\/kb\/(diagrams\/[0-9a-f]{64}\.svg)"/g)].map((match) => match[1]!);
      expect(links).toHaveLength(3);
      for (const link of links) {
        const svg = fs.readFileSync(path.join(site.out, link), 'utf8');
        expect(svg).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<\?xml-stylesheet type="text\/css" href="diagrams\.css"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        expect(svg).toMatch(/<title id="diagram-title">[^<]+<\/title>/);
      }
      expect(fs.readFileSync(path.join(site.out, 'diagrams', 'diagrams.css'), 'utf8')).toContain('--_node-fill');
    });

    it('leaves no third-party URL in the diagrams, and nothing in the output that fetches one', () => {
      const html = fs.readFileSync(path.join(site.out, 'alpha', 'diagrams', 'index.html'), 'utf8');
      const figures = (html.match(/<figure class="diagram".*?<\/figure>/gs) ?? []).join('\n');
      const files = fs.readdirSync(path.join(site.out, 'diagrams')).map((file) => fs.readFileSync(path.join(site.out, 'diagrams', file), 'utf8'));
      expect([figures, ...files].flatMap(urls).filter((url) => !NAMESPACES.has(url))).toEqual([]);
      // Anywhere in the build: no stylesheet, script, image, font or @import from another host.
      const fetches = /(?:<(?:link|script|img|source|iframe)\b[^>]*\s(?:href|src|srcset)="|url\(['"]?|@import\s+['"]?)(https?:\/\/[^"')\s]+)/g;
      const offenders = fs.readdirSync(site.out, { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.(html|css|svg|xml)$/.test(file))
        .flatMap((file) => [...fs.readFileSync(path.join(site.out, file), 'utf8').matchAll(fetches)].map((match) => `${file}: ${match[1]}`))
        .filter((found) => !found.includes('http://127.0.0.1'));
      expect(offenders).toEqual([]);
    });

    it('warns, with file:line, about a diagram without accTitle', () => {
      const line = lineOf(fs.readFileSync(note(site), 'utf8'), '```mermaid title="进程的状态"');
      expect(first.output).toContain(`content/notes/alpha/diagrams.md:${line}  diagram without accTitle: screen readers hear its caption "进程的状态"`);
    });

    it('indexes the labels for search', () => {
      const meta = JSON.parse(fs.readFileSync(path.join(site.out, 'search-index.json'), 'utf8')) as { version: string; pages: { path: string[] } };
      expect(meta.pages.path, 'the diagram note is in the index').toContain('alpha/diagrams/');
      const folder = path.join(site.out, 'search-index', meta.version);
      const text = fs.readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
        .join('\n');
      // Only the diagrams say these; the note's prose does not.
      expect(text).toContain('跟随者副本一');
      expect(text).toContain('推进水位线');
    });

    it('renders nothing the second time: every diagram comes from the cache', () => {
      expect(first.output).toMatch(/\[diagrams\] 3 diagrams: 3 rendered, 0 from the cache/);
      expect(second.status, second.output).toBe(0);
      expect(second.output).toMatch(/\[diagrams\] 3 diagrams: 0 rendered, 3 from the cache/);
    });
  });

  describe('a syntax error and an unsupported kind', () => {
    const site = copyFixture();
    let result: ReturnType<typeof build>;
    let syntaxLine = 0;
    let kindLine = 0;
    beforeAll(() => {
      const file = note(site);
      let text = fs.readFileSync(file, 'utf8');
      text = text.replace('  F2 --> HW', '  F2 --> HW[[[');
      text = text.replace('stateDiagram-v2', 'pie title 进程');
      fs.writeFileSync(file, text);
      syntaxLine = lineOf(text, 'F2 --> HW[[[');
      kindLine = lineOf(text, 'pie title 进程');
      result = build(site);
    }, BUILD_TIMEOUT);

    it('stops the build, listing both at once as file:line with the message', () => {
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('Diagrams that cannot be drawn (2):');
      expect(result.output).toMatch(new RegExp(`content/notes/alpha/diagrams\\.md:${syntaxLine}  Mermaid: .*Expecting`));
      expect(result.output).toContain(`content/notes/alpha/diagrams.md:${kindLine}  "pie" diagrams are not supported`);
      expect(fs.existsSync(path.join(site.out, 'index.html'))).toBe(false);
    });
  });
});
