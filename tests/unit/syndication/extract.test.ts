import { describe, expect, test } from '@jest/globals';
import { decodeBody } from '../../../src/platform/http/charset.js';
import { SyndicationError } from '../../../syndication/core/errors.js';
import { extractDetail } from '../../../syndication/core/extract.js';
import { fixtureBytes, fixtureText } from '../../helpers/syndication-server.js';

const GOV_URL = 'https://www.gov.cn/zhengce/content/202611/content_7000001.htm';

describe('S9 detail extraction', () => {
  test('S9: a gov.cn detail page with the gov.cn defaults: share-title, TRS_UEDITOR, manuscriptId, firstpublishedtime, table.bd1', () => {
    const detail = extractDetail({ text: fixtureText('gov-cn-content.htm'), url: GOV_URL });
    expect(detail.title).toBe('国务院办公厅关于进一步加强困难群众基本生活保障工作的通知');
    expect(detail.upstreamId).toBe('7000001');
    expect(detail.publishedAt?.toISOString()).toBe('2026-11-20T09:05:32.000Z');
    expect(detail.writtenAt?.toISOString()).toBe('2026-11-14T16:00:00.000Z');
    expect(detail.number).toBe('国办发〔2026〕41号');
    expect(detail.issuer).toBe('国务院办公厅');
    expect(detail.bodyHtml).toContain('各省、自治区、直辖市人民政府');
    expect(detail.bodyHtml).not.toContain('我要纠错'); // outside the body
    expect(detail.attachments).toEqual([
      { url: 'https://www.gov.cn/zhengce/content/202611/P020261120512345678902.pdf', name: '困难群众基本生活保障工作任务分工.pdf' },
    ]);
  });

  test('S9: a TRS provincial page in GBK: meta PubDate, inline labels (发文字号：…), .trs_editor_view', () => {
    const { text } = decodeBody(fixtureBytes('trs-detail.gbk.html'), 'text/html');
    const url = 'https://www.yn.gov.cn/zwgk/zcwj/yzf/202611/t20261118_1000001.html';
    const detail = extractDetail(
      { text, url },
      { title: 'meta[name=ArticleTitle]', body: '.trs_editor_view', publishedAt: 'meta[name=PubDate]' },
    );
    expect(detail.title).toBe('云南省人民政府关于印发云南省社会救助提质增效行动方案的通知');
    expect(detail.publishedAt?.toISOString()).toBe('2026-11-18T01:30:00.000Z');
    expect(detail.number).toBe('云政发〔2026〕31号');
    expect(detail.issuer).toBe('云南省人民政府');
    expect(detail.writtenAt?.toISOString()).toBe('2026-11-11T16:00:00.000Z');
    expect(detail.bodyHtml).toContain('朱镕基同志曾指出');
    expect(detail.attachments).toEqual([
      { url: 'https://www.yn.gov.cn/zwgk/zcwj/yzf/202611/P020261118654321.docx', name: '云南省社会救助提质增效行动方案.docx' },
    ]);
    expect(detail.upstreamId).toBeUndefined();
  });

  test('configured selectors come before the defaults, and tried in order', () => {
    const html =
      '<html><head><title>页面标题_某某网</title></head><body><h1>默认标题</h1><div class="empty"></div><div class="main"><p>正文</p></div><div class="TRS_UEDITOR"><p>默认正文</p></div></body></html>';
    const detail = extractDetail({ text: html, url: 'https://x.gov.cn/a.html' }, { title: ['.missing', 'h1'], body: ['.empty', '.main'] });
    expect(detail.title).toBe('默认标题');
    expect(detail.bodyHtml).toBe('<p>正文</p>');
  });

  test('the <title> fallback loses its site suffix', () => {
    const html = '<html><head><title>关于婚姻登记的公告_某市人民政府</title></head><body><article><p>x</p></article></body></html>';
    expect(extractDetail({ text: html, url: 'https://x.gov.cn/a.html' }).title).toBe('关于婚姻登记的公告');
  });

  test('S9: a page without a body (a redesign, an error page) is a clear Chinese error', () => {
    const html = '<html><head><title>404</title></head><body><div class="share-title">页面不存在</div></body></html>';
    const extract = () => extractDetail({ text: html, url: GOV_URL });
    expect(extract).toThrow(SyndicationError);
    expect(extract).toThrow(/^详情页中找不到正文（已尝试选择器：div\.TRS_UEDITOR、#UCAP-CONTENT/);
    expect(() => extractDetail({ text: '<html><body></body></html>', url: GOV_URL })).toThrow(`详情页中找不到标题：${GOV_URL}`);
  });

  test('a configured attachments selector takes every link in it, not only document files', () => {
    const html =
      '<div class="share-title">t</div><div class="TRS_UEDITOR"><p>x</p></div><ul class="fujian"><li><a href="/dl?id=9">附件1：申请表</a></li></ul>';
    const detail = extractDetail({ text: html, url: 'https://www.gov.cn/a/b.htm' }, { attachments: 'ul.fujian' });
    expect(detail.attachments).toEqual([{ url: 'https://www.gov.cn/dl?id=9', name: '附件1：申请表' }]);
  });
});
