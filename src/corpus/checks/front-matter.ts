import path from 'node:path';
import type { Corpus } from '../model';
import { noteSchema } from '../schema';
import { readVocabularyIds } from '../vocabulary';
import type { ContentProblem } from './problem';

/** Every note's front matter against the schema Astro's loader uses, each issue at its field's line. */
export function checkFrontMatter(corpus: Corpus, includeDrafts: boolean): ContentProblem[] {
  const contentDir = path.dirname(corpus.notesDir);
  const schema = noteSchema(readVocabularyIds('tags.yaml', contentDir), path.join(contentDir, 'tags.yaml'));
  const problems: ContentProblem[] = [];
  for (const note of corpus.notes.values()) {
    if (note.draft && !includeDrafts) continue;
    const result = schema.safeParse(note.frontMatter.data);
    if (result.success) continue;
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      const line = note.frontMatter.fieldLines[field] ?? 1;
      const missing = field !== '' && note.frontMatter.data[field] === undefined;
      problems.push({ file: note.file, line, target: field || 'front matter', reason: missing ? `${field} is required` : issue.message });
    }
  }
  return problems;
}
