/**
 * The script of note pages, as one module: TOC placement and highlight, code copy/download/wrap,
 * and the openers of link previews and the local graph (whose code loads when first used). Each
 * part finds its own elements and does nothing without them.
 */
import { initCodeActions } from './code-actions';
import { initLocalGraph } from './graph/local-opener';
import { initLinkPreviews } from './link-preview-opener';
import { highlightCurrentSection, openTocOnWideScreens } from './toc-highlight';

openTocOnWideScreens();
highlightCurrentSection();
initCodeActions();
initLinkPreviews();
initLocalGraph();
