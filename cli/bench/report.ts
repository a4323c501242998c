// How `npm run bench` prints its figures.
import os from 'node:os';
import type { Build } from './builds.ts';
import { median, mib, type FileCount } from './measure.ts';
import type { PageWeight } from './page-weight.ts';

const int = (n: number) => n.toLocaleString('en-US');
const s = (seconds: number) => `${seconds.toFixed(1)} s`;
export const line = (label: string, value: string) => console.log(`  ${label.padEnd(24)}${value}`);

/** Other processes on the machine stretch wall time; CPU time moves much less. Say which it was. */
export function load(): string {
  const [one] = os.loadavg();
  return `load average ${one!.toFixed(1)} on ${os.availableParallelism()} CPUs`;
}

export function files(count: FileCount): string {
  const perNote = count.previews + count.localGraph > 0 ? `, ${int(count.previews)} previews/*.json, ${int(count.localGraph)} local-graph/*.json` : '';
  return `${int(count.total)}: ${int(count.pages)} pages, ${int(count.searchIndex)} search index${perNote}, ${int(count.other)} other; ${mib(count.bytes)}`;
}

export function printBuild(build: Build, notes: number): void {
  const search = build.searchSeconds === undefined ? '' : ` (search index ${s(build.searchSeconds)})`;
  line('wall time', `${s(build.seconds)}${search}`);
  line('CPU time', `${s(build.cpuSeconds)} (user + system, whole process tree)`);
  line('per note', `${(build.seconds * 1000 / notes).toFixed(1)} ms wall, ${(build.cpuSeconds * 1000 / notes).toFixed(1)} ms CPU`);
  line('peak RSS', `${mib(build.peakBytes)} (sum of VmRSS over the process tree, sampled every 100 ms)`);
  line('output files', files(build.files));
  const limit = 1.1 * (build.files.pages + build.files.searchIndex);
  line('files goal', `≤ 1.1 × (pages + search index) = ${int(Math.floor(limit))}: ${build.files.total <= limit ? 'met' : 'not met'}`);
  line('host file limit', `${int(HOST_FILE_LIMIT)} (Cloudflare Pages): ${build.files.total < HOST_FILE_LIMIT ? 'under' : 'over'}`);
}

/** The smallest per-site file limit among the hosts the README names. */
const HOST_FILE_LIMIT = 20_000;

export function printPageWeight(urlPath: string, page: PageWeight): void {
  console.log(`\n  One note page, gzip -9: ${urlPath}`);
  line('HTML', `${int(page.html)} B (with ${page.inlineScripts} inline <script>)`);
  for (const asset of page.assets) line(asset.kind, `${int(asset.gz)} B  ${asset.href}${asset.external ? ' (external, not counted)' : ''}`);
  line('total', `${int(page.assets.reduce((sum, asset) => sum + asset.gz, page.html))} B`);
}

/** One row per size; the last column is the cost per note relative to the first size (1.00 = linear). */
export function printScaling(rows: { notes: number; build: Build }[]): void {
  const base = rows[0]!.build.seconds / rows[0]!.notes;
  console.log('\n| notes | wall | CPU | ms/note | CPU ms/note | peak RSS | files | ms/note vs first |\n|---|---|---|---|---|---|---|---|');
  for (const { notes, build } of rows) {
    const perNote = build.seconds / notes;
    console.log(`| ${int(notes)} | ${s(build.seconds)} | ${s(build.cpuSeconds)} | ${(perNote * 1000).toFixed(1)} | ${(build.cpuSeconds * 1000 / notes).toFixed(1)} | ${mib(build.peakBytes)} | ${int(build.files.total)} | ${(perNote / base).toFixed(2)}× |`);
  }
}

/** Medians of the alternating runs, ours against Starlight's, and the ratio. */
export function printComparison(notes: number, ours: { cold: Build[]; warm: Build[] }, theirs: { cold: Build[]; warm: Build[] }): void {
  const row = (label: string, pick: (b: Build) => number, mine: Build[], other: Build[], unit: (n: number) => string) => {
    const [a, b] = [median(mine.map(pick)), median(other.map(pick))];
    console.log(`| ${label} | ${unit(a)} | ${unit(b)} | ${(a / b).toFixed(2)}× |`);
  };
  console.log(`\n=== ${int(notes)} notes, medians of ${ours.cold.length} alternating runs each; ${load()} ===`);
  console.log('| | ours | Starlight | ratio |\n|---|---|---|---|');
  row('cold build, wall', (b) => b.seconds, ours.cold, theirs.cold, s);
  row('cold build, CPU', (b) => b.cpuSeconds, ours.cold, theirs.cold, s);
  row('warm rebuild, wall', (b) => b.seconds, ours.warm, theirs.warm, s);
  row('warm rebuild, CPU', (b) => b.cpuSeconds, ours.warm, theirs.warm, s);
  row('peak RSS (cold)', (b) => b.peakBytes, ours.cold, theirs.cold, mib);
  row('output files', (b) => b.files.total, ours.cold, theirs.cold, int);
  console.log(`\n  ours:      ${files(ours.cold[0]!.files)}\n  Starlight: ${files(theirs.cold[0]!.files)}`);
  // Our search index is made inside astro build, so only Starlight's Pagefind step has its own time.
  const pagefind = median(theirs.cold.map((b) => b.searchSeconds ?? NaN));
  if (Number.isFinite(pagefind)) console.log(`  Starlight's Pagefind step (cold): ${s(pagefind)} of its wall time`);
}
