/**
 * Every string shown to readers, in sections; pages use `t`, all sections together. Browser code
 * imports only the section it shows (`codeStrings`, `searchStrings`, `groupingStrings`), and those
 * sections hold only what browser code shows, each in a module of its own (src/lib/strings/): the
 * bundler keeps a section whole and splits chunks by module, so a string in a browser section, or
 * a browser section in a shared module, costs bytes in bundles that never show it. A second locale
 * is another set of sections of the same shapes.
 */
import { codeStrings } from './strings/code';
import { groupingStrings } from './strings/grouping';
import { searchStrings } from './strings/search';

export { codeStrings, groupingStrings, searchStrings };

/** Page frame, navigation and the site's index pages. */
export const siteStrings = {
  lang: 'zh-CN',
  siteName: '笔记库',
  siteTagline: '运维与后端工程笔记：进程守护、Kafka、JVM 内存、nginx 与职业随想',
  skipToContent: '跳到正文',
  home: '首页',
  allTags: '全部标签',
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
  // Theme toggle: three states, the first follows the system
  themeToggle: (state: string) => `切换深色/浅色主题（当前：${state}）`,
  themeSystem: '跟随系统',
  themeLight: '浅色',
  themeDark: '深色',
  notFoundTitle: '页面不存在',
  notFoundBody: '这个地址没有对应的笔记，可能已被移动或删除。',
  backHome: '回到首页',
  notFoundSearch: '搜索一下，或者从专题开始：',
  feedTitle: '笔记库更新',
  tagPageTitle: (name: string) => `标签：${name}`,
  tagIndexIntro: '按笔记数排列的全部标签。',
  footer: '笔记库 · 用 Markdown 写成的静态知识库',
  copyright: '内容以原创 Markdown 笔记写成',
  mainNav: '主导航',
  // Phone menu and the topic sidebar of note pages
  menu: '菜单',
  menuClose: '关闭',
  topicNav: '专题导航',
  sidebarEarlier: (n: number) => `前面还有 ${n} 篇：见专题导读`,
  sidebarLater: (n: number) => `后面还有 ${n} 篇：见专题导读`,
  headingAnchor: '本节链接',
  footnotes: '脚注',
  tableLabel: (columns: string) => (columns ? `表格：${columns}` : '表格'),
} as const;

/** The way into search, written at build time: the header button, its shortcut, the search page without JavaScript. */
export const searchEntryStrings = {
  search: '搜索',
  searchNeedsJs: '搜索需要 JavaScript。你也可以按标签或专题浏览全部笔记：',
  searchShortcut: '按 / 或 Ctrl+K 打开搜索',
} as const;

/** What surrounds a note: who links to it, related notes, link previews, its source. */
export const noteStrings = {
  backlinks: '被引用',
  backlinksMore: (n: number) => `显示其余 ${n} 处引用`,
  related: '相关笔记',
  previewLabel: '链接预览',
  // Note pages: link to the source file (REPO_URL)
  editPage: '编辑此页',
} as const;

/** Code block frames, written at build time: the other buttons' names and the verifier's badge. */
export const codeFrameStrings = {
  download: '下载',
  wrap: '换行',
  verifiedWith: (tool: string) => `已验证：${tool}`,
  verifiedCommands: (tool: string) => `已验证命令语法：${tool}`,
} as const;

/** Markdown drawn at build time: alerts, diagrams, footnotes. */
export const markdownStrings = {
  // GFM alerts (> [!NOTE] …): the label of each callout, as GitHub shows them in Chinese
  alerts: { NOTE: '注意', TIP: '提示', IMPORTANT: '重要', WARNING: '警告', CAUTION: '小心' },
  // Diagrams drawn at build time from ```mermaid fences (src/integrations/diagrams/)
  diagramOpen: '查看原图',
  diagramRegion: (name: string) => `图：${name}`,
  diagramKinds: { flowchart: '流程图', state: '状态图', sequence: '时序图', class: '类图', er: '实体关系图' },
  footnoteBack: (n: number) => `回到引用 ${n}`,
} as const;

/** The note map (graph page, local graph on note pages). */
export const graphStrings = {
  graph: '关系图',
  graphIntro: '全部笔记和它们之间的链接：颜色表示专题，连线表示一篇笔记链接到另一篇。',
  graphMapLabel: '笔记关系图',
  graphLegend: '图例：专题颜色',
  graphHelp: '滚轮或按钮缩放，拖动平移；指向或用 Tab 键聚焦一篇笔记，会突出它和它的邻居；点击或按 Enter 打开。',
  graphLoading: '正在计算布局…',
  graphFailed: '关系图没能加载，请使用下面的列表。',
  graphZoomIn: '放大',
  graphZoomOut: '缩小',
  graphZoomReset: '复位',
  graphSkip: '跳过关系图，查看笔记列表',
  graphList: '按专题列出的全部笔记',
  graphLinkCount: (n: number) => `${n} 个关联`,
  localGraph: '关系图：本篇的邻居',
  localGraphLabel: (title: string) => `“${title}”和与它互相链接的笔记`,
} as const;

export type UiStrings = typeof siteStrings &
  typeof groupingStrings &
  typeof searchEntryStrings &
  typeof searchStrings &
  typeof noteStrings &
  typeof codeFrameStrings &
  typeof codeStrings &
  typeof markdownStrings &
  typeof graphStrings;

// A pure call, not a spread: the bundler keeps a spread (it might run getters), and with it every section.
export const zhCN: UiStrings = /* @__PURE__ */ Object.assign(
  {},
  siteStrings,
  groupingStrings,
  searchEntryStrings,
  searchStrings,
  noteStrings,
  codeFrameStrings,
  codeStrings,
  markdownStrings,
  graphStrings,
);

export const t: UiStrings = zhCN;
