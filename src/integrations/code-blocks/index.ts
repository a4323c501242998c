import { rehypeShiki, type ShikiConfig } from '@astrojs/markdown-remark';
import { transformerNotationDiff, transformerNotationHighlight } from '@shikijs/transformers';
import type { AstroIntegration } from 'astro';
import type { BundledTheme } from 'shiki';
import { zhCN } from '../../lib/i18n';
import { transformerCodeFrame } from './frame';
import { codePalette, transformerStyleClasses, type CodePalette } from './palette';
import { paletteStylesheet } from './palette-stylesheet';
import { verifiedBy } from './verified';

const THEMES: { light: BundledTheme; dark: BundledTheme } = { light: 'github-light-default', dark: 'github-dark-default' };

let palette: Promise<CodePalette> | undefined;
const sitePalette = () => (palette ??= codePalette(THEMES));

/**
 * Code blocks: Shiki in both themes, a frame (title, marked lines, copy / download / wrap buttons,
 * the verified badge), and token colours as palette classes because a strict CSP blocks Shiki's
 * inline styles.
 */
export function codeBlocks(): AstroIntegration {
  return {
    name: 'notes:code-blocks',
    hooks: {
      'astro:config:setup': async (setup) => paletteStylesheet(await sitePalette(), setup),
    },
  };
}

/**
 * The rehype plugin that highlights the notes' code blocks. The notes' pipeline runs it after its
 * own rehype plugins (Astro's `syntaxHighlight` would run it before them), so they walk the tree
 * before every token has become an element of its own.
 */
export async function rehypeHighlightCode(): Promise<[typeof rehypeShiki, Partial<ShikiConfig>]> {
  return [
    rehypeShiki,
    {
      themes: THEMES,
      // Both themes become CSS variables; the stylesheet picks one, so a theme switch needs no re-render.
      defaultColor: false,
      // Astro's default: long lines scroll (the frame's wrap button switches a block to wrapping).
      wrap: false,
      transformers: [
        transformerNotationDiff(),
        transformerNotationHighlight(),
        transformerCodeFrame({ copy: zhCN.copy, download: zhCN.download, wrap: zhCN.wrap, verifiedWith: zhCN.verifiedWith, verifiedCommands: zhCN.verifiedCommands, verifiedBy: verifiedBy() }),
        // Last: turns every style the others wrote into palette classes.
        transformerStyleClasses(await sitePalette()),
      ],
    },
  ];
}
