import fs from 'node:fs';
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { readCorpus } from './read';
import { contentDir } from './content-dir';
import { gitLastChanged, lastUpdated } from './dates';
import { buildLinkGraph, type LinkGraph } from './graph';
import type { CorpusNote } from './model';
import { relatedNotes, type Related } from './related';
import { byLastChange, isHub, topicOf } from './note-id';
import { inReadingOrder } from './reading-order';

export type Note = CollectionEntry<'notes'>;

export interface Topic {
  id: string;
  name: string;
  description: string;
  order: number;
  hub: Note | undefined;
  /** The topic's notes in reading order, without the hub. */
  notes: Note[];
}

export interface TagInfo {
  id: string;
  name: string;
  description: string;
  /** Newest first. */
  notes: Note[];
}

export interface SiteData {
  /** Every published note including hubs (drafts only in dev). */
  notes: Note[];
  topics: Topic[];
  topicById: Map<string, Topic>;
  tags: TagInfo[];
  tagById: Map<string, TagInfo>;
  noteById: Map<string, Note>;
  /** Who links to whom, computed once per build. */
  graph: LinkGraph;
  related: Map<string, Related[]>;
  /** Link data per note (the opening text for previews). */
  corpusNotes: Map<string, CorpusNote>;
  /** When each note last changed: its last commit (git-dates.ts), else `updated`, else `date`. */
  updated: Map<string, Date>;
  /** Newest change first, by `updated`; ties by id. */
  byRecency: (a: Note, b: Note) => number;
}

let cached: Promise<SiteData> | undefined;

/** Loads and indexes the content once per build; every page reads from the same result. */
export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

async function load(): Promise<SiteData> {
  // Drafts are served by `astro dev` only: production builds, feeds, sitemap and search never see them.
  const notes = await getCollection('notes', (note) => __SHOW_DRAFTS__ || !note.data.draft);
  const topicEntries = await getCollection('topics');
  const tagEntries = await getCollection('tags');

  const topicById = new Map<string, Topic>(
    topicEntries
      .map((entry) => ({ id: entry.id, ...entry.data, hub: undefined, notes: [] as Note[] }))
      .sort((a, b) => a.order - b.order)
      .map((topic) => [topic.id, topic]),
  );

  const problems: string[] = [];
  for (const note of notes) {
    const file = note.filePath ?? note.id;
    if (note.id.split('/').length !== 2) {
      problems.push(`${file}: notes live at notes/<topic>/<name>.md (one folder deep)`);
      continue;
    }
    const topic = topicById.get(topicOf(note.id));
    if (!topic) {
      problems.push(`${file}: folder "${topicOf(note.id)}" is not a topic in topics.yaml`);
      continue;
    }
    if (isHub(note.id)) topic.hub = note;
    else topic.notes.push(note);
  }
  if (problems.length > 0) throw new Error(`Content errors:\n${problems.join('\n')}`);

  const tagById = new Map<string, TagInfo>(
    tagEntries.map((entry) => [entry.id, { id: entry.id, ...entry.data, notes: [] as Note[] }]),
  );
  const commits = gitLastChanged(path.join(contentDir(), 'notes'));
  const updated = new Map(notes.map((note) => [note.id, lastUpdated(commits.get(`${note.id}.md`), note.data)]));
  const byRecency = byLastChange(updated);
  for (const note of [...notes].sort(byRecency)) {
    for (const tag of note.data.tags) tagById.get(tag)?.notes.push(note);
  }

  const corpus = readCorpus(path.join(contentDir(), 'notes'));
  const graph = buildLinkGraph(corpus, { includeDrafts: __SHOW_DRAFTS__, fileExists: fs.existsSync });
  for (const topic of topicById.values()) topic.notes = inReadingOrder(topic.notes, (graph.outgoing.get(`${topic.id}/index`) ?? []).map((edge) => edge.to));
  const candidates = notes.map((note) => ({ id: note.id, tags: note.data.tags }));
  const related = new Map(notes.map((note) => [note.id, relatedNotes(graph, candidates, note.id, isHub)]));

  return {
    notes,
    topics: [...topicById.values()],
    topicById,
    tags: [...tagById.values()],
    tagById,
    noteById: new Map(notes.map((note) => [note.id, note])),
    graph,
    related,
    corpusNotes: corpus.notes,
    updated,
    byRecency,
  };
}
