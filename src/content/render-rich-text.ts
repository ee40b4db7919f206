import Handlebars from 'handlebars';
import { maskPersonalData } from '../privacy/mask.js';
import { parseDocumentField } from './plain-text.js';

/*
 * Keystone document-field JSON to HTML, for pages the public (or a reviewer previewing) reads. Only
 * known node types are rendered, every text is escaped, links keep http(s) and site-relative targets
 * only, and personal data in the text is masked (N15).
 */

type Node = { type?: string; text?: string; children?: Node[]; level?: number; href?: string; [mark: string]: unknown };

const escape = (text: string) => Handlebars.Utils.escapeExpression(text);
const blockTags: Record<string, string> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  'ordered-list': 'ol',
  'unordered-list': 'ul',
  'list-item': 'li',
  layout: 'div',
  'layout-area': 'div',
};
const marks: [string, string][] = [
  ['bold', 'strong'],
  ['italic', 'em'],
  ['underline', 'u'],
  ['superscript', 'sup'],
  ['subscript', 'sub'],
];

function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  return /^(https?:\/\/|\/(?!\/))/i.test(href.trim()) ? href.trim() : null;
}

function renderNode(node: Node): string {
  if (typeof node.text === 'string') {
    let html = escape(maskPersonalData(node.text)).replace(/\n/g, '<br>');
    for (const [mark, tag] of marks) if (node[mark]) html = `<${tag}>${html}</${tag}>`;
    return html;
  }
  const inner = (node.children ?? []).map(renderNode).join('');
  switch (node.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(2, Number(node.level) || 2));
      return `<h${level}>${inner}</h${level}>`;
    }
    case 'link': {
      const href = safeHref(node.href);
      return href ? `<a href="${escape(href)}">${inner}</a>` : inner;
    }
    case 'divider':
      return '<hr>';
    case 'list-item-content':
      return inner;
    default:
      return node.type && blockTags[node.type] ? `<${blockTags[node.type]}>${inner}</${blockTags[node.type]}>` : inner;
  }
}

export function renderRichText(value: unknown): string {
  const nodes = parseDocumentField(value);
  if (typeof nodes === 'string') return `<p>${escape(maskPersonalData(nodes))}</p>`;
  return Array.isArray(nodes) ? (nodes as Node[]).map(renderNode).join('\n') : '';
}
