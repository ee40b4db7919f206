import { beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { rebuildPublicText } from '../../../src/platform/content/search-index.js';
import { reprintDocumentData } from '../../../syndication/store.js';
import { pageCacheFor } from '../../../src/platform/page-cache/cache.js';
import { seededApi } from '../../helpers/seeded-api.js';

/*
 * Issue 14 #11 (N15 on every public surface). A reprint's page showed 138****5678, but search still
 * matched the hidden digits: search text was stored unmasked, feeds cut their summaries before masking,
 * and reprint bodies were stored and served through the API as the upstream wrote them.
 */
const { state, as, act } = seededApi(['jiuzhu', 'bangongshi', 'lingdao']);
const get = (path: string) => request(state.app).get(path);

const mobile = '13812345678';
const idNumber = '530102198507121122';
// Long enough that a 200-character feed summary is cut inside the first number.
const filler =
  '各县（区）民政部门要按照本通知要求，对最低生活保障对象、特困供养人员和低保边缘家庭开展动态排查，做到应保尽保、应退尽退，并将排查情况按时报送市民政局社会救助科。'
    .repeat(3)
    .slice(0, 186);
const upstreamBody = `<p>${filler}联系人王女士，电话${mobile}。</p><p>申请人手机<b>138</b>1234<span>5678</span>，身份证号${idNumber}。</p><p>咨询电话：0883-2123456</p>`;
const hidden = ['1381234', '12345678', '38123456', '5301021985', '0102198507121122', '19850712'];

/** Every piece of the hidden numbers that must appear nowhere public. */
function expectNothingHidden(text: string) {
  for (const digits of hidden) expect(text).not.toContain(digits);
}

let legacyId = '';
let freshId = '';

beforeAll(async () => {
  const context = state.t.context.sudo();
  const gwy = await context.prisma.column.findFirstOrThrow({ where: { slug: 'gwy' } });
  const publishedAt = new Date('2026-11-23T02:00:00Z');
  // A reprint stored the way every reprint was before this fix: upstream text as is, search text unmasked.
  const legacy = await context.db.Document.createOne({
    data: {
      title: `关于做好困难群众动态排查工作的通知（联系电话${mobile}）`,
      origin: 'reprint',
      disclosure: 'proactive',
      status: 'published',
      publishedAt,
      sourceName: '测试上游',
      sourceUrl: 'https://www.example.gov.cn/content_9.htm',
      columns: { connect: [{ id: gwy.id }] },
    },
  });
  legacyId = String(legacy.id);
  await context.prisma.document.update({
    where: { id: legacyId },
    data: {
      reprintBody: upstreamBody,
      searchText: `关于做好困难群众动态排查工作的通知（联系电话${mobile}）\n${filler}联系人王女士，电话${mobile}。申请人手机13812345678，身份证号${idNumber}。`,
    },
  });
  // A reprint stored now, through the store's own function (what publishing from the queue writes).
  const fields = reprintDocumentData({
    title: `关于困难群众排查的补充通知（${mobile}）`,
    bodyHtml: upstreamBody,
    url: 'https://www.example.gov.cn/content_10.htm',
    sourceName: '测试上游',
    dedupKey: 'k10',
  });
  const fresh = await context.prisma.document.create({
    data: {
      ...fields,
      formationDate: null,
      status: 'published',
      publishedAt: new Date(publishedAt.getTime() + 60_000),
      columns: { connect: [{ id: gwy.id }] },
    },
  });
  freshId = fresh.id;
});

describe('trust #11: N15 holds on every public surface, search included', () => {
  test('trust #11: a reprint stored now is stored masked: title, body (a number split by markup too) and search text', async () => {
    const fresh = await state.t.context.prisma.document.findUniqueOrThrow({ where: { id: freshId } });
    expect(fresh.title).toBe('关于困难群众排查的补充通知（138****5678）');
    expect(fresh.reprintBody).toContain('电话138****5678');
    expect(fresh.reprintBody).toContain('申请人手机<b>138****5678</b><span></span>');
    expect(fresh.reprintBody).toContain('身份证号53*************122');
    // Office landlines are not personal data.
    expect(fresh.reprintBody).toContain('0883-2123456');
    expectNothingHidden(`${fresh.title} ${fresh.reprintBody} ${fresh.searchText}`);
  });

  test('trust #11: rows stored before the rule: search found the hidden digits until the rebuild at start, then no surface does', async () => {
    // What the issue found: the page masks, search still matches.
    expect((await get(`/search?q=1381234`)).text).toContain('动态排查工作的通知');
    const rebuilt = await rebuildPublicText(state.t.context);
    expect(rebuilt.documents).toBeGreaterThanOrEqual(1);
    // A second run finds nothing left to do.
    expect(await rebuildPublicText(state.t.context)).toEqual({ documents: 0, interpretations: 0 });
    pageCacheFor(state.t.context).clear();

    for (const q of hidden) expect((await get(`/search?q=${q}`)).text).toContain('没有找到相关内容');
    // What the page shows is still found, and the snippet shows it masked.
    const found = await get(`/search?q=${encodeURIComponent('138****5678')}`);
    expect(found.text).toContain('动态排查工作的通知');
    expect(found.text).toContain('电话<mark>138****5678</mark>');
    expectNothingHidden(found.text);
  });

  test('trust #11: the pages, every feed (cut inside a number) and the anonymous API show the reprints masked', async () => {
    for (const id of [legacyId, freshId]) {
      const page = await get(`/documents/${id}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('电话138****5678');
      expect(page.text).toContain('0883-2123456');
      expectNothingHidden(page.text);
    }
    for (const feed of ['/feed.xml', '/atom.xml', '/columns/gwy/feed.xml', '/columns/gwy/atom.xml']) {
      const res = await get(feed);
      expect(res.status).toBe(200);
      expect(res.text).toContain('补充通知');
      // The summary is cut at 200 characters, inside the number: masked first, so no digit run survives.
      expect(res.text).toContain('联系人王女士，电话138**');
      expectNothingHidden(res.text);
    }
    const api = await as(null, `query($ids: [ID!]) { documents(where: { id: { in: $ids } }) { title reprintBody } }`, {
      ids: [legacyId, freshId],
    });
    expect(api.data?.documents).toHaveLength(2);
    expectNothingHidden(JSON.stringify(api.data));
  });
});

describe('trust #11: the search index follows every edit', () => {
  test('trust #11: a draft edited field by field (only its title) is still found by its body once published', async () => {
    const created = await as(
      'jiuzhu',
      'mutation { createDocument(data: { title: "临时救助备用金管理办法（草稿）", disclosure: "proactive", body: "<p>乡镇临时救助备用金实行专账管理，联系人手机13987654321。</p>" }) { id } }',
    );
    const id = created.data?.createDocument.id;
    // The editor masks the number and renames the draft, each in its own save (as the Admin UI sends only what changed).
    expect(
      (
        await as(
          'jiuzhu',
          'mutation($id: ID!) { updateDocument(where: { id: $id }, data: { body: "<p>乡镇临时救助备用金实行专账管理，联系人手机139****4321。</p>" }) { id } }',
          { id },
        )
      ).errors,
    ).toBeUndefined();
    expect(
      (
        await as('jiuzhu', 'mutation($id: ID!) { updateDocument(where: { id: $id }, data: { title: "临时救助备用金管理办法" }) { id } }', {
          id,
        })
      ).errors,
    ).toBeUndefined();
    await act('jiuzhu', 'submitDocument', id);
    await act('bangongshi', 'officeApproveDocument', id, ', confidentialityConclusion: "不涉密，同意公开"');
    expect((await act('lingdao', 'approveDocument', id)).data?.approveDocument.status).toBe('published');
    const found = await get(`/search?q=${encodeURIComponent('备用金实行专账管理')}`);
    expect(found.text).toContain('临时救助备用金管理办法');
    expectNothingHidden(found.text);
  });
});
