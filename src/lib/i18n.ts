/**
 * Every string shown to readers. A second locale is another object of the same shape.
 */
export const zhCN = {
  lang: 'zh-CN',
  siteName: '笔记库',
  siteTagline: '运维与后端工程笔记：进程守护、Kafka、JVM 内存、nginx 与职业随想',
  skipToContent: '跳到正文',
  home: '首页',
  topics: '专题',
  allTags: '全部标签',
  tags: '标签',
  recentlyUpdated: '最近更新',
  notesInTopic: '本专题的笔记',
  noteCount: (n: number) => `${n} 篇笔记`,
  created: '创建于',
  updated: '更新于',
  toc: '本页目录',
  breadcrumb: '导航路径',
  prev: '上一篇',
  next: '下一篇',
  prevNext: '同专题的上一篇和下一篇',
  themeToggle: '切换深色/浅色主题',
  themeLight: '浅色',
  themeDark: '深色',
  notFoundTitle: '页面不存在',
  notFoundBody: '这个地址没有对应的笔记，可能已被移动或删除。',
  backHome: '回到首页',
  feedTitle: '笔记库更新',
  tagPageTitle: (name: string) => `标签：${name}`,
  tagIndexIntro: '按笔记数排列的全部标签。',
  footer: '笔记库 · 用 Markdown 写成的静态知识库',
  copyright: '内容以原创 Markdown 笔记写成',
  mainNav: '主导航',
  headingAnchor: '本节链接',
  footnotes: '脚注',
  copy: '复制',
  copied: '已复制',
  copiedAnnouncement: '代码已复制到剪贴板',
  copyFailed: '复制失败',
  download: '下载',
  downloaded: (name: string) => `已下载 ${name}`,
  wrap: '换行',
  footnoteBack: (n: number) => `回到引用 ${n}`,
} as const;

export type UiStrings = typeof zhCN;

export const t: UiStrings = zhCN;
