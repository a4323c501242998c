/**
 * clipboard-copy's fallback (a hidden text area and `execCommand('copy')`) for pages without the
 * Clipboard API, in a chunk of its own: the library is CommonJS, and its interop code should not
 * ride along in every note page's script.
 */
import copy from 'clipboard-copy';

export const copyWithFallback = copy;
