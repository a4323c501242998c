import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes `{ 'kafka/replication.md': '…' }` under a fresh folder in the OS temp dir; returns its path. */
export function writeNotes(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-kb-unit-'));
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Front matter block of `lines` lines in total (both `---` included). */
export function frontMatter(title: string, extra: string[] = []): string {
  return ['---', `title: ${title}`, ...extra, '---', ''].join('\n');
}
