import type { Element, Root, RootContent } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeAlerts } from '../../src/integrations/notes/rehype-alerts';
import { rehypeInlineCode } from '../../src/integrations/notes/rehype-inline-code';
import { zhCN } from '../../src/lib/i18n';

/** Markdown → hast, then the plugins under test. */
function render(markdown: string): Root {
  const processor = unified().use(remarkParse).use(remarkGfm);
  const tree = toHast(processor.runSync(processor.parse(markdown)) as MdastRoot) as Root;
  rehypeAlerts({ labels: zhCN.alerts })(tree);
  rehypeInlineCode()(tree);
  return tree;
}

const elements = (nodes: (Root | RootContent)[]): Element[] =>
  nodes.flatMap((node) => [...(node.type === 'element' ? [node] : []), ...('children' in node ? elements(node.children) : [])]);
const text = (node: Root | RootContent): string => (node.type === 'text' ? node.value : 'children' in node ? node.children.map(text).join('') : '');
const codes = (tree: Root) => elements([tree]).filter((el) => el.tagName === 'code');

describe('rehypeInlineCode', () => {
  it('leaves short code alone (CSS keeps it on one line)', () => {
    const [code] = codes(render('用 `-XX:-UseGCOverheadLimit` 关掉。'));
    expect(code!.properties['className']).toBeUndefined();
    expect(code!.children.map((child) => child.type)).toEqual(['text']);
    expect(text(code!)).toBe('-XX:-UseGCOverheadLimit');
  });

  it('lets long code break between words, keeping words with hyphens or slashes whole', () => {
    const [code] = codes(render('运行 `kafka-consumer-groups.sh --bootstrap-server localhost:9092 --group orders` 即可。'));
    expect(code!.properties['className']).toEqual(['code-long']);
    const kept = code!.children.filter((child): child is Element => child.type === 'element').map(text);
    expect(kept).toEqual(['kafka-consumer-groups.sh', '--bootstrap-server', '--group']);
    expect(text(code!)).toBe('kafka-consumer-groups.sh --bootstrap-server localhost:9092 --group orders');
  });

  it('counts CJK as two columns and lets a single word longer than a line break anywhere', () => {
    const [cjk] = codes(render('`参数：一二三四五六七八九十一二三四五六`'));
    expect(cjk!.properties['className']).toEqual(['code-long']);
    const [word] = codes(render('`/very/long/path/that/is/longer/than/a/phone/line/app.conf`'));
    expect(word!.properties['className']).toEqual(['code-long']);
    expect(word!.children.map((child) => child.type)).toEqual(['text']);
  });

  it('does not touch code blocks', () => {
    const tree = render('```\nkafka-consumer-groups.sh --bootstrap-server localhost:9092 --group orders --describe\n```');
    const [block] = codes(tree);
    expect(block!.properties['className'] ?? []).not.toContain('code-long');
    expect(block!.children.map((child) => child.type)).toEqual(['text']);
  });
});

describe('rehypeAlerts', () => {
  it('turns each GFM alert into a callout with its Chinese label, keeping the body', () => {
    const tree = render('> [!WARNING]\n> 默认值是 `1`。\n\n> [!TIP]\n> 第一行\n>\n> 第二段');
    const alerts = elements([tree]).filter((el) => (el.properties['className'] as string[] | undefined)?.includes('markdown-alert'));
    expect(alerts.map((el) => el.properties['className'])).toEqual([
      ['markdown-alert', 'markdown-alert-warning'],
      ['markdown-alert', 'markdown-alert-tip'],
    ]);
    expect(alerts.map((el) => text(elements([el]).find((child) => child.tagName === 'p')!))).toEqual(['警告', '提示']);
    expect(text(alerts[0]!)).toContain('默认值是 1。');
    expect(text(alerts[1]!)).toContain('第二段');
    expect(text(tree)).not.toContain('[!');
  });

  it('leaves a plain quote, and a quote that only mentions [!NOTE] later, as quotes', () => {
    const tree = render('> 普通引用\n\n> 这里写着 [!NOTE] 但不在开头');
    expect(elements([tree]).filter((el) => el.tagName === 'blockquote')).toHaveLength(2);
  });
});
