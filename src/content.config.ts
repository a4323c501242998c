import path from 'node:path';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentDir } from './corpus/content-dir';
import { normalizeTagId, readVocabularyIds } from './corpus/vocabulary';

const root = contentDir();
const tagsFile = path.relative(process.cwd(), path.join(root, 'tags.yaml'));
const knownTags = readVocabularyIds('tags.yaml');

/** Front matter of a note. Every violation names the file and the field (Astro adds both). */
const noteSchema = z.object({
  title: z.string().trim().min(1, 'title must not be empty'),
  description: z
    .string()
    .trim()
    .min(1, 'description must not be empty')
    .refine((text) => !/[。！？]\s*\S|[.!?]\s+\S/.test(text), 'description must be one sentence'),
  tags: z
    .array(
      z
        .string()
        .transform(normalizeTagId)
        .superRefine((id, ctx) => {
          if (!knownTags.has(id)) {
            ctx.addIssue({ code: 'custom', message: `tag "${id}" is not in the tag vocabulary (${tagsFile})` });
          }
        }),
    )
    .min(1, 'tags must list at least one tag'),
  date: z.coerce.date(),
  updated: z.coerce.date().optional(),
  draft: z.boolean().default(false),
  /** The reading order is the hub's (src/corpus/reading-order.ts); a second source could contradict it. */
  order: z
    .never({ error: 'order is not used: the topic hub (index.md) defines the reading order by the order of its links; remove this field and place the note in the hub’s list' })
    .optional(),
});

const notes = defineCollection({
  loader: glob({
    base: path.join(root, 'notes'),
    pattern: '**/*.md',
    // The id is the path as written (`kafka/replication`), which is also the URL.
    generateId: ({ entry }) => entry.replace(/\.md$/, ''),
  }),
  schema: noteSchema,
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
