import * as cheerio from 'cheerio';
import { sanitizeBody, siteBase, siteRelative, type AssetKind } from './sanitize.js';
import type { ChartInput } from '../charts/table.js';

/*
 * The bodies editors write (documents, interpretations, consultation drafts) are HTML under the allowlist the
 * reprints use (sanitize.ts), so local documents and reprints share one format and one renderer. Two things
 * are ours only: images come from our own media (uploaded from the editor, never hot-linked), and a chart
 * block is `<figure data-chart="{…}"></figure>`, its data as JSON, drawn by the site (N16).
 */

const ownMediaPath = /^\/media\/[^/?#]+$/;

export interface RichHtmlOptions {
  /** Chart blocks are kept. */
  charts?: boolean;
  /** Images from our media are kept (the list links what they show, so the public can load them). */
  media?: boolean;
}

/**
 * An editor's body made safe to store and to show (N9: no script, handler, frame, redirect or foreign image gets
 * through, whatever is posted): the allowlist, own-media images only, charts normalised.
 */
export function sanitizeRichHtml(html: string, { charts = false, media = false }: RichHtmlOptions = {}): string {
  const rewrite = (url: string, kind: AssetKind): string | undefined => {
    const own = siteRelative(url);
    // An empty source removes the image (sanitizeBody drops images without one).
    if (kind === 'image') return media && own && ownMediaPath.test(own) ? own : '';
    return own;
  };
  const clean = sanitizeBody(html, { baseUrl: siteBase, rewrite, charts });
  if (!charts || !clean.includes('<figure')) return clean;
  const $ = cheerio.load(clean, null, false);
  $('figure').each((_, element) => {
    const input = chartInputOf($(element).attr('data-chart'));
    if (input) $(element).replaceWith(chartFigure(input));
    else $(element).remove();
  });
  return $.html();
}

const chartKeys = ['kind', 'title', 'unit', 'source', 'data'] as const;
type StoredChart = Record<(typeof chartKeys)[number], string>;

/** A chart block's data from its attribute: the five texts the editor fills in, or null when it is not one. */
export function chartInputOf(attribute: string | undefined): StoredChart | null {
  if (!attribute) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(attribute);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const record = parsed as Record<string, unknown>;
  return Object.fromEntries(chartKeys.map((key) => [key, typeof record[key] === 'string' ? record[key] : ''])) as StoredChart;
}

/** The stored form of a chart block. */
export function chartFigure(input: ChartInput): string {
  const data = Object.fromEntries(chartKeys.map((key) => [key, typeof input[key] === 'string' ? input[key] : '']));
  const $ = cheerio.load('<figure></figure>', null, false);
  $('figure').attr('data-chart', JSON.stringify(data));
  return $.html();
}

/** The chart blocks of a body, in order (the order of their public numbers 1, 2, …). */
export function chartInputsOfHtml(html: string): StoredChart[] {
  if (!html.includes('data-chart')) return [];
  const $ = cheerio.load(html, null, false);
  return $('figure[data-chart]')
    .toArray()
    .map((element) => chartInputOf($(element).attr('data-chart')))
    .filter((input): input is StoredChart => input !== null);
}

/** The images of a body that have no text alternative (N16). */
export function imagesWithoutAlt(html: string): number {
  if (!html.includes('<img')) return 0;
  const $ = cheerio.load(html, null, false);
  return $('img').filter((_, element) => !($(element).attr('alt') ?? '').trim()).length;
}

/** The stored names of our media a body shows or links (its images and attachments). */
export function mediaNamesOf(html: string): string[] {
  if (!html.includes('/media/')) return [];
  const $ = cheerio.load(html, null, false);
  const names = new Set<string>();
  $('img[src], a[href]').each((_, element) => {
    const url = $(element).attr('src') ?? $(element).attr('href') ?? '';
    if (!ownMediaPath.test(url)) return;
    try {
      names.add(decodeURIComponent(url.slice('/media/'.length)));
    } catch {
      // Not a name we stored: ours are plain.
    }
  });
  return [...names];
}
