import fs from 'node:fs';
import path from 'node:path';

export interface FolderEntry {
  path: string;
  kind: 'file' | 'folder' | 'symlink';
}

/**
 * Every file, folder and symbolic link under `dir`, sorted, without following links: Node's own
 * recursive readdir follows them, so a link to a parent folder would loop until the path is too long.
 */
export function walk(dir: string): FolderEntry[] {
  if (!fs.existsSync(dir)) return [];
  const entries: FolderEntry[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) entries.push({ path: file, kind: 'symlink' });
    else if (entry.isDirectory()) entries.push({ path: file, kind: 'folder' }, ...walk(file));
    else if (entry.isFile()) entries.push({ path: file, kind: 'file' });
  }
  return entries;
}
