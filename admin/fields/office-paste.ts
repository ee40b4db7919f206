/**
 * What Microsoft Word and WPS Office put on the clipboard ("text/html"), made into the plain HTML the body
 * editor keeps (admin/fields/rich-html-editor.tsx): paragraphs, headings, lists, tables, bold, italic,
 * underline, links — without Office's conditional comments, XML islands, style sheets, `mso-` styles,
 * `class=Mso…`, `<o:p>`, VML and the `<span>`/`<font>` wrappers around every run of text.
 *
 * A picture copied from Word points to a temporary file on the author's computer (file:///C:/…/clip_image002.png)
 * or is inlined as data: — neither can be brought in; such images are removed and counted, so that the editor
 * can say how many to upload with 插入图片. Only images already in our media (`/media/…`, with alt text) stay.
 *
 * Parsed by htmlparser2 and written back by its serializer (dom-serializer, through htmlparser2's `DomUtils`):
 * both are plain JavaScript without Node built-ins, so the same code runs in the browser (the editor's paste) and
 * in Jest. Office's conditional comments need no pre-pass: the downlevel-hidden ones (`<!--[if gte mso 9]>…
 * <![endif]-->`, VML pictures) are comments, dropped with all they hold; the markers of the downlevel-revealed
 * ones (`<![if !vml]>`, `<![endif]>`) are read as declarations, dropped, and what they enclose is ordinary
 * markup that stays.
 */
import {
  Element,
  Text,
  isComment,
  isTag,
  isText,
  type AnyNode,
  type ChildNode,
  type Comment,
  type Document,
  type ParentNode,
} from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';

export interface OfficePasteResult {
  html: string;
  /** Images removed because they cannot be kept: a file on the author's computer, data:, another site, no alt text. */
  droppedImages: number;
}

export interface OfficePasteOptions {
  /** The Admin UI's origin (e.g. https://gongkai.example.gov.cn): its absolute /media/ URLs are kept, site-relative. */
  origin?: string;
}

// Elements removed with everything inside them.
const DROPPED_WITH_CONTENT = new Set(['xml', 'style', 'script', 'head', 'title', 'template', 'noscript', 'object', 'iframe', 'o:p']);
// Wrappers removed while their content stays; so are all other namespaced elements (Word's smart tags
// <st1:chsdate>, content controls <w:Sdt>, VML outside a conditional comment).
const UNWRAPPED = new Set(['html', 'body', 'span', 'font', 'meta', 'link', 'base', 'col', 'colgroup', 'ins', 'del', 'abbr']);
// Attributes kept, by element; all others (style, class, lang, width, height, align, valign, border …) go.
const KEPT_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start'],
  figure: ['data-chart'],
};
const RENAMED: Record<string, string> = { h1: 'h2', h5: 'h4', h6: 'h4' };
// Office closes and reopens a run around every change of font (<b>…</b><b><o:p></o:p></b>): the ones left empty go.
const MARKS = new Set(['b', 'strong', 'i', 'em', 'u', 'sup', 'sub']);

// CJK characters and full-width punctuation: a line break between two of them is no space in Chinese text.
const CJK = '\\u2e80-\\u2fff\\u3000-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const CJK_BREAK = new RegExp(`([${CJK}])[ \\t]*\\n\\s*(?=[${CJK}])`, 'g');

/** 'center' or 'right' from `align=center` or `style='text-align:right'`; nothing for left and justify. */
function alignmentOf(attributes: Record<string, string>): 'center' | 'right' | null {
  const style = /(?:^|;)\s*text-align\s*:\s*([a-z-]+)/i.exec(attributes.style ?? '')?.[1];
  const value = (style ?? attributes.align ?? '').toLowerCase();
  return value === 'center' ? 'center' : value === 'right' ? 'right' : null;
}

/** A link target the body may keep: http(s), mailto or site-relative; anything else (file:, #_Toc…, javascript:) is not. */
function keptHref(href: string | undefined): boolean {
  const value = (href ?? '').trim();
  return /^(https?:\/\/|mailto:)/i.test(value) || (value.startsWith('/') && !value.startsWith('//'));
}

/** The src an image keeps (one of our media, site-relative), or null when it has to go. */
function keptImageSource(src: string, origin: string | undefined): string | null {
  const value = src.trim();
  if (/^\/media\/[^/?#]+$/.test(value)) return value;
  if (!origin || !/^https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(value);
    return url.origin === new URL(origin).origin && /^\/media\/[^/]+$/.test(url.pathname) ? url.pathname : null;
  } catch {
    return null;
  }
}

/**
 * Narrows the document to what Office marked as copied, between <!--StartFragment--> and <!--EndFragment-->: the
 * nodes between them stay, with the elements that hold either marker; everything else goes. Without both markers
 * (in that order) the document stays whole: its <head> goes and <html>/<body> are unwrapped when it is cleaned.
 */
function keepFragment(document: Document): void {
  const markers = DomUtils.filter((node) => isComment(node) && /^(Start|End)Fragment$/.test(node.data.trim()), document) as Comment[];
  const start = markers.find((marker) => marker.data.trim() === 'StartFragment');
  const end = markers.find((marker) => marker.data.trim() === 'EndFragment');
  if (!start || !end || markers.indexOf(end) < markers.indexOf(start)) return;
  const holders = new Set<AnyNode>();
  for (const marker of [start, end]) for (let node = marker.parent; node; node = node.parent) holders.add(node);
  let inside = false;
  const prune = (parent: ParentNode) => {
    for (const child of [...parent.children]) {
      if (holders.has(child)) {
        prune(child as ParentNode);
        continue;
      }
      if (child === start) inside = true;
      else if (child === end) inside = false;
      else if (inside) continue;
      DomUtils.removeElement(child);
    }
  };
  prune(document);
}

/** A new element of the cleaned tree, its children linked to it (the serializer looks at a text's parent). */
function element(name: string, attributes: Record<string, string>, children: ChildNode[]): Element {
  const created = new Element(name, attributes, children);
  children.forEach((child, index) => {
    child.parent = created;
    child.prev = children[index - 1] ?? null;
    child.next = children[index + 1] ?? null;
  });
  joinCjkBreaks(children);
  return created;
}

/** Office wraps its source lines, which must not put spaces between Chinese characters. */
function joinCjkBreaks(nodes: ChildNode[]): void {
  for (const node of nodes) if (isText(node)) node.data = node.data.replace(CJK_BREAK, '$1');
}

/** Adds a cleaned node to a list of siblings; text next to text (once the wrapper between them is gone) is one text. */
function append(siblings: ChildNode[], node: ChildNode): void {
  const last = siblings.at(-1);
  if (last && isText(last) && isText(node)) last.data += node.data;
  else siblings.push(node);
}

interface Cleaning {
  origin: string | undefined;
  droppedImages: number;
}

/** The cleaned nodes for a list of source nodes: comments, declarations (<!doctype>, <![if …]>) and <?xml …?> go. */
function cleanNodes(nodes: ChildNode[], cleaning: Cleaning): ChildNode[] {
  const cleaned: ChildNode[] = [];
  for (const node of nodes) {
    if (isText(node)) append(cleaned, new Text(node.data));
    else if (isTag(node)) for (const child of cleanElement(node, cleaning)) append(cleaned, child);
  }
  return cleaned;
}

/** What an element becomes: nothing, itself with only the attributes the body keeps, or its cleaned content alone. */
function cleanElement(source: Element, cleaning: Cleaning): ChildNode[] {
  const name = RENAMED[source.name] ?? source.name;
  const attributes = source.attribs;
  if (DROPPED_WITH_CONTENT.has(name)) return [];
  if (name === 'img') {
    const src = keptImageSource(attributes.src ?? '', cleaning.origin);
    const alt = (attributes.alt ?? '').trim();
    if (src && alt) return [element('img', { src, alt }, [])];
    cleaning.droppedImages += 1;
    return [];
  }
  const children = cleanNodes(source.children, cleaning);
  if (UNWRAPPED.has(name) || name.includes(':') || (name === 'a' && !keptHref(attributes.href))) return children;
  const kept: Record<string, string> = {};
  for (const attribute of KEPT_ATTRIBUTES[name] ?? []) {
    const value = attributes[attribute];
    if (value) kept[attribute] = value;
  }
  if (name === 'p') {
    const align = alignmentOf(attributes);
    if (align) kept.class = `text-${align}`;
  }
  // ProseMirror's own copy (within or between editors) says how the slice was cut.
  const slice = attributes['data-pm-slice'];
  if (slice !== undefined) kept['data-pm-slice'] = slice;
  if (MARKS.has(name) && children.length === 0 && Object.keys(kept).length === 0) return [];
  return [element(name, kept, children)];
}

/** Cleans HTML pasted from Word or WPS Office (see the top of this file). */
export function cleanOfficeHtml(html: string, { origin }: OfficePasteOptions = {}): OfficePasteResult {
  // Office writes XML as much as HTML (<o:p/>, <w:x/>): a self-closing tag is closed, not left open to swallow
  // what follows. Line breaks are normalised first, as browsers do, for the CJK line joining.
  const document = parseDocument(html.replace(/\r\n?/g, '\n'), { recognizeSelfClosing: true });
  keepFragment(document);
  const cleaning: Cleaning = { origin, droppedImages: 0 };
  const nodes = cleanNodes(document.children, cleaning);
  joinCjkBreaks(nodes);
  // Text written back as UTF-8, escaping only what HTML needs (&, <, >, no-break spaces as &nbsp;).
  return { html: DomUtils.getOuterHTML(nodes, { encodeEntities: 'utf8' }).trim(), droppedImages: cleaning.droppedImages };
}
