import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderMermaidSVG } from 'beautiful-mermaid';
import { DiagramError, readDiagramSource, type DiagramSource } from './source';
import { validateDiagram } from './validate';

/**
 * Renders a ```mermaid fence to SVG with beautiful-mermaid (pure Node: no browser, synchronous
 * ELK layout), after Mermaid's parser has accepted it. Renders are cached by content hash under
 * node_modules/.cache/notes-diagrams, so a warm build neither parses nor lays out anything.
 */

export interface RenderedDiagram extends DiagramSource {
  /** The renderer's SVG as it came out; svg.ts makes it fit the page. */
  svg: string;
  /** sha256 of the code and the renderer versions: the cache key and the standalone file's name. */
  hash: string;
}

/** Layout options; colours do not matter here, the stylesheet sets them (svg.ts drops the renderer's own). */
const RENDER_OPTIONS = { bg: '#ffffff', fg: '#000000', transparent: true, padding: 16 } as const;

/** A dependency's version, found the way Node finds the package (its exports hide package.json). */
function packageVersion(name: string): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', name, 'package.json');
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  }
  throw new Error(`diagrams: cannot find the ${name} package`);
}

/** What a render depends on besides the code: a new renderer or parser version renders again. */
export const RENDERER = {
  renderer: `beautiful-mermaid ${packageVersion('beautiful-mermaid')}`,
  parser: `mermaid ${packageVersion('mermaid')}`,
  options: RENDER_OPTIONS,
};

export function cacheDir(): string {
  return path.resolve(process.env['DIAGRAM_CACHE_DIR'] ?? path.join('node_modules', '.cache', 'notes-diagrams'));
}

export function diagramHash(code: string): string {
  return createHash('sha256').update(JSON.stringify([RENDERER, code])).digest('hex');
}

function readCache(hash: string): string | undefined {
  try {
    return fs.readFileSync(path.join(cacheDir(), `${hash}.svg`), 'utf8');
  } catch {
    return undefined;
  }
}

/** Written under a temporary name and renamed, so a parallel reader never sees half a file. */
function writeCache(hash: string, svg: string): void {
  const dir = cacheDir();
  fs.mkdirSync(dir, { recursive: true });
  const temporary = path.join(dir, `${hash}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  fs.writeFileSync(temporary, svg);
  fs.renameSync(temporary, path.join(dir, `${hash}.svg`));
}

/** Statistics for `npm run bench`. */
export const renderStats = { rendered: 0, cached: 0, renderMs: 0 };

/** Throws a DiagramError (with the line in the fence's code) for anything that cannot be drawn. */
export async function renderDiagram(code: string): Promise<RenderedDiagram> {
  const source = readDiagramSource(code);
  const hash = diagramHash(code);
  const cached = readCache(hash);
  if (cached !== undefined) {
    renderStats.cached++;
    return { ...source, svg: cached, hash };
  }
  const started = performance.now();
  await validateDiagram(code, source.headerLine);
  let svg: string;
  try {
    svg = renderMermaidSVG(source.drawable, RENDER_OPTIONS);
  } catch (error) {
    throw new DiagramError(source.headerLine, `beautiful-mermaid: ${error instanceof Error ? error.message : String(error)}`);
  }
  renderStats.rendered++;
  renderStats.renderMs += performance.now() - started;
  writeCache(hash, svg);
  return { ...source, svg, hash };
}
