import { getCollection, type CollectionEntry } from 'astro:content';
import { corpusModel } from './cache';
import { notesDir } from './content-dir';
import type { LinkGraph } from './graph';
import type { CorpusNote } from './model';
import { groupMembers, noteGroups } from './note-groups';
import { isHub, topicOf } from './note-id';
import { byLastChange } from './order';
import { inReadingOrder } from './reading-order';
import { relatedNotesOfAll, type Related } from './related';
import { normalizeTagId } from './vocabulary';

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
  corpusNotes: ReadonlyMap<string, CorpusNote>;
  /** When each note last changed: its last commit (git-dates.ts), else `updated`, else `date`. */
  updated: ReadonlyMap<string, Date>;
  /** Newest change first, by `updated`; ties by id. */
  byRecency: (a: Note, b: Note) => number;
  /** Which file holds a note's preview and local graph (note-groups.ts), and each file's notes. */
  groupOf: ReadonlyMap<string, string>;
  groups: ReadonlyMap<string, string[]>;
}

let cached: Promise<SiteData> | undefined;

/** Indexes the content once per build; every page reads from the same result. */
export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

async function load(): Promise<SiteData> {
  // Drafts are served by `astro dev` only: production builds, feeds, sitemap and search never see them.
  const notes = await getCollection('notes', (note) => __SHOW_DRAFTS__ || !note.data.draft);
  const { corpus, graph, lastChanged } = corpusModel({ notesDir: notesDir(), includeDrafts: __SHOW_DRAFTS__, watch: __SHOW_DRAFTS__ });
  const topics = await topicsWithNotes(notes, graph);
  const byRecency = byLastChange(lastChanged);
  const tags = await tagsWithNotes([...notes].sort(byRecency));
  const candidates = notes.map((note) => ({ id: note.id, tags: note.data.tags }));
  const groupOf = noteGroups(topics.map((topic) => ({ id: topic.id, noteIds: [topic.hub, ...topic.notes].flatMap((note) => (note ? [note.id] : [])) })));
  return {
    notes,
    topics,
    topicById: new Map(topics.map((topic) => [topic.id, topic])),
    tags,
    tagById: new Map(tags.map((tag) => [tag.id, tag])),
    noteById: new Map(notes.map((note) => [note.id, note])),
    graph,
    related: relatedNotesOfAll(graph, candidates, isHub),
    corpusNotes: corpus.notes,
    updated: lastChanged,
    byRecency,
    groupOf,
    groups: groupMembers(groupOf),
  };
}

/** Topics in their order, each with its hub and its notes in the hub's reading order (the layout check vouches for the folders). */
async function topicsWithNotes(notes: Note[], graph: LinkGraph): Promise<Topic[]> {
  const topics = (await getCollection('topics'))
    .map((entry) => ({ id: entry.id, ...entry.data, hub: undefined as Note | undefined, notes: [] as Note[] }))
    .sort((a, b) => a.order - b.order);
  const byId = new Map(topics.map((topic) => [topic.id, topic]));
  for (const note of notes) {
    const topic = byId.get(topicOf(note.id));
    if (!topic) continue;
    if (isHub(note.id)) topic.hub = note;
    else topic.notes.push(note);
  }
  for (const topic of topics) topic.notes = inReadingOrder(topic.notes, (graph.outgoing.get(`${topic.id}/index`) ?? []).map((edge) => edge.to));
  return topics;
}

/** Tags in vocabulary order, each with its notes in the order given (newest first). */
async function tagsWithNotes(notesByRecency: Note[]): Promise<TagInfo[]> {
  // Notes' tags are normalised by the schema; the vocabulary's ids must be too, or a tag page would not match its links.
  const tags = (await getCollection('tags')).map((entry) => ({ id: normalizeTagId(entry.id), ...entry.data, notes: [] as Note[] }));
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  for (const note of notesByRecency) for (const tag of note.data.tags) byId.get(tag)?.notes.push(note);
  return tags;
}
