/**
 * Runs before first paint so a stored theme never flashes the other one. It stays inline (a request
 * would hold up the first paint), so it is a string: the Content-Security-Policy allows exactly
 * these bytes by their hash (src/lib/csp.ts), and ThemeInit.astro writes them unchanged.
 */
export const themeInitScript =
  "try{const t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";
