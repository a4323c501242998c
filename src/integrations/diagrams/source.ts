/**
 * What a ```mermaid fence holds, read before anything renders: the diagram's kind, its
 * accessibility lines and the lines that would set fixed colours. Lines are 1-based lines of the
 * fence's code; the note's line is the fence's line plus this one.
 */

/** The kinds beautiful-mermaid draws as SVG, by the header that starts them. */
export const DIAGRAM_KINDS = {
  flowchart: /^(?:graph|flowchart)\b/,
  state: /^stateDiagram(?:-v2)?\b/,
  sequence: /^sequenceDiagram\b/,
  class: /^classDiagram(?:-v2)?\b/,
  er: /^erDiagram\b/,
} as const;

export type DiagramKind = keyof typeof DIAGRAM_KINDS;

/** The headers as an author writes them, for messages and the README. */
export const SUPPORTED_HEADERS = 'flowchart (graph), stateDiagram-v2, sequenceDiagram, classDiagram, erDiagram';

export interface DiagramSource {
  kind: DiagramKind;
  /** Line of the header (`flowchart LR`). */
  headerLine: number;
  accTitle: string | undefined;
  accDescr: string | undefined;
  /**
   * The code with its accTitle/accDescr lines blanked: Mermaid reads them, beautiful-mermaid
   * would draw them as boxes. Blank lines keep every other line where it was.
   */
  drawable: string;
}

/** Something wrong at a line of the fence's code. */
export class DiagramError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'DiagramError';
  }
}

const COMMENT = /^\s*%%/;
const ACC_LINE = /^\s*(accTitle|accDescr)\s*:\s*(.*?)\s*$/;
const ACC_BLOCK_START = /^\s*accDescr\s*\{\s*(.*)$/;
/** Statements that paint with fixed colours, which would not follow the site's dark theme. */
const FIXED_COLOURS = /^\s*(style|classDef|linkStyle|rect\s+rgba?\()/;

/** Reads a fence's code; throws a DiagramError for a kind the renderer cannot draw. */
export function readDiagramSource(code: string): DiagramSource {
  const lines = code.split('\n');
  const headerIndex = lines.findIndex((line) => line.trim() !== '' && !COMMENT.test(line));
  if (headerIndex < 0) throw new DiagramError(1, 'the diagram is empty');
  const header = lines[headerIndex]!.trim();
  const kind = (Object.keys(DIAGRAM_KINDS) as DiagramKind[]).find((name) => DIAGRAM_KINDS[name].test(header));
  if (!kind) {
    const word = header.split(/\s/)[0];
    throw new DiagramError(
      headerIndex + 1,
      `"${word}" diagrams are not supported: the build-time renderer (beautiful-mermaid) draws ${SUPPORTED_HEADERS}`,
    );
  }
  const drawable = [...lines];
  let accTitle: string | undefined;
  let accDescr: string | undefined;
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const single = ACC_LINE.exec(line);
    const block = ACC_BLOCK_START.exec(line);
    if (single) {
      if (single[1] === 'accTitle') accTitle = single[2];
      else accDescr = single[2];
      drawable[i] = '';
    } else if (block) {
      const end = lines.findIndex((candidate, j) => j >= i && candidate.includes('}'));
      if (end < 0) throw new DiagramError(i + 1, 'accDescr { has no closing }');
      const text = [block[1]!, ...lines.slice(i + 1, end + 1)].join('\n').replace(/\}\s*$/, '');
      accDescr = text.split('\n').map((part) => part.trim()).filter(Boolean).join(' ');
      for (let j = i; j <= end; j++) drawable[j] = '';
      i = end;
    } else if (FIXED_COLOURS.test(line)) {
      throw new DiagramError(
        i + 1,
        `"${line.trim().split(/\s/)[0]}" sets fixed colours, which would not follow the site's dark theme: ` +
          'diagrams take their colours from the site (src/styles/diagrams.css)',
      );
    }
  }
  return { kind, headerLine: headerIndex + 1, accTitle: accTitle || undefined, accDescr: accDescr || undefined, drawable: drawable.join('\n') };
}
