import path from 'node:path';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentDir } from './corpus/content-dir';
import { htmlApart } from './corpus/note-html';
import { noteSchema } from './corpus/schema';
import { readVocabularyIds } from './corpus/vocabulary';

const root = contentDir();
const knownTags = readVocabularyIds('tags.yaml');

/** Front matter of a note. Every violation names the file and the field (Astro adds both). */
const notesSchema = noteSchema(knownTags, path.join(root, 'tags.yaml'));

const notes = defineCollection({
  // Each note's rendered HTML sits in a file of its own, not in the content cache (note-html.ts).
  loader: htmlApart(glob({
    base: path.join(root, 'notes'),
    pattern: '**/*.md',
    // The id is the path as written (`kafka/replication`), which is also the URL.
    generateId: ({ entry }) => entry.replace(/\.md$/, ''),
    // Pages read the rendered HTML only; the Markdown itself need not sit in the content cache too.
    retainBody: false,
  })),
  schema: notesSchema,
});

const topics = defineCollection({
  loader: file(path.join(root, 'topics.yaml')),
  schema: z.object({
    name: z.string().min(1),
    description: z.string().min(1),
    order: z.number().int(),
  }),
});

const tags = defineCollection({
  loader: file(path.join(root, 'tags.yaml')),
  schema: z.object({
    name: z.string().min(1),
    description: z.string().min(1),
  }),
});

export const collections = { notes, topics, tags };
