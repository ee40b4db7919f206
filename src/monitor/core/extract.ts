/**
 * What the checks need from a page's HTML, computed once per page so the DOM can be dropped: links
 * (with dates and whether they are hidden), scripts, images, forms, text. Cheerio is lenient, so
 * broken HTML yields what it yields and never throws here.
 */
import * as cheerio from 'cheerio';
import { hasChildren, isTag, type AnyNode, type Document, type Element, type Text } from 'domhandler';
import { findDate } from '../../platform/http/dates.js';
import type { PageFacts, PageForm, PageImage, PageLink, PageScript } from './types.js';
import { isOnHosts, normalizeUrl } from './url.js';

const maxText = 200_000;
const maxInlineScript = 100_000;
const blockSelector =
  'br, p, div, li, td, th, tr, h1, h2, h3, h4, h5, h6, dd, dt, section, article, header, footer, nav, ul, ol, table, form, a, button, option, label';

/** The parts of a DOM element the style checks read. */
interface El {
  type: string;
  name: string;
  attribs: Record<string, string>;
  parent: unknown;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------------------------
// CSS: just enough to see how 暗链 are hidden (N9).

type Decls = Map<string, string>;

export function parseDeclarations(style: string): Decls {
  const decls: Decls = new Map();
  for (const part of style.split(';')) {
    const i = part.indexOf(':');
    if (i < 0) continue;
    const prop = part.slice(0, i).trim().toLowerCase();
    const value = part
      .slice(i + 1)
      .replace(/!important/i, '')
      .trim()
      .toLowerCase();
    if (prop) decls.set(prop, value);
  }
  return decls;
}

/** Pixels of a CSS length (em/rem as 16 px); undefined for anything else. */
function px(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const m = /^(-?\d*\.?\d+)(px|pt|em|rem|%)?$/.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] ?? 'px';
  return unit === 'em' || unit === 'rem' ? n * 16 : unit === 'pt' ? (n * 4) / 3 : n;
}

/** Why these declarations hide an element, or undefined. */
export function hidingReason(d: Decls): string | undefined {
  if (d.get('display') === 'none') return 'display:none';
  const visibility = d.get('visibility');
  if (visibility === 'hidden' || visibility === 'collapse') return `visibility:${visibility}`;
  const fontSize = px(d.get('font-size'));
  if (fontSize !== undefined && fontSize < 1) return `font-size:${d.get('font-size')}`;
  if (d.get('opacity') !== undefined && Number(d.get('opacity')) === 0) return 'opacity:0';
  const overflowHidden = /hidden|clip/.test(d.get('overflow') ?? '');
  const h = px(d.get('height'));
  const w = px(d.get('width'));
  if (overflowHidden && ((h !== undefined && h <= 1) || (w !== undefined && w <= 1)))
    return `${h !== undefined && h <= 1 ? 'height' : 'width'}:0;overflow:hidden`;
  for (const prop of ['left', 'top', 'right', 'text-indent', 'margin-left', 'margin-top']) {
    const v = px(d.get(prop));
    if (v !== undefined && v <= -500) return `${prop}:${d.get(prop)}`;
  }
  const clip = d.get('clip');
  if (clip && /rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)/.test(clip)) return `clip:${clip}`;
  return undefined;
}

const namedColors: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  transparent: 'transparent',
};

/** '#fff', 'white', 'rgb(255,255,255)' → '#ffffff'. */
export function normalizeColor(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase();
  if (namedColors[v]) return namedColors[v];
  let m = /^#([0-9a-f]{3})$/.exec(v);
  if (m) return '#' + [...m[1]].map((c) => c + c).join('');
  m = /^#([0-9a-f]{6})$/.exec(v);
  if (m) return v;
  const rgb = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(v);
  if (rgb) {
    if (rgb[4] !== undefined && Number(rgb[4]) === 0) return 'transparent';
    return '#' + [rgb[1], rgb[2], rgb[3]].map((n) => Math.min(255, Number(n)).toString(16).padStart(2, '0')).join('');
  }
  return undefined;
}

function backgroundColor(d: Decls): string | undefined {
  const direct = normalizeColor(d.get('background-color'));
  if (direct) return direct;
  const bg = d.get('background');
  if (!bg) return undefined;
  for (const token of bg.split(/\s+(?![^(]*\))/)) {
    const c = normalizeColor(token);
    if (c) return c;
  }
  return undefined;
}

interface StyleInfo {
  hidden?: string;
  color?: string;
  background?: string;
}

/** Rules from <style> blocks applied to the elements they select (simple selectors only). */
function styleRules($: cheerio.CheerioAPI): Map<object, Decls> {
  const applied = new Map<object, Decls>();
  const css = $('style')
    .map((_, el) => $(el).text())
    .get()
    .join('\n')
    .replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const decls = parseDeclarations(m[2]);
    if (!decls.size) continue;
    for (const raw of m[1].split(',')) {
      const selector = raw.replace(/^[\s}]*|@[^{]*$/g, '').trim();
      // Pseudo-classes (:hover, :focus) are states, not the page as first shown.
      if (!selector || selector.startsWith('@') || selector.includes(':')) continue;
      let selected: ReturnType<cheerio.CheerioAPI>;
      try {
        selected = $(selector);
      } catch {
        continue;
      }
      selected.each((_, el) => {
        const prior = applied.get(el) ?? new Map<string, string>();
        for (const [k, v] of decls) prior.set(k, v);
        applied.set(el, prior);
      });
    }
  }
  return applied;
}

function makeStyleOf($: cheerio.CheerioAPI | undefined) {
  const fromRules = $ ? styleRules($) : new Map<object, Decls>();
  const cache = new Map<object, StyleInfo>();
  return (el: El): StyleInfo => {
    let info = cache.get(el);
    if (info) return info;
    const d = new Map(fromRules.get(el) ?? []);
    for (const [k, v] of parseDeclarations(el.attribs?.style ?? '')) d.set(k, v);
    info = { hidden: hidingReason(d), color: normalizeColor(d.get('color')), background: backgroundColor(d) };
    const attrs = el.attribs ?? {};
    if (!info.hidden && attrs.hidden !== undefined) info.hidden = 'hidden 属性';
    if (!info.hidden && el.name === 'marquee' && ((px(attrs.height) ?? 99) <= 1 || (px(attrs.width) ?? 99) <= 1))
      info.hidden = 'marquee 高度或宽度为 0';
    if (!info.color && el.name === 'font' && attrs.color) info.color = normalizeColor(attrs.color);
    if (!info.background && attrs.bgcolor) info.background = normalizeColor(attrs.bgcolor);
    cache.set(el, info);
    return info;
  };
}

/** Why a link cannot be seen: hidden itself or by an ancestor, or coloured like its background. */
function linkHiddenReason(el: El, styleOf: (el: El) => StyleInfo): string | undefined {
  const chain: El[] = [el];
  for (let p = el.parent as El | null; p && p.type === 'tag'; p = p.parent as El | null) chain.push(p);
  for (const node of chain) {
    const reason = styleOf(node).hidden;
    if (reason)
      return node === el
        ? reason
        : `${reason}（父元素 <${node.name}${node.attribs.id ? '#' + node.attribs.id : ''}${node.attribs.class ? '.' + node.attribs.class.split(/\s+/)[0] : ''}>）`;
  }
  const color = chain.map((n) => styleOf(n).color).find(Boolean);
  if (!color) return undefined;
  // Without a stated background the page is white.
  const background = chain.map((n) => styleOf(n).background).find((c) => c && c !== 'transparent') ?? '#ffffff';
  return color === background ? `文字颜色与背景相同（${color}）` : undefined;
}

// ---------------------------------------------------------------------------------------------

const jsRedirectPatterns = [
  /(?:window\.|document\.|self\.|top\.|parent\.)?location(?:\.href)?\s*=\s*(["'])(.*?)\1/g,
  /location\.(?:replace|assign)\(\s*(["'])(.*?)\1/g,
];

/** Targets of `location = '…'`, `location.href = '…'`, `location.replace('…')` in code. */
export function findJsRedirects(code: string, baseUrl: string): string[] {
  const out = new Set<string>();
  for (const pattern of jsRedirectPatterns) {
    for (const m of code.matchAll(pattern)) {
      const target = normalizeUrl(m[2], baseUrl);
      if (target) out.add(target);
    }
  }
  return [...out];
}

/** The text of a node as the DOM's `textContent` gives it: every text node below, comments left out. */
function textOf(node: AnyNode): string {
  if (node.type === 'text') return (node as Text).data;
  if (node.type === 'comment' || !hasChildren(node)) return '';
  let out = '';
  for (const child of node.children) out += textOf(child);
  return out;
}

const hiddenFromText = new Set(['script', 'style', 'noscript', 'template']);
const hiddenFromForeignText = new Set(['style', 'noscript', 'template']);
const blockNames = new Set(blockSelector.split(/,\s*/));

/**
 * The visible text of a node: scripts, styles, noscript and templates left out, and a space after each
 * block and link, so "…互联网</li><li>投资…" does not read as one string.
 */
function visibleTextOf(node: AnyNode, out: string[], hidden: ReadonlySet<string> = hiddenFromText): void {
  if (node.type === 'text') {
    out.push((node as Text).data);
    return;
  }
  if (node.type === 'comment' || !hasChildren(node)) return;
  const name = isTag(node) ? node.name : undefined;
  if (name && hidden.has(name)) return;
  for (const child of node.children) visibleTextOf(child, out, hidden);
  if (name && blockNames.has(name)) out.push(' ');
}

/** The first element named `name` below `el`, in document order. */
function firstBelow(node: AnyNode, name: string): Element | undefined {
  if (!hasChildren(node)) return undefined;
  for (const child of node.children) {
    if (isTag(child) && child.name === name) return child;
    const found = firstBelow(child, name);
    if (found) return found;
  }
  return undefined;
}

const containerNames = new Set(['li', 'tr', 'dd', 'dt', 'p']);
const formFieldNames = new Set(['input', 'select', 'textarea']);

/** What one walk over the document collects; the facts are computed from it once the <base> is known. */
interface Collected {
  base?: string;
  anchors: Element[];
  scripts: Element[];
  handlers: string[];
  images: Element[];
  forms: { el: Element; inputs: string[] }[];
  labels: string[];
  refresh?: Element;
  metas: Element[];
  title?: Element;
  h1?: Element;
  bodies: Element[];
  hasStyle: boolean;
}

/** Every element once, in document order (a <template>'s content included, as selectors see it). */
function collect(root: Document): Collected {
  const c: Collected = {
    anchors: [],
    scripts: [],
    handlers: [],
    images: [],
    forms: [],
    labels: [],
    metas: [],
    bodies: [],
    hasStyle: false,
  };
  const openForms: Collected['forms'] = [];
  const visit = (el: Element) => {
    const a = el.attribs;
    switch (el.name) {
      case 'a':
      case 'area':
        if (a.href !== undefined) c.anchors.push(el);
        break;
      case 'base':
        if (c.base === undefined && a.href !== undefined) c.base = a.href;
        break;
      case 'script':
        c.scripts.push(el);
        break;
      case 'style':
        c.hasStyle = true;
        break;
      case 'img':
        c.images.push(el);
        break;
      case 'meta':
        if (a.name !== undefined) c.metas.push(el);
        if (!c.refresh && a['http-equiv'] !== undefined && a['http-equiv'].toLowerCase() === 'refresh') c.refresh = el;
        break;
      case 'title':
        c.title ??= el;
        break;
      case 'h1':
        c.h1 ??= el;
        break;
      case 'body':
        c.bodies.push(el);
        break;
    }
    if (formFieldNames.has(el.name)) {
      const field = `${(a.type ?? el.name).toLowerCase()}:${a.name ?? ''}`;
      for (const form of openForms) form.inputs.push(field);
    }
    // Inline handlers run code too (onload="location.href=…").
    if (a.onload !== undefined || a.onclick !== undefined || a.onmouseover !== undefined)
      c.handlers.push([a.onload ?? '', a.onclick ?? '', a.onmouseover ?? ''].join(';'));
    if ((a['aria-label'] !== undefined || a.title !== undefined) && c.labels.length < 300)
      for (const v of [a['aria-label'], a.title]) if (v?.trim()) c.labels.push(v.trim().slice(0, 200));
    let form: Collected['forms'][number] | undefined;
    if (el.name === 'form') {
      form = { el, inputs: [] };
      c.forms.push(form);
      openForms.push(form);
    }
    walk(el);
    if (form) openForms.pop();
  };
  const walk = (node: AnyNode) => {
    if (!hasChildren(node)) return;
    for (const child of node.children)
      if (isTag(child)) visit(child);
      else walk(child);
  };
  walk(root);
  return c;
}

/**
 * Extract the facts of an HTML page. `siteHosts` tells internal links from external ones. The page is
 * parsed once and walked once; everything the checks read comes from that walk.
 */
export function extractPage(html: string, pageUrl: string, siteHosts: string[]): PageFacts {
  const $ = cheerio.load(html);
  const root = $.root()[0] as unknown as Document;
  const c = collect(root);
  const base = (c.base && normalizeUrl(c.base, pageUrl)) || pageUrl;
  // <style> rules are matched with selectors, so only pages that have them pay for it.
  const styleOf = makeStyleOf(c.hasStyle ? $ : undefined);
  const texts = new Map<AnyNode, string>();
  const cachedText = (node: AnyNode) => {
    let text = texts.get(node);
    if (text === undefined) texts.set(node, (text = textOf(node)));
    return text;
  };

  const links: PageLink[] = [];
  for (const el of c.anchors) {
    const raw = el.attribs.href ?? '';
    const url = normalizeUrl(raw, base);
    if (!url) continue;
    const text = squash(textOf(el) || el.attribs.title || firstBelow(el, 'img')?.attribs.alt || '').slice(0, 300);
    let container: Element | undefined;
    for (let p = el.parent; p && isTag(p); p = p.parent)
      if (containerNames.has(p.name)) {
        container = p;
        break;
      }
    const around = container ?? (el.parent && el.parent.type !== 'root' ? el.parent : undefined);
    const context = around ? squash(cachedText(around)).slice(0, 300) : '';
    const date = findDate(text) ?? (context.length <= 300 ? findDate(context) : undefined) ?? findDate(el.attribs.title ?? '');
    links.push({
      url,
      raw,
      text,
      internal: isOnHosts(url, siteHosts),
      hidden: linkHiddenReason(el as unknown as El, styleOf),
      context: context || undefined,
      date,
    });
  }

  const scripts: PageScript[] = [];
  const jsRedirects = new Set<string>();
  for (const el of c.scripts) {
    const src = el.attribs.src;
    if (src) {
      const url = normalizeUrl(src, base);
      if (url) scripts.push({ src: url });
      continue;
    }
    const code = textOf(el);
    if (!code.trim()) continue;
    scripts.push({ inline: code.slice(0, maxInlineScript) });
    for (const target of findJsRedirects(code, base)) jsRedirects.add(target);
  }
  for (const code of c.handlers) scripts.push({ inline: code.slice(0, maxInlineScript) });

  const images: PageImage[] = c.images.map((el) => {
    const src = el.attribs.src ?? el.attribs['data-src'] ?? '';
    return { src: normalizeUrl(src, base) ?? src, alt: el.attribs.alt };
  });

  const forms: PageForm[] = c.forms.map(({ el, inputs }) => ({
    action: normalizeUrl(el.attribs.action ?? '', base) ?? el.attribs.action ?? '',
    inputs,
  }));

  const refresh = c.refresh?.attribs.content;
  const refreshTarget = refresh ? /url\s*=\s*['"]?([^'";]+)/i.exec(refresh)?.[1] : undefined;
  const metaContent = (name: string) => c.metas.find((el) => (el.attribs.name ?? '').toLowerCase() === name)?.attribs.content;
  const metaTags = c.metas.slice(0, 100).map((el) => ({ name: el.attribs.name ?? '', content: el.attribs.content ?? '' }));

  const visible: string[] = [];
  for (const node of c.bodies.length ? c.bodies : [root]) visibleTextOf(node, visible);

  return {
    title: (c.title && squash(textOf(c.title))) || undefined,
    h1: (c.h1 && squash(textOf(c.h1))) || undefined,
    metaKeywords: metaContent('keywords'),
    metaDescription: metaContent('description'),
    metaTags,
    metaRefresh: refreshTarget ? normalizeUrl(refreshTarget, base) : undefined,
    jsRedirects: [...jsRedirects],
    text: squash(visible.join('')).slice(0, maxText),
    links,
    scripts,
    images,
    forms,
    labels: c.labels,
  };
}

/** Only the redirects of a page (meta refresh, JavaScript `location`): for the N9 cloaking fetches. */
export function extractRedirects(html: string, pageUrl: string): { metaRefresh?: string; jsRedirects: string[] } {
  const $ = cheerio.load(html);
  const jsRedirects = new Set<string>();
  $('script').each((_, el) => {
    if ($(el).attr('src')) return;
    for (const target of findJsRedirects($(el).text(), pageUrl)) jsRedirects.add(target);
  });
  const refresh = $('meta[http-equiv]')
    .filter((_, el) => ($(el).attr('http-equiv') ?? '').toLowerCase() === 'refresh')
    .attr('content');
  const target = refresh ? /url\s*=\s*['"]?([^'";]+)/i.exec(refresh)?.[1] : undefined;
  return { metaRefresh: target ? normalizeUrl(target, pageUrl) : undefined, jsRedirects: [...jsRedirects] };
}

/** Title and visible text of a page that is not ours (N9: what an outbound link now serves). */
export function extractText(html: string, maxChars = 50_000): { title?: string; text: string } {
  const $ = cheerio.load(html);
  const root = $.root()[0] as unknown as Document;
  const c = collect(root);
  const meta = ['keywords', 'description']
    .map((name) => c.metas.find((el) => (el.attribs.name ?? '').toLowerCase() === name)?.attribs.content ?? '')
    .join(' ');
  // Scripts stay: gambling pages often write their text with document.write.
  const visible: string[] = [];
  for (const node of c.bodies.length ? c.bodies : [root]) visibleTextOf(node, visible, hiddenFromForeignText);
  return { title: (c.title && squash(textOf(c.title))) || undefined, text: squash(`${meta} ${visible.join('')}`).slice(0, maxChars) };
}
