import path from 'node:path';
import { z } from 'astro/zod';
import { normalizeTagId } from './vocabulary';

/**
 * What a note's front matter must be. One definition for Astro's loader (src/content.config.ts)
 * and for the content check, which runs it before anything renders and in `astro dev` on every
 * change, so a broken note is named with its file and line in the terminal and in the browser.
 */
export function noteSchema(knownTags: ReadonlySet<string>, tagsFile: string) {
  const shownTagsFile = path.relative(process.cwd(), tagsFile) || tagsFile;
  return z.object({
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
            if (!knownTags.has(id)) ctx.addIssue({ code: 'custom', message: `tag "${id}" is not in the tag vocabulary (${shownTagsFile})` });
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
}
