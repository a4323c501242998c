// Build benchmark on generated notes (cli/bench/corpus.ts).
//   npm run bench [-- N …]                      cold build of N notes (default 1000) per N: time, CPU,
//                                               peak RSS, files, ms per note; several N show scaling
//   npm run bench -- --vs-starlight [N] [--runs R]   the same N notes built by this project and by the
//                                               pinned Starlight in bench/starlight/, alternating,
//                                               R cold + R warm builds each (default 3): medians, ratio
//   --keep                                      keeps the generated notes and the built sites
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildOurs, buildStarlight, removeCaches, type Build } from './bench/builds.ts';
import { generateCorpus } from './bench/corpus.ts';
import { timeHighlighting } from './bench/highlight.ts';
import { timeDiagrams } from './bench-diagrams.ts';
import { pageWeight } from './bench/page-weight.ts';
import { line, load, printBuild, printComparison, printPageWeight, printScaling } from './bench/report.ts';
import { installStarlight, writeStarlightDocs } from './bench/starlight.ts';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'vs-starlight': { type: 'boolean', default: false }, runs: { type: 'string', default: '3' }, keep: { type: 'boolean', default: false } },
});
const positive = (text: string, what: string) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`bench: ${what} must be a positive integer, got "${text}"`);
  return n;
};
const sizes = (positionals.length > 0 ? positionals : [process.env.BENCH_NOTES ?? '1000']).map((n) => positive(n, 'the note count'));
const runs = positive(options.runs, '--runs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-bench-'));

function corpus(notes: number): { contentDir: string; pageId: string } {
  const contentDir = path.join(tmp, `content-${notes}`);
  console.log(`bench: generating ${notes} notes into ${contentDir}`);
  const planned = generateCorpus(notes, contentDir);
  return { contentDir, pageId: planned[Math.min(1, notes - 1)]!.id };
}

async function scaling(): Promise<void> {
  const rows: { notes: number; build: Build }[] = [];
  for (const notes of sizes) {
    const { contentDir, pageId } = corpus(notes);
    const outDir = path.join(tmp, `out-${notes}`);
    console.log(`bench: cold npm run build of ${notes} notes (OUT_DIR=${outDir}, log in ${outDir}.log); ${load()}`);
    const build = await buildOurs(contentDir, outDir, true);
    console.log(`\n=== ${notes} notes (+5 topic hubs), cold build, Node ${process.version}; now ${load()} ===`);
    printBuild(build, notes);
    const highlighting = await timeHighlighting(path.join(contentDir, 'notes'));
    line('highlighting (Shiki)', `~${(highlighting.highlightMs / 1000).toFixed(1)} s for ${highlighting.blocks} code blocks (Shiki alone, timed apart)`);
    printPageWeight(`/${pageId}/`, pageWeight(outDir, `/${pageId}/`));
    rows.push({ notes, build });
  }
  if (rows.length > 1) printScaling(rows);
  // The synthetic notes have no diagrams: the real notes' diagrams are timed on their own.
  const diagrams = await timeDiagrams();
  line('diagrams (real notes)', `${diagrams.diagrams} diagrams: first ${diagrams.firstMs.toFixed(0)} ms (starts Mermaid's parser), then ${diagrams.coldMs.toFixed(0)} ms each uncached, ${diagrams.warmMs.toFixed(2)} ms each from the cache`);
}

async function versusStarlight(): Promise<void> {
  const notes = sizes[0]!;
  installStarlight();
  const { contentDir } = corpus(notes);
  console.log(`bench: the same notes as Starlight docs: ${writeStarlightDocs(contentDir)} files`);
  const ours = { cold: [] as Build[], warm: [] as Build[] };
  const theirs = { cold: [] as Build[], warm: [] as Build[] };
  const [ourOut, theirOut] = [path.join(tmp, 'ours'), path.join(tmp, 'starlight')];
  const report = (who: string, kind: string, run: number, build: Build) =>
    console.log(`bench: run ${run}/${runs} ${who.padEnd(9)} ${kind}: ${build.seconds.toFixed(1)} s wall, ${build.cpuSeconds.toFixed(1)} s CPU, ${(build.peakBytes / 1048576).toFixed(0)} MiB peak; ${load()}`);
  for (let run = 1; run <= runs; run++) {
    for (const [who, build, into] of [['ours', (cold: boolean) => buildOurs(contentDir, ourOut, cold), ours], ['Starlight', (cold: boolean) => buildStarlight(theirOut, cold), theirs]] as const) {
      for (const kind of ['cold', 'warm'] as const) {
        const result = await build(kind === 'cold');
        into[kind].push(result);
        report(who, kind, run, result);
      }
    }
  }
  printComparison(notes, ours, theirs);
}

try {
  await (options['vs-starlight'] ? versusStarlight() : scaling());
} finally {
  if (options.keep) console.log(`\nbench: kept ${tmp}`);
  else {
    fs.rmSync(tmp, { recursive: true, force: true });
    removeCaches();
  }
}
