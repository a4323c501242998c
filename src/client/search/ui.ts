/**
 * All of search's browser code, as one module so it loads as one file: the dialog (opened from any
 * page), the search page, and the marks on a note opened from a result (by then the file is cached).
 */
export { openSearchDialog } from './dialog';
export { highlightSearchTerms } from './highlight';
export { initSearchPage } from './page';
