import { execFileSync } from 'node:child_process';
import type { Corpus } from './model';
import type { NoteId } from './note-id';

/**
 * When each note last changed, from git history: one `git log` over the notes folder per build,
 * not one call per note. Without git, outside a repository or in a shallow clone (CI checkouts
 * fetch one commit unless told `fetch-depth: 0`), there is no history and the map is empty, so
 * pages fall back to the front matter (`updated`, then `date`).
 */

/** `git log --format=%cI --name-only` output → file (as git printed it) → its newest commit date. */
export function parseGitLog(log: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  let current: Date | undefined;
  for (const raw of log.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/.test(line)) {
      current = new Date(line);
      continue;
    }
    // Newest commits come first: the first date seen for a file is its last change.
    if (current && !dates.has(line)) dates.set(line, current);
  }
  return dates;
}

const cache = new Map<string, Map<string, Date>>();

/** Last commit date per file under `dir`, keyed by the path relative to `dir` (`kafka/replication.md`). */
export function gitLastChanged(dir: string): Map<string, Date> {
  let dates = cache.get(dir);
  if (!dates) {
    dates = readGitDates(dir);
    cache.set(dir, dates);
  }
  return dates;
}

function readGitDates(dir: string): Map<string, Date> {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  try {
    // A shallow clone's oldest commit looks as if it added every file: its dates would be wrong.
    if (git('rev-parse', '--is-shallow-repository').trim() === 'true') return new Map();
    return parseGitLog(git('log', '--format=%cI', '--name-only', '--relative', '--', '.'));
  } catch {
    return new Map(); // no git, not a repository, or no commits yet
  }
}

/** The date a note last changed: git history, else front matter `updated`, else `date`. */
export function lastUpdated(gitDate: Date | undefined, data: { date: Date; updated?: Date | undefined }): Date {
  return gitDate ?? data.updated ?? data.date;
}

/** Every note's last change, once per build: one `git log` for the folder, then the front matter. */
export function lastChangedDates(corpus: Corpus): Map<NoteId, Date> {
  const commits = gitLastChanged(corpus.notesDir);
  const dates = new Map<NoteId, Date>();
  for (const note of corpus.notes.values()) {
    const date = commits.get(`${note.id}.md`) ?? note.updated ?? note.date;
    if (date) dates.set(note.id, date);
  }
  return dates;
}
