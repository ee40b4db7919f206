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
 * Plain string processing, no DOM: it runs in the browser (the editor's paste) and in Jest alike.
 */

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
const DROPPED_WITH_CONTENT = ['xml', 'style', 'script', 'head', 'title', 'template', 'noscript', 'object', 'iframe', 'o:p'];
// Wrappers removed while their content stays.
const UNWRAPPED = new Set(['html', 'body', 'span', 'font', 'meta', 'link', 'base', 'col', 'colgroup', 'o:wrapblock', 'ins', 'del', 'abbr']);
// Attributes kept, by element; all others (style, class, lang, width, height, align, valign, border …) go.
const KEPT_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start'],
  figure: ['data-chart'],
};
const RENAMED: Record<string, string> = { h1: 'h2', h5: 'h4', h6: 'h4' };

const TAG = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
// CJK characters and full-width punctuation: a line break between two of them is no space in Chinese text.
const CJK = '\\u2e80-\\u2fff\\u3000-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const CJK_BREAK = new RegExp(`([${CJK}])[ \\t]*\\r?\\n\\s*(?=[${CJK}])`, 'g');

/** The attributes of a start tag, names in lower case, values as written (entities not decoded). */
function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1].toLowerCase();
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

const decode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const quoted = (value: string) => `"${value.replace(/"/g, '&quot;')}"`;

/** 'center' or 'right' from `align=center` or `style='text-align:right'`; nothing for left and justify. */
function alignmentOf(attributes: Map<string, string>): 'center' | 'right' | null {
  const style = /(?:^|;)\s*text-align\s*:\s*([a-z-]+)/i.exec(decode(attributes.get('style') ?? ''))?.[1];
  const value = (style ?? attributes.get('align') ?? '').toLowerCase();
  return value === 'center' ? 'center' : value === 'right' ? 'right' : null;
}

/** A link target the body may keep: http(s), mailto or site-relative; anything else (file:, #_Toc…, javascript:) is not. */
function keptHref(href: string): boolean {
  const value = decode(href).trim();
  return /^(https?:\/\/|mailto:)/i.test(value) || (value.startsWith('/') && !value.startsWith('//'));
}

/** The src an image keeps (one of our media, site-relative), or null when it has to go. */
function keptImageSource(src: string, origin: string | undefined): string | null {
  const value = decode(src).trim();
  if (/^\/media\/[^/?#]+$/.test(value)) return value;
  if (!origin || !/^https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(value);
    return url.origin === new URL(origin).origin && /^\/media\/[^/]+$/.test(url.pathname) ? url.pathname : null;
  } catch {
    return null;
  }
}

/** The fragment Office marked as copied, or the body, or the whole. */
function fragmentOf(html: string): string {
  const start = html.indexOf('<!--StartFragment-->');
  const end = html.indexOf('<!--EndFragment-->');
  if (start >= 0 && end > start) return html.slice(start + '<!--StartFragment-->'.length, end);
  const body = /<body\b[^>]*>([\s\S]*?)(?:<\/body\s*>|$)/i.exec(html);
  return body ? body[1] : html;
}

function withoutOfficeNoise(html: string): string {
  let out = fragmentOf(html.replace(/\r\n?/g, '\n'));
  // Downlevel-hidden conditional comments (<!--[if gte mso 9]><xml>…</xml><![endif]-->, VML pictures): all of it.
  out = out.replace(/<!--\[if[^\]]*\]>[\s\S]*?<!\[endif\]-->/gi, '');
  // Downlevel-revealed ones (<![if !vml]><img …><![endif]>, <![if !supportLists]>1.<![endif]>): the markers only,
  // their content is what other browsers show.
  out = out.replace(/<!\[(?:if[^\]]*|endif)\]>/gi, '');
  for (const name of DROPPED_WITH_CONTENT) {
    const escaped = name.replace(':', '\\:');
    out = out.replace(new RegExp(`<${escaped}\\b[^>]*>[\\s\\S]*?</${escaped}\\s*>`, 'gi'), '');
    out = out.replace(new RegExp(`<${escaped}\\b[^>]*/>`, 'gi'), '');
  }
  // Every other comment (StartFragment, <!--[if !supportLists]-->), doctype and processing instruction.
  out = out
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<![^>]*>/g, '')
    .replace(/<\?[^>]*>/g, '');
  return out;
}

/** Cleans HTML pasted from Word or WPS Office (see the top of this file). */
export function cleanOfficeHtml(html: string, { origin }: OfficePasteOptions = {}): OfficePasteResult {
  const source = withoutOfficeNoise(html);
  let droppedImages = 0;
  let out = '';
  let last = 0;
  // Whether each open <a> was kept, so that its end tag goes the same way.
  const links: boolean[] = [];
  for (const match of source.matchAll(TAG)) {
    out += textOf(source.slice(last, match.index));
    last = match.index + match[0].length;
    const closing = match[1] === '/';
    const raw = match[2].toLowerCase();
    const name = RENAMED[raw] ?? raw;
    if (UNWRAPPED.has(name) || name.includes(':')) continue;
    if (closing) {
      if (name === 'a' && !(links.pop() ?? false)) continue;
      if (name === 'img' || name === 'br' || name === 'hr') continue;
      out += `</${name}>`;
      continue;
    }
    const attributes = attributesOf(match[3]);
    const kept: string[] = [];
    if (name === 'img') {
      const src = keptImageSource(attributes.get('src') ?? '', origin);
      const alt = decode(attributes.get('alt') ?? '').trim();
      if (src && alt) out += `<img src=${quoted(src)} alt=${quoted(alt)}>`;
      else droppedImages += 1;
      continue;
    }
    if (name === 'a') {
      const href = attributes.get('href');
      const keep = href !== undefined && keptHref(href);
      links.push(keep);
      if (!keep) continue;
    }
    for (const attribute of KEPT_ATTRIBUTES[name] ?? []) {
      const value = attributes.get(attribute);
      if (value !== undefined && value !== '') kept.push(`${attribute}=${quoted(value)}`);
    }
    if (name === 'p') {
      const align = alignmentOf(attributes);
      if (align) kept.push(`class="text-${align}"`);
    }
    // ProseMirror's own copy (within or between editors) says how the slice was cut.
    const slice = attributes.get('data-pm-slice');
    if (slice !== undefined) kept.push(`data-pm-slice=${quoted(slice)}`);
    out += `<${name}${kept.map((attribute) => ` ${attribute}`).join('')}>`;
  }
  out += textOf(source.slice(last));
  // Office closes and reopens a run around every change of font (<b>…</b><b><o:p></o:p></b>): the empty ones go.
  for (let before = ''; before !== out;) {
    before = out;
    out = out.replace(/<(b|strong|i|em|u|sup|sub)><\/\1>/g, '');
  }
  return { html: out.trim(), droppedImages };
}

/** Text between tags: Office wraps its source lines, which must not put spaces between Chinese characters. */
function textOf(text: string): string {
  return text.replace(CJK_BREAK, '$1');
}
