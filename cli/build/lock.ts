import fs from 'node:fs';

/**
 * One build per output folder: `<OUT_DIR>.lock` holds the builder's pid and start time. A second
 * build stops at once naming that pid; a lock left by a process that is gone (killed with -9, a
 * reboot) is taken over. The start time tells a live builder from an unrelated process that
 * later got the same pid.
 */
export class BuildLockedError extends Error {}

/** The process's start time in clock ticks since boot (Linux), or '' where /proc is absent. */
function startTime(pid: number): string {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) may contain spaces and parentheses, so count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

/** `pid start` of a lock's holder, or '' if the file is gone. */
function readLock(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function isAlive(holder: string): boolean {
  const [pid = 0, started = ''] = holder.split(' ').map((part, i) => (i === 0 ? Number(part) : part)) as [number, string];
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
  const now = startTime(pid);
  return started === '' || now === '' || now === started;
}

const locked = (holder: string, file: string, outDir: string) =>
  new BuildLockedError(
    `another build (pid ${holder.split(' ')[0]}) is writing ${outDir} (lock file ${file}). ` +
      'Wait for it to finish or stop it; a lock whose process is gone is taken over automatically.',
  );

/** Takes the lock or throws BuildLockedError; returns the function that releases it. */
export function acquireLock(file: string, outDir: string): () => void {
  const me = `${process.pid} ${startTime(process.pid)}`.trim();
  const mine = `${file}.${process.pid}`;
  // Written whole first, then hard-linked into place: link() fails if the lock exists, so taking
  // it is atomic and nobody ever reads a half-written lock.
  fs.writeFileSync(mine, `${me}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.linkSync(mine, file);
        return () => {
          if (readLock(file) === me) fs.rmSync(file, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readLock(file);
      if (holder && isAlive(holder)) throw locked(holder, file, outDir);
      if (holder) takeOverStale(file, holder, outDir);
    }
    throw new BuildLockedError(`could not take the lock ${file} for ${outDir}: other builds keep taking it`);
  } finally {
    fs.rmSync(mine, { force: true });
  }
}

/**
 * Moves a dead holder's lock aside. Two builds may both find it stale: the rename lets only one
 * move that file, and the other, finding it moved a live lock instead, puts it back and stops.
 */
function takeOverStale(file: string, holder: string, outDir: string): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else moved it: retry
    throw error;
  }
  const moved = readLock(aside);
  if (moved !== holder && isAlive(moved)) {
    try {
      fs.linkSync(aside, file);
    } finally {
      fs.rmSync(aside, { force: true });
    }
    throw locked(moved, file, outDir);
  }
  fs.rmSync(aside, { force: true });
}
