/**
 * Mermaid diagrams drawn at build time: a ```mermaid fence becomes an inline SVG that follows the
 * site's theme, with no script and no inline style. astro.config.mjs adds both parts:
 * `remarkDiagrams` to the Markdown plugins, `diagramsIntegration` to the integrations.
 */
export { remarkDiagrams } from './remark-diagrams';
export { diagramsIntegration } from './integration';
