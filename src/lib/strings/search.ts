/** Search as the browser shows it: the dialog, the search page's results, their status line. */
export const searchStrings = {
  searchTitle: '搜索笔记',
  searchLabel: '搜索笔记',
  searchPlaceholder: '搜索：分区、守护进程、Restart=always、-Xmx…',
  searchClose: '关闭',
  searchResults: '搜索结果',
  searchAll: '全部',
  searchSeeAll: '在搜索页查看全部结果',
  searchCount: (n: number) => `找到 ${n} 篇笔记`,
  searchWithSynonyms: (n: number, words: readonly string[]) => `找到 ${n} 篇笔记（含同义词：${words.join('、')}）`,
  searchPartialLabel: '部分匹配',
  searchError: '搜索索引加载失败，请刷新页面重试',
  searchNoResults: (q: string) => `没有找到与“${q}”相关的笔记`,
  searchOnlyPartial: (q: string, n: number) => `没有笔记完整包含“${q}”；下面 ${n} 篇只包含其中部分字词`,
  searchPartialHeading: '只包含部分字词的结果',
} as const;
