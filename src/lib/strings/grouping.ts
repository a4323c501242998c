/** The two ways notes are grouped: pages and the search filters name them alike. */
export const groupingStrings = {
  topics: '专题',
  tags: '标签',
} as const;
