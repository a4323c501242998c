/**
 * Theme toggle with three states: follow the system (nothing stored), light, dark. A click moves
 * to the theme the system does not show, then to the one it shows, then back to following it, so
 * the first click always changes the page. The stored choice is applied before first paint by
 * src/lib/theme-init.ts, which reads the same `theme` key.
 */
type Choice = 'system' | 'light' | 'dark';

const GLYPH: Record<Choice, string> = { system: '◐', light: '☀', dark: '☾' };

function storedChoice(): Choice {
  const chosen = document.documentElement.dataset['theme'];
  return chosen === 'light' || chosen === 'dark' ? chosen : 'system';
}

function systemTheme(): 'light' | 'dark' {
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function nextChoice(choice: Choice): Choice {
  const shown = systemTheme();
  if (choice === 'system') return shown === 'dark' ? 'light' : 'dark';
  return choice === shown ? 'system' : shown;
}

function apply(choice: Choice): void {
  const root = document.documentElement;
  try {
    if (choice === 'system') localStorage.removeItem('theme');
    else localStorage.setItem('theme', choice);
  } catch {
    // Private modes may refuse storage; the choice still holds for this page.
  }
  if (choice === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = choice;
}

export function initThemeToggle(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    const glyph = button.querySelector('[data-theme-label]');
    const render = () => {
      const choice = storedChoice();
      const label = (button.dataset['label'] ?? '').replace('{state}', button.dataset[choice] ?? choice);
      button.setAttribute('aria-label', label);
      button.title = label;
      if (glyph) glyph.textContent = GLYPH[choice];
    };
    button.addEventListener('click', () => {
      apply(nextChoice(storedChoice()));
      render();
    });
    button.hidden = false;
    render();
  }
}
