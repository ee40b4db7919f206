import { describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { seededApi } from '../../helpers/seeded-api.js';

const { state, act } = seededApi(['bangongshi']);
const get = (path: string) => request(state.app).get(path);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'entry', 'url', 'link'].includes(name),
});

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

describe('feeds and the sitemap', () => {
  test('the site RSS 2.0 feed has its channel, its self link and dated, linked, unique items of public documents only', async () => {
    const res = await get('/feed.xml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/rss+xml');
    const rss = parse(res.text).rss;
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel.title).toBe('临沧市民政局');
    expect(rss.channel['atom:link']['@rel']).toBe('self');
    expect(rss.channel['atom:link']['@href']).toBe('http://localhost:3000/feed.xml');
    const items = rss.channel.item as { title: string; link: string[]; guid: { '#text': string }; pubDate: string }[];
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) {
      expect(item.pubDate).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      expect(item.guid['#text']).toMatch(/^http:\/\/localhost:3000\/(documents|interpretations)\//);
    }
    expect(new Set(items.map((i) => i.guid['#text'])).size).toBe(items.length);
    expect(res.text).not.toMatch(/内部工作意见|立法修改意见|内部留存/);
  });

  test('a column has its own RSS and Atom feeds; Atom has id, updated and links', async () => {
    const rss = parse((await get('/columns/mzdt/feed.xml')).text).rss;
    expect(rss.channel.title).toBe('民政动态 - 临沧市民政局');
    expect(rss.channel.item).toHaveLength(5);
    const atom = parse((await get('/columns/mzdt/atom.xml')).text).feed;
    expect(atom['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(atom.id).toBe('http://localhost:3000/columns/mzdt/atom.xml');
    expect(atom.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(atom.entry).toHaveLength(5);
    for (const entry of atom.entry) expect(entry.link[0]['@href']).toBe(entry.id);
    expect((await get('/columns/nbtz/feed.xml')).status).toBe(404);
  });

  test('sitemap.xml lists public pages and robots.txt points to it', async () => {
    const urls = (parse((await get('/sitemap.xml')).text).urlset.url as { loc: string }[]).map((u) => u.loc);
    expect(urls).toContain('http://localhost:3000/');
    expect(urls).toContain('http://localhost:3000/columns/zcwj');
    expect(urls.some((u) => u.includes('/columns/nbtz'))).toBe(false);
    const robots = await get('/robots.txt');
    expect(robots.text).toContain('Disallow: /admin');
    expect(robots.text).toContain('Sitemap: http://localhost:3000/sitemap.xml');
  });

  test('a withdrawn document leaves the feeds and the sitemap at once', async () => {
    const news = await state.t.context.prisma.document.findFirstOrThrow({
      where: { status: 'published', columns: { some: { slug: 'mzdt' } } },
      orderBy: { publishedAt: 'desc' },
    });
    const url = `http://localhost:3000/documents/${news.id}`;
    expect((await get('/columns/mzdt/feed.xml')).text).toContain(url);
    await act('bangongshi', 'withdrawDocument', news.id, ', reason: "信息有误"');
    for (const path of ['/feed.xml', '/atom.xml', '/columns/mzdt/feed.xml', '/columns/mzdt/atom.xml', '/sitemap.xml'])
      expect((await get(path)).text).not.toContain(url);
  });
});
