import type { Element, Root } from 'hast';
import { bundledThemes, normalizeTheme, type BundledTheme, type ShikiTransformer } from 'shiki';
import { visit } from 'unist-util-visit';

/**
 * Shiki writes each token's colours as an inline `style` attribute (`--shiki-light:#CF222E;…`),
 * which a Content-Security-Policy without 'unsafe-inline' for styles blocks. This moves every
 * declaration into a class (`shk-light-cf222e`) and builds one stylesheet holding a rule for every
 * declaration the themes can produce.
 *
 * The stylesheet comes from the themes, not from the blocks highlighted in this build: Astro keeps
 * rendered notes in its content cache between builds, so a build may highlight nothing at all
 * (why `transformerStyleToClass`, which collects its CSS while highlighting, does not fit).
 */
export interface CodePalette {
  /** Normalised declaration (`--shiki-light:#cf222e`) → its class. */
  classes: ReadonlyMap<string, string>;
  /** One rule per class. */
  css: string;
}

/** What Astro's own Shiki transformer writes on `<pre>` (and on `diff` line markers). */
const ASTRO_DECLARATIONS = ['overflow-x:auto', 'white-space:pre-wrap', 'word-wrap:break-word', 'user-select:none'];

/** Shiki's per-token font styles (see getTokenStyleObject), plus the `inherit` it writes for the other theme. */
const FONT_VALUES: Record<string, string[]> = {
  'font-style': ['italic', 'inherit'],
  'font-weight': ['bold', 'inherit'],
  'text-decoration': ['underline', 'line-through', 'underline line-through', 'inherit'],
};

/** `--Shiki-Light: #CF222E` → `--shiki-light:#cf222e`, or undefined for an empty piece. */
export function normalizeDeclaration(declaration: string): string | undefined {
  const colon = declaration.indexOf(':');
  if (colon === -1) return declaration.trim() ? declaration.trim().toLowerCase() : undefined;
  const property = declaration.slice(0, colon).trim().toLowerCase();
  const value = declaration.slice(colon + 1).trim().toLowerCase().replace(/\s+/g, ' ');
  return property ? `${property}:${value}` : undefined;
}

/** A readable class for a declaration: `--shiki-dark-bg:#0d1117` → `shk-dark-bg-0d1117`. */
export function declarationClass(declaration: string): string {
  const slug = declaration
    .replace(/^--shiki-/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `shk-${slug}`;
}

/** Every declaration Shiki can write for these themes with `defaultColor: false` (CSS variables only). */
export function paletteDeclarations(themes: Record<string, { fg: string; bg: string; settings?: unknown; colorReplacements?: Record<string, string> }>): string[] {
  const declarations = new Set(ASTRO_DECLARATIONS);
  for (const [variant, theme] of Object.entries(themes)) {
    // Token colours come from the theme's rules; backgrounds only from the theme itself (on <pre>):
    // grammar tokens carry none (only the `ansi` language has them, and no note uses it).
    const colours = new Set([theme.fg, 'inherit', ...Object.values(theme.colorReplacements ?? {})]);
    for (const setting of (theme.settings ?? []) as { settings?: { foreground?: string } }[]) {
      if (setting.settings?.foreground) colours.add(setting.settings.foreground);
    }
    for (const colour of colours) declarations.add(`--shiki-${variant}:${colour}`);
    declarations.add(`--shiki-${variant}-bg:${theme.bg}`);
    for (const [property, values] of Object.entries(FONT_VALUES)) {
      for (const value of values) declarations.add(`--shiki-${variant}-${property}:${value}`);
    }
  }
  return [...declarations].map((d) => normalizeDeclaration(d)!).filter((d, i, all) => all.indexOf(d) === i);
}

export function paletteFromDeclarations(declarations: string[]): CodePalette {
  const classes = new Map(declarations.map((d) => [d, declarationClass(d)]));
  const css = [...classes].map(([declaration, name]) => `.${name}{${declaration}}`).join('\n');
  return { classes, css: `/* Shiki token styles as classes (src/integrations/code-blocks/palette.ts) */\n${css}\n` };
}

/** The palette of the site's code themes, keyed as in `shikiConfig.themes` (`light`, `dark`). */
export async function codePalette(themes: Record<string, BundledTheme>): Promise<CodePalette> {
  const loaded = Object.fromEntries(
    await Promise.all(Object.entries(themes).map(async ([variant, name]) => [variant, normalizeTheme((await bundledThemes[name]()).default)] as const)),
  );
  return paletteFromDeclarations(paletteDeclarations(loaded));
}

/**
 * Replaces every `style` attribute of a highlighted block with the palette's classes. Runs last
 * (after Astro's and our own transformers have written their styles). A declaration missing from
 * the palette stops the render, naming it, rather than silently losing a colour.
 */
export function transformerStyleClasses(palette: CodePalette): ShikiTransformer {
  return {
    name: 'notes:style-classes',
    root(root: Root) {
      visit(root, 'element', (node: Element) => {
        const style = node.properties['style'];
        if (typeof style !== 'string') return;
        const classes = style.split(';').flatMap((piece) => {
          const declaration = normalizeDeclaration(piece);
          if (!declaration) return [];
          const name = palette.classes.get(declaration);
          if (!name) {
            throw new Error(`Shiki wrote a style the code palette does not cover: "${declaration}" (language ${this.options.lang}); see src/integrations/code-blocks/palette.ts`);
          }
          return [name];
        });
        delete node.properties['style'];
        if (classes.length > 0) this.addClassToHast(node, classes);
      });
    },
  };
}
