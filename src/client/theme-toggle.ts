/** Light/dark toggle: stores the reader's choice; without one the system preference rules. */
type Theme = 'light' | 'dark';

function currentTheme(): Theme {
  const chosen = document.documentElement.dataset['theme'];
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function initThemeToggle(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    const label = button.querySelector('[data-theme-label]');
    const render = () => {
      const theme = currentTheme();
      button.setAttribute('aria-pressed', String(theme === 'dark'));
      if (label) label.textContent = theme === 'dark' ? '☾' : '☀';
      button.title = (theme === 'dark' ? button.dataset['labelDark'] : button.dataset['labelLight']) ?? '';
    };
    button.addEventListener('click', () => {
      const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset['theme'] = next;
      try {
        localStorage.setItem('theme', next);
      } catch {
        // Private modes may refuse storage; the toggle still works for this page.
      }
      render();
    });
    button.hidden = false;
    render();
  }
}
