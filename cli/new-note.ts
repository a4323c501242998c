/**
 * `npm run new -- <topic>/<name> "标题"`: starts a note at CONTENT_DIR/notes/<topic>/<name>.md with
 * valid front matter and `tags: [todo]`. `todo` is not in tags.yaml, so the build (and `npm run dev`)
 * names the note until its author picks real tags. Never overwrites a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { contentDir, displayPath } from '../src/corpus/content-dir';
import { notePath } from '../src/lib/paths';

const USAGE = 'usage: npm run new -- <topic>/<name> "标题"   (e.g. npm run new -- kafka/isr "ISR 收缩与扩张")';

function fail(message: string): never {
  console.error(`new: ${message}`);
  process.exit(1);
}

/** Today on the author's calendar, not in UTC. */
function today(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

function topicsOf(file: string): { id: string; name: string }[] {
  if (!fs.existsSync(file)) fail(`${displayPath(file)} not found (CONTENT_DIR=${process.env['CONTENT_DIR'] ?? 'content'})`);
  const entries = (parse(fs.readFileSync(file, 'utf8')) ?? []) as { id?: unknown; name?: unknown }[];
  return entries.map((entry) => ({ id: String(entry.id), name: String(entry.name ?? '') }));
}

const { positionals } = parseArgs({ allowPositionals: true });
const [id = '', ...words] = positionals;
const title = words.join(' ').trim();
const match = /^([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9-]*)(?:\.md)?$/.exec(id);
if (!match || !title) fail(`${!match && id ? `"${id}" is not <topic>/<name> (lower-case letters, digits and -)` : 'missing arguments'}\n${USAGE}`);
const [, topic = '', name = ''] = match;

const topicsFile = path.join(contentDir(), 'topics.yaml');
const topics = topicsOf(topicsFile);
if (!topics.some((entry) => entry.id === topic)) {
  const list = topics.map((entry) => `  ${entry.id.padEnd(22)}${entry.name}`).join('\n');
  fail(`"${topic}" is not a topic in ${displayPath(topicsFile)}. Topics:\n${list}\n(a new topic is a folder plus an entry in topics.yaml)`);
}

const file = path.join(contentDir(), 'notes', topic, `${name}.md`);
const text = ['---', `title: ${JSON.stringify(title)}`, 'description: 一句话说明这篇笔记回答什么问题。', 'tags: [todo]', `date: ${today()}`, '---', '', ''].join('\n');
fs.mkdirSync(path.dirname(file), { recursive: true });
try {
  fs.writeFileSync(file, text, { flag: 'wx' });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') fail(`${displayPath(file)} already exists; not overwriting it`);
  throw error;
}
console.log(`created ${displayPath(file)}`);
console.log(`url     ${notePath(process.env['BASE'] || '/', `${topic}/${name}`)}`);
console.log('next    write the description, replace `tags: [todo]` with tags from tags.yaml (the build fails until then)');
