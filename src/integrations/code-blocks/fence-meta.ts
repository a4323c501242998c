import { parseMetaHighlightString } from '@shikijs/transformers';

/** What a fence's meta string asks for: ```nginx title="app.conf" {2,5-7} ins={3} del={4} showLineNumbers */
export interface FenceMeta {
  title: string | undefined;
  highlight: number[];
  ins: number[];
  del: number[];
  lineNumbers: boolean;
  /** Every key=value pair as written (for checkers: context=server, expect="…", verify=skip). */
  attributes: Record<string, string>;
}

const ATTRIBUTE = /([A-Za-z][\w-]*)=(?:"([^"]*)"|'([^']*)'|\{([^}]*)\}|(\S+))/g;

export function parseFenceMeta(raw: string | undefined): FenceMeta {
  const meta = raw ?? '';
  const attributes: Record<string, string> = {};
  for (const match of meta.matchAll(ATTRIBUTE)) {
    attributes[match[1]!] = match[2] ?? match[3] ?? match[4] ?? match[5] ?? '';
  }
  const withoutAttributes = meta.replace(ATTRIBUTE, ' ');
  const lines = (value: string | undefined) => (value ? (parseMetaHighlightString(`{${value}}`) ?? []) : []);
  return {
    title: attributes['title'],
    highlight: parseMetaHighlightString(withoutAttributes) ?? [],
    ins: lines(attributes['ins']),
    del: lines(attributes['del']),
    lineNumbers: /(?:^|\s)showLineNumbers(?:\s|$)/.test(withoutAttributes),
    attributes,
  };
}
