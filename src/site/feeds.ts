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
}

export interface FeedChannel {
  title: string;
  description: string;
  /** The page the feed belongs to. */
  url: string;
  /** The feed's own address. */
  selfUrl: string;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true, suppressBooleanAttributes: false });
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
            description: item.summary,
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
        url: urls.map(({ url, lastModified }) => ({ loc: url, ...(lastModified ? { lastmod: lastModified.toISOString().slice(0, 10) } : {}) })),
      },
    })
  );
}

export function robots(baseUrl: string): string {
  return ['User-agent: *', 'Disallow: /admin', 'Disallow: /api', 'Disallow: /preview', 'Disallow: /setup', `Sitemap: ${baseUrl}/sitemap.xml`, ''].join('\n');
}
