/** The link data read from the notes, shared by the resolver, the checker and the graph. */

export interface CorpusLink {
  /** `relative`: a Markdown link to a file; `wiki`: `[[name]]`; `asset`: an image. */
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
}

/** Raw HTML written in a note (an mdast `html` node), with the line it starts on. */
export interface CorpusHtml {
  value: string;
  line: number;
}

export interface CorpusNote {
  /** `kafka/replication` */
  id: string;
  /** Absolute path of the Markdown file. */
  file: string;
  title: string;
  draft: boolean;
  slugs: Set<string>;
  links: CorpusLink[];
  fences: CorpusFence[];
  html: CorpusHtml[];
  /** The opening prose, plain text, for link previews. */
  excerpt: string;
}

export interface Corpus {
  notesDir: string;
  notes: Map<string, CorpusNote>;
}
