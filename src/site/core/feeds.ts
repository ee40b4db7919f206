import { XMLBuilder } from 'fast-xml-parser';

/*
 * RSS 2.0 and Atom 1.0 feeds, so lower-level sites can reprint from us, and the sitemap. Pure
 * functions of the published items; the XML library escapes every text and attribute.
 */

export interface FeedItem {
  title: string;
  url: string;
  published: Date;
  summary: string;
  /** Pictures the item shows (its charts), each with alt text that says everything the picture does. */
  images?: { url: string; alt: string }[];
}

export interface FeedChannel {
  title: string;
  description: string;
  /** The page the feed belongs to. */
  url: string;
  /** The feed's own address. */
  selfUrl: string;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The summary with the item's pictures, as HTML (the XML builder then escapes it as feeds carry HTML). */
function htmlWithImages(item: FeedItem): string {
  const images = (item.images ?? []).map((image) => `<p><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}"></p>`);
  return [`<p>${escapeHtml(item.summary)}</p>`, ...images].join('\n');
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  format: true,
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
});
const prolog = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function rssFeed(channel: FeedChannel, items: FeedItem[]): string {
  return (
    prolog +
    builder.build({
      rss: {
        '@version': '2.0',
        '@xmlns:atom': 'http://www.w3.org/2005/Atom',
        channel: {
          title: channel.title,
          link: channel.url,
          description: channel.description,
          language: 'zh-CN',
          'atom:link': { '@href': channel.selfUrl, '@rel': 'self', '@type': 'application/rss+xml' },
          ...(items[0] ? { lastBuildDate: items[0].published.toUTCString() } : {}),
          item: items.map((item) => ({
            title: item.title,
            link: item.url,
            guid: { '#text': item.url, '@isPermaLink': 'true' },
            pubDate: item.published.toUTCString(),
            // With pictures, the description is HTML (as RSS readers take it); without, the plain summary.
            description: item.images?.length ? htmlWithImages(item) : item.summary,
          })),
        },
      },
    })
  );
}

export function atomFeed(channel: FeedChannel, items: FeedItem[]): string {
  const updated = (items[0]?.published ?? new Date(0)).toISOString();
  return (
    prolog +
    builder.build({
      feed: {
        '@xmlns': 'http://www.w3.org/2005/Atom',
        '@xml:lang': 'zh-CN',
        id: channel.selfUrl,
        title: channel.title,
        subtitle: channel.description,
        updated,
        link: [
          { '@href': channel.selfUrl, '@rel': 'self', '@type': 'application/atom+xml' },
          { '@href': channel.url, '@rel': 'alternate', '@type': 'text/html' },
        ],
        author: { name: channel.title },
        entry: items.map((item) => ({
          id: item.url,
          title: item.title,
          link: { '@href': item.url, '@rel': 'alternate', '@type': 'text/html' },
          published: item.published.toISOString(),
          updated: item.published.toISOString(),
          summary: item.summary,
          ...(item.images?.length ? { content: { '@type': 'html', '#text': htmlWithImages(item) } } : {}),
        })),
      },
    })
  );
}

export function sitemap(urls: { url: string; lastModified?: Date | null }[]): string {
  return (
    prolog +
    builder.build({
      urlset: {
        '@xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
        url: urls.map(({ url, lastModified }) => ({
          loc: url,
          ...(lastModified ? { lastmod: lastModified.toISOString().slice(0, 10) } : {}),
        })),
      },
    })
  );
}

export function robots(baseUrl: string): string {
  return [
    'User-agent: *',
    'Disallow: /admin',
    'Disallow: /api',
    'Disallow: /preview',
    'Disallow: /setup',
    `Sitemap: ${baseUrl}/sitemap.xml`,
    '',
  ].join('\n');
}
