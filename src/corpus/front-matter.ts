import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { CorpusFrontMatter } from './model';

/**
 * Splits a note into front matter and body with the parser Astro's content loader uses, so the
 * corpus and the pages agree on every note (a BOM, CRLF line ends, `+++` TOML). The front matter
 * is blanked, not cut, so body line numbers stay those of the file.
 */
export function splitNote(source: string): { body: string; data: Record<string, unknown> } {
  try {
    const { frontmatter, content } = parseFrontmatter(source, { frontmatter: 'empty-with-lines' });
    return { body: content.replace(/^\uFEFF/, ''), data: frontmatter as Record<string, unknown> };
  } catch {
    // The schema reports bad front matter with its own message; links can still be read.
    return { body: source, data: {} };
  }
}

/** The fields the corpus needs, leniently: the schema is what rejects bad values. */
export function corpusFields(data: Record<string, unknown>, fallbackTitle: string): CorpusFrontMatter {
  const date = (value: unknown) => {
    const parsed = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
    return parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
  };
  return {
    title: typeof data['title'] === 'string' ? data['title'] : fallbackTitle,
    draft: data['draft'] === true,
    tags: Array.isArray(data['tags']) ? data['tags'].map(String) : [],
    date: date(data['date']),
    updated: date(data['updated']),
  };
}
