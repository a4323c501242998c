import { transformerNotationDiff, transformerNotationHighlight } from '@shikijs/transformers';
import type { AstroIntegration } from 'astro';
import type { BundledTheme } from 'shiki';
import { zhCN } from '../../lib/i18n';
import { transformerCodeFrame } from './frame';
import { codePalette, transformerStyleClasses } from './palette';
import { paletteStylesheet } from './palette-stylesheet';
import { verifiedBy } from './verified';

const THEMES: { light: BundledTheme; dark: BundledTheme } = { light: 'github-light-default', dark: 'github-dark-default' };

/**
 * Code blocks: Shiki in both themes, a frame (title, marked lines, copy / download / wrap buttons,
 * the verified badge), and token colours as palette classes because a strict CSP blocks Shiki's
 * inline styles.
 */
export function codeBlocks(): AstroIntegration {
  return {
    name: 'notes:code-blocks',
    hooks: {
      'astro:config:setup': async (setup) => {
        const palette = await codePalette(THEMES);
        setup.updateConfig({
          markdown: {
            // Shiki is switched on here, with the palette, rather than in astro.config.mjs: Astro's
            // warning that Shiki's inline styles break a CSP does not apply to palette classes.
            syntaxHighlight: 'shiki',
            shikiConfig: {
              themes: THEMES,
              // Both themes become CSS variables; the stylesheet picks one, so a theme switch needs no re-render.
              defaultColor: false,
              transformers: [
                transformerNotationDiff(),
                transformerNotationHighlight(),
                transformerCodeFrame({ copy: zhCN.copy, download: zhCN.download, wrap: zhCN.wrap, verifiedWith: zhCN.verifiedWith, verifiedCommands: zhCN.verifiedCommands, verifiedBy: verifiedBy() }),
                // Last: turns every style the others wrote into palette classes.
                transformerStyleClasses(palette),
              ],
            },
          },
        });
        paletteStylesheet(palette, setup);
      },
    },
  };
}
