import Handlebars from 'handlebars';
import { chartFigure } from './rich-html.js';
import type { ChartInput } from '../charts/table.js';

/*
 * Bodies written before the HTML editor were Keystone document-field JSON (Slate nodes). The migration
 * that made them HTML (data-steps.ts) converts each stored value with this; nothing else reads the old format.
 * Text is escaped, not masked: masking happens where the public reads (N15), as for every body.
 */

type Node = {
  type?: string;
  text?: string;
  children?: Node[];
  level?: number;
  href?: string;
  textAlign?: string;
  component?: string;
  props?: ChartInput;
  [mark: string]: unknown;
};

const escape = (text: string) => Handlebars.Utils.escapeExpression(text);
const blockTags: Record<string, string> = {
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
const alignClass: Record<string, string> = { center: ' class="text-center"', end: ' class="text-right"' };

function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  return /^(https?:\/\/|\/(?!\/))/i.test(href.trim()) ? href.trim() : null;
}

function toHtml(node: Node): string {
  if (typeof node === 'string') return escape(node);
  if (!node || typeof node !== 'object') return '';
  if (node.type === 'component-block') return node.component === 'chart' && node.props ? chartFigure(node.props) : '';
  if (typeof node.text === 'string') {
    let html = escape(node.text).replace(/\n/g, '<br>');
    for (const [mark, tag] of marks) if (node[mark]) html = `<${tag}>${html}</${tag}>`;
    return html;
  }
  const inner = (Array.isArray(node.children) ? node.children : []).map(toHtml).join('');
  const align = alignClass[String(node.textAlign)] ?? '';
  switch (node.type) {
    case 'paragraph':
      return `<p${align}>${inner}</p>`;
    case 'heading': {
      const level = Math.min(4, Math.max(2, Number(node.level) || 2));
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

/**
 * A stored value as HTML: document-field JSON converted (a JSON string, which PostgreSQL's JSON column could
 * hold, as one paragraph); null when the value is not such JSON (already HTML, plain text, or empty), so
 * running the conversion twice changes nothing.
 */
export function documentJsonToHtml(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('"')) return null;
  let nodes: unknown;
  try {
    nodes = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if (typeof nodes === 'string') return nodes ? `<p>${escape(nodes)}</p>` : '';
  if (!Array.isArray(nodes)) return null;
  const html = (nodes as Node[]).map(toHtml).join('');
  // An empty document (one empty paragraph) is an empty body.
  return html.replace(/<p>(<br>)?<\/p>/g, '') ? html : '';
}
