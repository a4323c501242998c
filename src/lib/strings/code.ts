/** What the code buttons' script (src/client/code-actions.ts) shows and announces. */
export const codeStrings = {
  copy: '复制',
  copied: '已复制',
  copiedAnnouncement: '代码已复制到剪贴板',
  copyFailed: '复制失败',
  downloaded: (name: string) => `已下载 ${name}`,
} as const;
