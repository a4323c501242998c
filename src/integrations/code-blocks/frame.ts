import type { Element, ElementContent } from 'hast';
import type { ShikiTransformer } from 'shiki';
import { SESSION_LANGUAGES } from '../../lib/languages';
import { parseFenceMeta } from './fence-meta';

export interface CodeFrameLabels {
  copy: string;
  download: string;
  wrap: string;
  /** Badge text for a block the snippet verifier proved: `(tool) => '已验证：' + tool`. */
  verifiedWith?: (tool: string) => string;
  /** Badge text for a terminal session, whose commands only were checked (their output was not). */
  verifiedCommands?: (tool: string) => string;
  /** The tool that proved this block (`nginx 1.22.1`), or undefined: see `npm run verify:snippets`. */
  verifiedBy?: (lang: string, code: string) => string | undefined;
}


/**
 * Turns a highlighted block into a frame: optional file-name title, marked lines (`{2,5-7}`,
 * `ins={3}`, `del={4}`), optional line numbers, and copy / download / wrap buttons that stay
 * hidden until the shared script wires them (without JS the code is still plain, selectable text).
 * The buttons are icons (CSS) named by their `title`, which is also their tooltip, so the
 * header fits a phone.
 */
export function transformerCodeFrame(labels: CodeFrameLabels): ShikiTransformer {
  return {
    name: 'notes:code-frame',
    line(node, lineNumber) {
      const meta = parseFenceMeta(this.options.meta?.__raw);
      if (meta.highlight.includes(lineNumber)) this.addClassToHast(node, 'highlighted');
      if (meta.ins.includes(lineNumber)) this.addClassToHast(node, ['diff', 'add']);
      if (meta.del.includes(lineNumber)) this.addClassToHast(node, ['diff', 'remove']);
      if (SESSION_LANGUAGES.has(this.options.lang)) {
        const text = this.source.split('\n')[lineNumber - 1] ?? '';
        if (/^[$#] /.test(text)) this.addClassToHast(node, 'command');
      }
    },
    pre(node) {
      const meta = parseFenceMeta(this.options.meta?.__raw);
      if (meta.lineNumbers) this.addClassToHast(node, 'line-numbers');
    },
    root(root) {
      const pre = root.children.find((child): child is Element => child.type === 'element' && child.tagName === 'pre');
      if (!pre) return;
      const { title } = parseFenceMeta(this.options.meta?.__raw);
      // The wrap button's aria-pressed is set by the script that shows it (it knows the stored choice).
      const button = (action: string, label: string): Element => ({
        type: 'element',
        tagName: 'button',
        properties: { type: 'button', className: ['code-button'], dataCodeAction: action, title: label, hidden: true },
        children: [],
      });
      const header: ElementContent[] = [];
      if (title) {
        // `title`: the whole name on hover when a narrow screen cuts it short.
        header.push({ type: 'element', tagName: 'span', properties: { className: ['code-title'], title }, children: [{ type: 'text', value: title }] });
      }
      const verifiedTool = labels.verifiedBy?.(this.options.lang, this.source);
      if (verifiedTool) {
        const badge = SESSION_LANGUAGES.has(this.options.lang) ? labels.verifiedCommands : labels.verifiedWith;
        const text = badge ? badge(verifiedTool) : verifiedTool;
        header.push({
          type: 'element',
          tagName: 'span',
          properties: { className: ['code-verified'], dataSearchIgnore: '' },
          children: [{ type: 'text', value: text }],
        });
      }
      const actions: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['code-actions'], dataSearchIgnore: '' },
        children: [
          button('wrap', labels.wrap),
          ...(title ? [button('download', labels.download)] : []),
          button('copy', labels.copy),
        ],
      };
      root.children = [
        {
          type: 'element',
          tagName: 'div',
          properties: { className: ['code-block'], dataCodeBlock: '', ...(title ? { dataTitle: title } : {}) },
          children: [
            { type: 'element', tagName: 'div', properties: { className: ['code-header'] }, children: [...header, actions] },
            pre,
          ],
        },
      ];
    },
  };
}
