import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { seededApi } from '../../helpers/seeded-api.js';
import { fixtureBytes, serve, startFixtureServer, type FixtureServer } from '../../helpers/syndication-server.js';

/*
 * S9: 试采集 of the 转载来源 form (mutation trySyndicationSource): the form's values, never saved, previewed
 * with the same run as `gongkai source try`. Only the info-construction section and admins may; the
 * outbound rules hold; nothing is stored.
 */

const { state, as } = seededApi(['xinxi', 'admin', 'jiuzhu', 'bangongshi']);
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  const list = iconv.decode(fixtureBytes('trs-list.gbk.html'), 'gb18030').replaceAll('http://www.yn.gov.cn', server.origin);
  server.route('/trs/list.html', serve(iconv.encode(list, 'gb18030'), 'text/html'));
  server.route('/trs/202611/t20261118_1000001.html', serve(fixtureBytes('trs-wh.gb2312.html'), 'text/html'));
  server.route('*', serve('<html><body><div class="TRS_UEDITOR"><p>详情页正文</p></div></body></html>', 'text/html; charset=utf-8'));
});
afterAll(() => server.close());

const TRY = `mutation($data: SyndicationSourceTryInput!) {
  trySyndicationSource(data: $data) { ok error warnings itemsSeen items { title url publishedAt number issuer } first { title bodyText attachments { name url } } failures { url message } }
}`;
// The form's values as the Admin UI sends them (the unsaved create form of a TRS list page).
const form = () => ({
  name: '云南省民政厅·通知公告',
  adapter: 'html-list',
  listUrls: server.url('/trs/list.html'),
  selectors: { list: { item: 'ul.list li.list-item' } },
  charset: '',
  feedContent: 'on-detail-failure',
  allowedHosts: '',
});

/** Everything a preview could have stored. */
async function stored() {
  const prisma = state.t.context.sudo().prisma;
  return {
    sources: await prisma.syndicationSource.count(),
    items: await prisma.upstreamItem.count(),
    documents: await prisma.document.count(),
    media: await prisma.media.count(),
    audit: await prisma.auditEntry.count(),
  };
}

describe('S9 试采集 in the Admin UI (trySyndicationSource)', () => {
  test('S9: an unsaved source is refused by the outbound rules until its address is allow-listed', async () => {
    const refused = await as('xinxi', TRY, { data: form() });
    expect(refused.errors?.[0].message).toMatch(/^无法试采集：列表地址 .*指向本机、内网或保留地址.*内网访问白名单/);
    expect(server.requests).toHaveLength(0);
  });

  test('S9: the info-construction section and admins get the preview (title, URL, date, 文号, issuer, first body); nothing is stored', async () => {
    const allow = await as('xinxi', `mutation { updateSiteSettings(data: { outboundAllowList: "127.0.0.1" }) { id } }`);
    expect(allow.errors).toBeUndefined();
    const before = await stored();
    for (const username of ['xinxi', 'admin']) {
      const answer = await as(username, TRY, { data: form() });
      expect(answer.errors).toBeUndefined();
      const preview = answer.data!.trySyndicationSource;
      expect(preview).toMatchObject({ ok: true, error: null, itemsSeen: 3, failures: [] });
      expect(preview.items).toHaveLength(3);
      expect(preview.items[0]).toEqual({
        title: '云南省民政厅关于做好2026年社会救助兜底保障工作的通知',
        url: server.url('/trs/202611/t20261118_1000001.html'),
        publishedAt: '2026-11-23T08:20:00.000Z',
        number: '云民发〔2026〕45号',
        issuer: '云南省民政厅',
      });
      expect(preview.first.title).toBe(preview.items[0].title);
      expect(preview.first.bodyText).toContain('现就做好社会救助兜底保障工作通知如下');
    }
    expect(await stored()).toEqual(before);
  });

  test('S9: an editor, the office and anonymous are refused in Chinese before any request', async () => {
    const requests = server.requests.length;
    for (const username of ['jiuzhu', 'bangongshi'])
      expect((await as(username, TRY, { data: form() })).errors?.[0].message).toBe('只有信息化建设科和系统管理员可以试采集转载来源');
    expect((await as(null, TRY, { data: form() })).errors?.[0].message).toBe('请先登录');
    expect(server.requests.length).toBe(requests);
  });

  test('S9: what is typed wrong in the form is said in Chinese', async () => {
    const noSelectors = await as('xinxi', TRY, { data: { ...form(), selectors: null } });
    expect(noSelectors.errors?.[0].message).toMatch(/^无法试采集：.*HTML 列表页必须配置列表选择器/);
    const notObject = await as('xinxi', TRY, { data: { ...form(), selectors: ['ul li'] } });
    expect(notObject.errors?.[0].message).toContain('字段名与选择器必须是 JSON 对象');
    const badUrl = await as('xinxi', TRY, { data: { ...form(), listUrls: 'not a url' } });
    expect(badUrl.errors?.[0].message).toMatch(/^无法试采集：/);
  });
});
