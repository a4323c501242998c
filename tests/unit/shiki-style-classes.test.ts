import { codeToHast, hastToHtml as toHtml, type BundledLanguage } from 'shiki';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read';
import {
  codePalette,
  declarationClass,
  normalizeDeclaration,
  paletteFromDeclarations,
  transformerStyleClasses,
} from '../../src/integrations/code-blocks/palette';

const themes = { light: 'github-light-default', dark: 'github-dark-default' } as const;
const palette = await codePalette(themes);

/** Every language the notes and the fixtures use, plus ones whose themes set font styles. */
const languages = [
  ...new Set([
    ...[readCorpus('content/notes'), readCorpus('tests/fixtures/content/notes')].flatMap((corpus) =>
      [...corpus.notes.values()].flatMap((note) => note.fences.map((fence) => fence.lang ?? 'text')),
    ),
    'markdown',
    'diff',
    'typescript',
    'html',
  ]),
];

const SAMPLE: Record<string, string> = {
  markdown: '# 标题\n\n*斜体* **粗体** ~~删除~~ [链接](x) `code`\n\n> 引用\n',
  diff: '--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new\n',
};
const GENERIC = 'import x from "y"; // comment\nclass A { static f(a: number): void { return `s${a}` } }\n[section]\nkey = value 1 true\n<div id="x"></div>\n$ echo hi\n';

async function highlight(lang: string, withClasses: boolean) {
  return codeToHast(SAMPLE[lang] ?? GENERIC, {
    lang: lang as BundledLanguage,
    themes,
    defaultColor: false,
    transformers: withClasses ? [transformerStyleClasses(palette)] : [],
  });
}

describe('code palette', () => {
  it('names each declaration with a readable class', () => {
    expect(normalizeDeclaration(' --shiki-light : #CF222E ')).toBe('--shiki-light:#cf222e');
    expect(normalizeDeclaration('  ')).toBeUndefined();
    expect(declarationClass('--shiki-dark-bg:#0d1117')).toBe('shk-dark-bg-0d1117');
    expect(declarationClass('--shiki-light-text-decoration:underline line-through')).toBe('shk-light-text-decoration-underline-line-through');
    expect(declarationClass('overflow-x:auto')).toBe('shk-overflow-x-auto');
    expect(paletteFromDeclarations(['--shiki-light:#cf222e']).css).toContain('.shk-light-cf222e{--shiki-light:#cf222e}');
  });

  it('covers every style Shiki writes for the languages in use, in both themes', async () => {
    expect(languages.length).toBeGreaterThan(5);
    for (const lang of languages) {
      const raw = toHtml(await highlight(lang, false));
      for (const [, style] of raw.matchAll(/style="([^"]*)"/g)) {
        for (const piece of style!.split(';')) {
          const declaration = normalizeDeclaration(piece);
          if (declaration) expect(palette.classes.has(declaration), `${lang}: ${declaration}`).toBe(true);
        }
      }
    }
  });

  it('leaves no style attribute, only classes the stylesheet defines', async () => {
    for (const lang of languages) {
      const html = toHtml(await highlight(lang, true));
      expect(html, lang).not.toContain('style=');
      for (const [, name] of html.matchAll(/\b(shk-[a-z0-9-]+)/g)) expect(palette.css, `${lang}: ${name}`).toContain(`.${name}{`);
    }
  });

  it('refuses a style it has no class for, naming it', async () => {
    const narrow = paletteFromDeclarations(['--shiki-light:#1f2328']);
    await expect(
      codeToHast('x = 1', { lang: 'ini', themes, defaultColor: false, transformers: [transformerStyleClasses(narrow)] }),
    ).rejects.toThrow(/does not cover: "--shiki-dark:#e6edf3"/);
  });
});
