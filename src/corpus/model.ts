/** The model of the notes: what the corpus reads from each file, shared by checks, graph, pages and CLIs. */
import type { ContentProblem } from './checks/problem';
import type { NoteId } from './note-id';

export interface CorpusLink {
  /** `relative`: a Markdown link (inline or reference-style) to a file; `wiki`: `[[name]]`; `asset`: an image. */
  kind: 'relative' | 'wiki' | 'asset';
  /** As written: `../jvm/heap.md`, `replication`, `kafka/replication`, `./diagram.png`; empty for `#anchor`. */
  target: string;
  anchor: string | undefined;
  line: number;
  /** The sentence around the link. */
  context: string;
}

/** A fenced code block as written. */
export interface CorpusFence {
  lang: string | undefined;
  meta: string | undefined;
  line: number;
  code: string;
  /** False when the fence runs to the end of the note without its closing marker. */
  closed: boolean;
}

/** Raw HTML written in a note (an mdast `html` node), with the line it starts on. */
export interface CorpusHtml {
  value: string;
  line: number;
}

/** The front matter fields the corpus itself needs; the schema (src/content.config.ts) checks them all. */
export interface CorpusFrontMatter {
  title: string;
  draft: boolean;
  tags: string[];
  date: Date | undefined;
  updated: Date | undefined;
}

export interface CorpusNote extends CorpusFrontMatter {
  id: NoteId;
  /** The front matter as written, and the line of each field, for the schema check. */
  frontMatter: { data: Record<string, unknown>; fieldLines: Record<string, number> };
  /** Absolute path of the Markdown file. */
  file: string;
  slugs: Set<string>;
  links: CorpusLink[];
  fences: CorpusFence[];
  html: CorpusHtml[];
  /** The opening prose, plain text, for link previews. */
  excerpt: string;
}

export interface Corpus {
  notesDir: string;
  notes: ReadonlyMap<string, CorpusNote>;
  /** File name without `.md` → the notes with that name, for `[[name]]` wikilinks. */
  byName: ReadonlyMap<string, NoteId[]>;
  /** What reading found wrong: files that are not notes (encoding, size, nesting: not in `notes`) and front matter that is not valid YAML or has impossible dates. */
  readProblems: ContentProblem[];
}
