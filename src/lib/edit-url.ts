import path from 'node:path';

/**
 * "Edit this page" target: `${REPO_URL}/edit/${REPO_BRANCH}/content/notes/<id>.md` (GitHub's form;
 * Gitea and Forgejo take the same path). No REPO_URL, no link; the content folder's path comes from
 * CONTENT_DIR, and a folder outside the repository gets no link either.
 */
export interface EditLinkEnv {
  REPO_URL?: string | undefined;
  REPO_BRANCH?: string | undefined;
}

export function editUrl(id: string, contentDir: string, env: EditLinkEnv = process.env, repoRoot = process.cwd()): string | undefined {
  const repo = env.REPO_URL?.trim().replace(/\/+$/, '');
  if (!repo) return undefined;
  const folder = path.relative(repoRoot, contentDir).split(path.sep).join('/');
  if (folder.startsWith('..') || path.isAbsolute(folder)) return undefined;
  const branch = env.REPO_BRANCH?.trim() || 'main';
  const file = [folder, 'notes', `${id}.md`].filter(Boolean).join('/');
  return `${repo}/edit/${branch}/${file.split('/').map(encodeURIComponent).join('/')}`;
}
