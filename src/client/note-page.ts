/**
 * The script of note pages, as one module: TOC highlight, code copy/download, link previews and
 * the local-graph opener. Each part finds its own elements and does nothing without them.
 */
import { initCodeActions } from './code-actions';
import { initLocalGraph } from './graph/local-opener';
import { initLinkPreviews } from './link-preview';
import { highlightCurrentSection, openTocOnWideScreens } from './toc-highlight';

openTocOnWideScreens();
highlightCurrentSection();
initCodeActions();
initLinkPreviews();
initLocalGraph();
