import type { Element, Root, RootContent } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeScrollableTables } from '../../src/integrations/notes/rehype-scrollable-tables';

/** Markdown → hast (GFM tables), then the plugin. */
function render(markdown: string): Root {
  const processor = unified().use(remarkParse).use(remarkGfm);
  const tree = toHast(processor.runSync(processor.parse(markdown)) as MdastRoot) as Root;
  rehypeScrollableTables({ label: (columns: string) => (columns ? `表格：${columns}` : '表格') })(tree);
  return tree;
}

const elements = (nodes: (Root | RootContent)[]): Element[] =>
  nodes.flatMap((node) => [...(node.type === 'element' ? [node] : []), ...('children' in node ? elements(node.children) : [])]);

describe('rehypeScrollableTables', () => {
  it('wraps a table in a focusable region named by its column headings', () => {
    const tree = render('| 参数 | **默认值** |\n| --- | --- |\n| a | b |\n');
    const [wrapper] = tree.children.filter((n): n is Element => n.type === 'element');
    expect(wrapper?.tagName).toBe('section');
    expect(wrapper?.properties).toMatchObject({ className: ['table-scroll'], tabIndex: 0, ariaLabel: '表格：参数、默认值' });
    expect(wrapper?.children.map((c) => (c.type === 'element' ? c.tagName : c.type))).toEqual(['table']);
    expect(elements([tree]).filter((e) => e.tagName === 'section')).toHaveLength(1);
  });

  it('leaves other content alone and names a table without headings generically', () => {
    expect(elements([render('只有一段文字。')]).map((e) => e.tagName)).toEqual(['p']);
    const [wrapper] = elements([render('|  |  |\n| --- | --- |\n| a | b |\n')]);
    expect(wrapper?.properties['ariaLabel']).toBe('表格');
  });
});
