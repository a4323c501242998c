import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { CorpusFrontMatter } from './model';

export interface FrontMatterProblem {
  line: number;
  target: string;
  reason: string;
}

/**
 * Splits a note into front matter and body with the parser Astro's content loader uses, so the
 * corpus and the pages agree on every note (a BOM, CRLF line ends, `+++` TOML). The front matter
 * is blanked, not cut, so body line numbers stay those of the file.
 */
export interface SplitNote {
  body: string;
  data: Record<string, unknown>;
  /** The line of each top-level field, for messages about it. */
  fieldLines: Record<string, number>;
  problems: FrontMatterProblem[];
}

export function splitNote(source: string): SplitNote {
  try {
    const { frontmatter, rawFrontmatter, content } = parseFrontmatter(source, { frontmatter: 'empty-with-lines' });
    const body = content.replace(/^\uFEFF/, '');
    return { body, data: frontmatter as Record<string, unknown>, fieldLines: fieldLines(rawFrontmatter), problems: calendarProblems(rawFrontmatter) };
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as Error).message.split('\n')[0] ?? 'invalid YAML';
    // js-yaml counts lines from the opening `---` (line 1 of the file) as 0.
    return { body: source, data: {}, fieldLines: {}, problems: [{ line: (mark?.line ?? 0) + 2, target: 'front matter', reason: `not valid YAML: ${reason}` }] };
  }
}

/** `title: …` on the second line of the file → `{ title: 2 }`. */
function fieldLines(raw: string): Record<string, number> {
  const lines: Record<string, number> = {};
  for (const [index, line] of raw.split('\n').entries()) {
    const field = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
    if (field && !(field in lines)) lines[field] = index + 1;
  }
  return lines;
}

/**
 * YAML reads `date: 2026-13-45` as a timestamp and rolls it over to 2027-02-14; an author meant a
 * real day, so a date whose month or day does not exist is an error, not a different date.
 */
function calendarProblems(raw: string): FrontMatterProblem[] {
  const problems: FrontMatterProblem[] = [];
  for (const [index, line] of raw.split('\n').entries()) {
    const match = /^(date|updated)\s*:\s*['"]?(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(line);
    if (!match) continue;
    const [year, month, day] = [match[2], match[3], match[4]].map(Number) as [number, number, number];
    const real = new Date(Date.UTC(year, month - 1, day));
    if (real.getUTCMonth() !== month - 1 || real.getUTCDate() !== day) {
      problems.push({ line: index + 1, target: `${match[1]}: ${match[2]}-${match[3]}-${match[4]}`, reason: 'no such day in the calendar (write YYYY-MM-DD)' });
    }
  }
  return problems;
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
