/** siteData() as pages see it, through Astro's own Vite config (astro:content and all), on the fixture notes. */
import { describe, expect, it } from 'vitest';
import { siteData } from '../../src/corpus/site-data';

describe('siteData on the fixture content', async () => {
  const data = await siteData();

  it('lists the topics in topics.yaml order, each with its hub and its notes', () => {
    expect(data.topics.map((topic) => topic.id)).toEqual(['alpha', 'beta']);
    expect(data.topicById.get('alpha')?.hub?.id).toBe('alpha/index');
    expect(data.topicById.get('beta')?.notes.map((note) => note.id)).toEqual(['beta/links']);
  });

  it('shows the draft, as `astro dev` does', () => {
    expect(data.noteById.has('alpha/draft-note')).toBe(true);
  });

  it('computes backlinks once, from every link kind (the reference-style one included)', () => {
    expect((data.graph.incoming.get('alpha/code') ?? []).map((edge) => edge.from)).toContain('beta/links');
    expect((data.graph.incoming.get('alpha/gfm') ?? []).map((edge) => edge.from)).toContain('beta/links');
  });

  it('dates every note and orders by last change', () => {
    for (const note of data.notes) expect(data.updated.get(note.id), note.id).toBeInstanceOf(Date);
    const times = [...data.notes].sort(data.byRecency).map((note) => data.updated.get(note.id)!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
