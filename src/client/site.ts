/**
 * The script of every page, as one small module (one request, one gzip header): the theme
 * toggle and the search opener.
 */
import { initSearchOpener } from './search/opener';
import { initThemeToggle } from './theme-toggle';

initThemeToggle();
initSearchOpener();
