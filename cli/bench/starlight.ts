// The Starlight side of `npm run bench -- --vs-starlight`: the pinned project in bench/starlight/,
// installed on demand, and the same generated notes rewritten as Starlight docs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const starlightDir = path.resolve(import.meta.dirname, '..', '..', 'bench', 'starlight');
const docsDir = path.join(starlightDir, 'src', 'content', 'docs');

/** `npm ci` into bench/starlight/node_modules when it is missing or older than the lock file. */
export function installStarlight(): void {
  const lock = path.join(starlightDir, 'package-lock.json');
  const installed = path.join(starlightDir, 'node_modules', '.package-lock.json');
  if (fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log(`bench: installing the pinned Starlight into ${path.join(starlightDir, 'node_modules')} (npm ci)`);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: starlightDir, stdio: 'inherit' });
}

/**
 * Starlight needs only `title` (and takes `description`); it has no tags or dates. Links become
 * site URLs: Starlight does not rewrite links to `.md` files and has no wikilinks. Heading
 * anchors stay as they are: both sites slug headings with github-slugger.
 */
function toStarlight(markdown: string, topic: string): string {
  const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown) ?? [];
  const kept = frontMatter.split('\n').filter((line) => /^(title|description):/.test(line));
  const url = (id: string, hash = '') => `/${id}/${hash}`;
  const linked = body
    .replace(/\]\((\.{1,2}\/[^)#\s]+)\.md(#[^)\s]*)?\)/g, (_, target: string, hash?: string) => `](${url(path.posix.join(topic, target), hash)})`)
    .replace(/\[\[([^\]|#]+)(#[^\]|]+)?(?:\|([^\]]+))?\]\]/g, (_, id: string, hash?: string, label?: string) => `[${label ?? id}](${url(id, hash)})`);
  return `---\n${kept.join('\n')}\n---\n${linked}`;
}

/** Rewrites the notes of `contentDir` into bench/starlight/src/content/docs/, replacing what was there. */
export function writeStarlightDocs(contentDir: string): number {
  fs.rmSync(docsDir, { recursive: true, force: true });
  const notesDir = path.join(contentDir, 'notes');
  let written = 0;
  for (const topic of fs.readdirSync(notesDir)) {
    fs.mkdirSync(path.join(docsDir, topic), { recursive: true });
    for (const file of fs.readdirSync(path.join(notesDir, topic))) {
      const markdown = fs.readFileSync(path.join(notesDir, topic, file), 'utf8');
      fs.writeFileSync(path.join(docsDir, topic, file), toStarlight(markdown, topic));
      written++;
    }
  }
  const topics = fs.readdirSync(notesDir).map((topic) => `- [${topic}](/${topic}/)`);
  fs.writeFileSync(path.join(docsDir, 'index.md'), `---\ntitle: 笔记库\n---\n\n${topics.join('\n')}\n`);
  return written + 1;
}
