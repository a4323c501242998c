import fs from 'node:fs';
import path from 'node:path';
import { walk } from '../files';
import { readVocabularyIds } from '../vocabulary';
import type { ContentProblem } from './problem';

/** Folder and file names become URLs: letters (Chinese included), digits, `-` and `_`, nothing that needs escaping. */
const SAFE_NAME = /^[\p{L}\p{N}_-]+$/u;
export const SAFE_NAME_RULE = 'letters (Chinese included), digits, "-" and "_"';

/**
 * The notes folder's shape: `notes/<topic>/<name>.md`, one folder deep, every folder a topic in
 * topics.yaml, names safe in a URL, no symbolic links (a link can loop or lead out of the content).
 * Checked before anything is read, so a bad name is never silently dropped by the loader.
 */
export function checkLayout(notesDir: string): ContentProblem[] {
  if (!fs.existsSync(notesDir)) return [{ file: notesDir, line: 0, target: 'notes/', reason: 'the notes folder does not exist' }];
  const topics = readVocabularyIds('topics.yaml', path.dirname(notesDir));
  const problems: ContentProblem[] = [];
  const problem = (file: string, target: string, reason: string) => problems.push({ file, line: 0, target, reason });
  for (const { path: file, kind } of walk(notesDir)) {
    const parts = path.relative(notesDir, file).split(path.sep);
    const name = path.basename(file);
    if (kind === 'symlink') {
      problem(file, `→ ${fs.readlinkSync(file)}`, 'symbolic links are not followed: move the file into the notes folder');
    } else if (kind === 'folder') {
      if (parts.length > 1) problem(file, parts.join('/'), 'notes live at notes/<topic>/<name>.md (one folder deep)');
      else if (!SAFE_NAME.test(name)) problem(file, name, `unsupported folder name: use ${SAFE_NAME_RULE}`);
      else if (!topics.has(name)) problem(file, name, 'folder is not a topic in topics.yaml');
    } else if (name.endsWith('.md')) {
      if (parts.length !== 2) problem(file, parts.join('/'), 'notes live at notes/<topic>/<name>.md (one folder deep)');
      else if (!SAFE_NAME.test(name.slice(0, -3))) problem(file, name, `unsupported file name: use ${SAFE_NAME_RULE}`);
    }
  }
  return problems;
}
