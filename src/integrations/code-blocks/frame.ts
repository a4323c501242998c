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
      const header = [...titleSpan(title), ...verifiedBadge(labels, this.options.lang, this.source), actionButtons(labels, title)];
      root.children = [
        {
          type: 'element',
          tagName: 'div',
          properties: { className: ['code-block'], dataCodeBlock: '', ...(title ? { dataTitle: title } : {}) },
          children: [{ type: 'element', tagName: 'div', properties: { className: ['code-header'] }, children: header }, pre],
        },
      ];
    },
  };
}

/** The file name, if the fence has one; `title`: the whole name on hover when a narrow screen cuts it short. */
function titleSpan(title: string | undefined): ElementContent[] {
  if (!title) return [];
  return [{ type: 'element', tagName: 'span', properties: { className: ['code-title'], title }, children: [{ type: 'text', value: title }] }];
}

/** "Verified" badge when the snippet verifier proved the block; a terminal session says only its commands were. */
function verifiedBadge(labels: CodeFrameLabels, lang: string, code: string): ElementContent[] {
  const verifiedTool = labels.verifiedBy?.(lang, code);
  if (!verifiedTool) return [];
  const badge = SESSION_LANGUAGES.has(lang) ? labels.verifiedCommands : labels.verifiedWith;
  const text = badge ? badge(verifiedTool) : verifiedTool;
  return [
    {
      type: 'element',
      tagName: 'span',
      properties: { className: ['code-verified'], dataSearchIgnore: '' },
      children: [{ type: 'text', value: text }],
    },
  ];
}

/** Wrap, download (only a block with a file name has something to save as) and copy. */
function actionButtons(labels: CodeFrameLabels, title: string | undefined): Element {
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['code-actions'], dataSearchIgnore: '' },
    children: [codeButton('wrap', labels.wrap), ...(title ? [codeButton('download', labels.download)] : []), codeButton('copy', labels.copy)],
  };
}

/** Hidden until the script wires it. The wrap button's aria-pressed is set by that script (it knows the stored choice). */
function codeButton(action: string, label: string): Element {
  return {
    type: 'element',
    tagName: 'button',
    properties: { type: 'button', className: ['code-button'], dataCodeAction: action, title: label, hidden: true },
    children: [],
  };
}
