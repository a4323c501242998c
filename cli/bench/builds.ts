// One cold or warm build of the generated notes, by this project or by the Starlight project.
import fs from 'node:fs';
import path from 'node:path';
import { countFiles, measure, type FileCount, type Run } from './measure.ts';
import { starlightDir } from './starlight.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface Build extends Run {
  files: FileCount;
  /** How long the search index took, as the build log reports it (ours: in a worker, beside the pages). */
  searchSeconds: number | undefined;
}

function finish(run: Run, outDir: string, searchSeconds: RegExp, who: string): Build {
  if (run.code !== 0) {
    console.error(`${run.output.split('\n').slice(-60).join('\n')}\nbench: ${who} build FAILED (exit ${run.code}) after ${run.seconds.toFixed(1)} s`);
    process.exit(1);
  }
  const found = searchSeconds.exec(run.output)?.[1];
  return { ...run, files: countFiles(outDir), searchSeconds: found === undefined ? undefined : Number(found) };
}

/** The content cache folder astro.config.mjs keeps for an OUT_DIR. */
const cacheDirs = new Set<string>();
function cacheDir(outDir: string): string {
  const dir = path.join(root, 'node_modules', '.astro', outDir.replace(/[^\w-]+/g, '_'));
  cacheDirs.add(dir);
  return dir;
}

/** Removes the content caches of the bench's builds, which would otherwise pile up in node_modules/.astro/. */
export function removeCaches(): void {
  for (const dir of cacheDirs) fs.rmSync(dir, { recursive: true, force: true });
}

/** `npm run build` of the notes in contentDir; cold removes the output and the content cache first. */
export async function buildOurs(contentDir: string, outDir: string, cold: boolean): Promise<Build> {
  if (cold) {
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(cacheDir(outDir), { recursive: true, force: true });
  }
  const run = await measure('npm', ['run', 'build'], { cwd: root, env: { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir }, log: `${outDir}.log` });
  return finish(run, outDir, /\[notes:search\] [\d,]+ files written; made in ([\d.]+) s/, 'our');
}

/** `astro build` of bench/starlight (its integration runs Pagefind); cold removes output and caches first. */
export async function buildStarlight(outDir: string, cold: boolean): Promise<Build> {
  if (cold) {
    for (const dir of [outDir, path.join(starlightDir, 'node_modules', '.astro'), path.join(starlightDir, '.astro')]) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const run = await measure('npm', ['run', 'build', '--', '--outDir', outDir], { cwd: starlightDir, env, log: `${outDir}.log` });
  return finish(run, outDir, /Finished building search index in ([\d.]+)s/, 'Starlight');
}
