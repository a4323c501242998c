import fs from 'node:fs';
import path from 'node:path';

/**
 * The folders of an atomic build: the site is built into `temp`, next to `final` (so both are on
 * one file system and a rename moves it), and only a complete build replaces `final`.
 */
export interface Staging {
  final: string;
  temp: string;
  backup: string;
}

export function staging(outDir: string): Staging {
  const final = path.resolve(outDir);
  return { final, temp: `${final}.tmp-${process.pid}`, backup: `${final}.old-${process.pid}` };
}

/** `dist.tmp-123`, `dist.old-123`: what builds of `final` leave behind when they are killed. */
function leftovers(final: string): { temps: string[]; backups: string[] } {
  const dir = path.dirname(final);
  const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  const of = (kind: string) => {
    const prefix = `${path.basename(final)}.${kind}-`;
    const ours = (name: string) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length));
    return names.filter(ours).map((name) => path.join(dir, name));
  };
  return { temps: of('tmp'), backups: of('old') };
}

/**
 * Called with the lock held, so every leftover is from a build that is gone. A build killed
 * between its two renames left no `final` but a backup: that backup is the previous site.
 */
export function recover(stage: Staging, log: (line: string) => void): void {
  const { temps, backups } = leftovers(stage.final);
  if (!fs.existsSync(stage.final) && backups.length > 0) {
    const newest = backups.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0]!;
    fs.renameSync(newest, stage.final);
    log(`restored the previous site from ${newest} (a build was stopped while swapping it)`);
  }
  for (const dir of [...temps, ...backups]) {
    if (fs.existsSync(dir)) {
      fs.rmSync(dir, { recursive: true, force: true });
      log(`removed ${dir}, left by a build that was stopped`);
    }
  }
}

/** Puts the finished build in place. Synchronous, so no signal handler runs between the renames. */
export function publish(stage: Staging): void {
  const hadSite = fs.existsSync(stage.final);
  if (hadSite) fs.renameSync(stage.final, stage.backup);
  try {
    fs.renameSync(stage.temp, stage.final);
  } catch (error) {
    if (hadSite) fs.renameSync(stage.backup, stage.final);
    throw error;
  }
  if (hadSite) fs.rmSync(stage.backup, { recursive: true, force: true });
}

export function discard(stage: Staging): void {
  fs.rmSync(stage.temp, { recursive: true, force: true });
}
