import { describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { guideElements, type GuideField } from '../../../src/guides/core/guides.js';
import { runOwnSiteMonitor } from '../../../src/monitor/runner.js';
import { seededApi } from '../../helpers/seeded-api.js';
import { testNow } from '../../helpers/clock.js';

const { state, as, act } = seededApi(['shiwu', 'jiuzhu', 'yanglao', 'zonghe', 'xinxi', 'bangongshi', 'lingdao']);
const get = (path: string) => request(state.app).get(path);

/** Every element of a guide, filled in. */
const complete: Record<GuideField, string> = {
  guideItemName: '内地居民补领婚姻登记证',
  guideBasis: '《婚姻登记条例》第十七条',
  guideConditions: '结婚证、离婚证遗失或者损毁的',
  guideMaterials: '1. 本人有效居民身份证\n2. 补领婚姻登记证申请书',
  guidePlace: '临沧市婚姻登记处',
  guideAgency: '临沧市民政局婚姻登记处',
  guideFee: '不收费',
  guideFeeBasis: '',
  guideHours: '法定工作日9:00—17:30',
  guideEnquiryPhone: '0883-2123456',
  guideComplaintPhone: '0883-2127890',
  guideSteps: '1. 申请\n2. 审查\n3. 补发',
  guideLegalTimeLimit: '当场办结',
  guidePromisedTimeLimit: '当场办结',
  guideOnlineUrl: 'https://zwfw.yn.gov.cn/portal/#/item-detail?itemCode=hunyin-buling',
};

async function draftGuide(fields: Record<GuideField, string>): Promise<string> {
  const data = { title: '补领婚姻登记证办事指南', disclosure: 'proactive', documentKind: 'serviceGuide', ...fields };
  const body = await as('shiwu', 'mutation($data: DocumentCreateInput!) { createDocument(data: $data) { id } }', { data });
  if (!body.data?.createDocument) throw new Error(JSON.stringify(body.errors));
  return body.data.createDocument.id;
}

const docId = async (title: string) =>
  String((await state.t.context.sudo().prisma.document.findFirst({ where: { title, status: 'published' }, select: { id: true } }))!.id);

describe('办事指南 (N6)', () => {
  test.each(guideElements.filter((e) => e.field !== 'guideFeeBasis').map((e) => [e.label, e.field] as const))(
    'N6: a guide without %s cannot be submitted; the check names it',
    async (label, field) => {
      const id = await draftGuide({ ...complete, [field]: '' });
      const res = await act('shiwu', 'submitDocument', id);
      expect(res.errors?.[0].extensions?.code).toBe('WORKFLOW_CHECKS_FAILED');
      expect(res.errors?.[0].message).toContain(`办事指南缺少要素“${label}”`);
      const stored = (await state.t.context.sudo().prisma.document.findUnique({ where: { id } })) as {
        status: string;
        preflightFindings: unknown;
      };
      expect(stored.status).toBe('draft');
      expect(JSON.stringify(stored.preflightFindings)).toContain(`“${label}”`);
    },
  );

  test('N6: a charged service without its 收费依据 is refused; a free one needs none', async () => {
    const charged = await draftGuide({ ...complete, guideFee: '工本费每本9元' });
    expect((await act('shiwu', 'submitDocument', charged)).errors?.[0].message).toContain('办事指南缺少要素“收费依据”');
    const free = await draftGuide(complete);
    expect((await act('shiwu', 'submitDocument', free)).data?.submitDocument.status).toBe('submitted');
    // An online-service address that is no web address is refused when saved, with the reason.
    const bad = await as('shiwu', 'mutation($data: DocumentCreateInput!) { createDocument(data: $data) { id } }', {
      data: { title: '指南', documentKind: 'serviceGuide', ...complete, guideOnlineUrl: 'zwfw.yn.gov.cn' },
    });
    expect(bad.errors?.[0].message).toContain('在线办理地址必须是 http:// 或 https:// 开头的网址');
  });

  test('N6: a complete guide goes through the normal workflow into 办事指南 and is public with one section per element', async () => {
    const column = await state.t.context.sudo().prisma.column.findFirst({ where: { slug: 'bszn' }, select: { id: true } });
    const id = await draftGuide(complete);
    await as(
      'shiwu',
      'mutation($id: ID!, $c: ID!) { updateDocument(where: { id: $id }, data: { columns: { connect: [{ id: $c }] } }) { id } }',
      { id, c: column!.id },
    );
    expect((await act('shiwu', 'submitDocument', id)).data?.submitDocument.status).toBe('submitted');
    await act('bangongshi', 'startReviewDocument', id);
    await act('bangongshi', 'officeApproveDocument', id, ', confidentialityConclusion: "经保密审查，同意公开"');
    expect((await act('lingdao', 'approveDocument', id)).data?.approveDocument.status).toBe('published');
    const column2 = await get('/columns/bszn');
    expect(column2.text).toContain(`/documents/${id}`);
    const page = await get(`/documents/${id}`);
    for (const e of guideElements.filter((el) => el.field !== 'guideFeeBasis')) expect(page.text).toContain(`>${e.label}</h2>`);
    expect(page.text).toMatch(
      /<a href="https:\/\/zwfw\.yn\.gov\.cn\/portal\/#\/item-detail\?itemCode(=|&#x3D;)hunyin-buling" rel="noopener">在线办理（一网通办）<\/a>/,
    );
  });

  test('N6: a demo guide offers its forms to download, and they download', async () => {
    const page = await get(`/documents/${await docId('最低生活保障申请办事指南')}`);
    const forms = [...page.text.matchAll(/<a href="(\/media\/[^"]+\.csv)" download>([^<]+)<\/a>/g)];
    expect(forms.map((m) => m[2])).toEqual(['最低生活保障申请书（空白表格）', '家庭经济状况核对授权书（空白表格）']);
    const file = await get(forms[0][1]);
    expect(file.status).toBe(200);
    expect(file.text).toContain('申请人姓名');
    expect(
      await state.t.context.sudo().prisma.document.count({ where: { documentKind: 'serviceGuide', status: 'published' } }),
    ).toBeGreaterThanOrEqual(10);
  });
});

describe('document validity (N19)', () => {
  test('N19: a repealed document says so in a banner and its metadata, with a link to what replaced it', async () => {
    const replacement = await docId('临沧市最低生活保障审核确认实施办法');
    const page = await get(`/documents/${await docId('临沧市最低生活保障实施办法')}`);
    expect(page.text).toMatch(
      /<p class="validity-banner" role="note"><strong>本文件已于\d{4}年7月1日废止，详见<\/strong><a href="\/documents\/\w+">《临沧市最低生活保障审核确认实施办法》<\/a>。<\/p>/,
    );
    expect(page.text).toContain(`href="/documents/${replacement}"`);
    expect(page.text).toContain('<th scope="row">效力状态</th><td class="validity-repealed">已废止</td>');
    // The replacing document names what it repealed.
    expect((await get(`/documents/${replacement}`)).text).toMatch(
      /本文件废止了<a href="\/documents\/\w+">《临沧市最低生活保障实施办法》<\/a>/,
    );
  });

  test('N19: amended and expired documents carry their banners; a current one none', async () => {
    expect((await get(`/documents/${await docId('临沧市高龄津贴发放管理办法')}`)).text).toMatch(/本文件已于\d{4}年10月1日修改，详见/);
    expect((await get(`/documents/${await docId('临沧市临时救助实施细则（试行）')}`)).text).toMatch(/本文件有效期至\d{4}年6月30日，已失效/);
    const current = (await get(`/documents/${await docId('临沧市养老机构运营补贴办法')}`)).text;
    expect(current).not.toContain('validity-banner');
    expect(current).toContain('<td class="validity-current">现行有效</td>');
  });

  test('N19: the library lists what is in force by default, and filters by status, year and issuer', async () => {
    const titles = async (query: string) =>
      [
        ...(await get(`/disclosure/normative-documents${query}`)).text.matchAll(
          /<td data-label="文件名称"><a href="\/documents\/\w+">([^<]+)<\/a><\/td>/g,
        ),
      ].map((m) => m[1]);
    const inForce = await titles('');
    expect(inForce).toEqual(expect.arrayContaining(['临沧市最低生活保障审核确认实施办法', '临沧市养老机构运营补贴办法']));
    expect(inForce).not.toContain('临沧市最低生活保障实施办法');
    expect(inForce).not.toContain('临沧市临时救助实施细则（试行）');
    expect(await titles('?status=repealed')).toEqual(['临沧市最低生活保障实施办法']);
    expect(await titles('?status=expired')).toEqual(['临沧市临时救助实施细则（试行）']);
    expect(await titles('?status=amended')).toEqual(['临沧市高龄津贴发放管理办法']);
    const year = testNow().getFullYear() - 5;
    expect(await titles(`?status=all&year=${year}`)).toEqual(
      expect.arrayContaining(['临沧市高龄津贴发放管理办法', '临沧市临时救助实施细则（试行）']),
    );
    expect(await titles(`?status=all&issuer=${encodeURIComponent('临沧市财政局')}`)).toEqual([
      expect.stringContaining('城乡最低生活保障标准'),
    ]);
    expect((await get('/disclosure/normative-documents?year=abc')).status).toBe(400);
  });

  test('N19: 已修改 without the amending document, or 已废止 without a date, is refused with the reason', async () => {
    const res = await as('yanglao', 'mutation { createDocument(data: { title: "测试文件", validity: "amended" }) { id } }');
    expect(res.errors?.[0].message).toContain('效力状态为“已修改”的文件须关联修改它的文件');
    const res2 = await as('yanglao', 'mutation { createDocument(data: { title: "测试文件", validity: "repealed" }) { id } }');
    expect(res2.errors?.[0].message).toContain('须填写废止日期');
  });

  test('N19: the clean-up queue in 待办 — validity ending within 60 days, time-limited items past their time — for their department and the info section', async () => {
    type Task = { kindLabel: string; title: string; detail: string; href: string };
    const tasksOf = async (user: string) =>
      ((await as(user, '{ myTasks { kindLabel title detail href } }')).data!.myTasks as Task[]).filter((t) =>
        ['有效期将满', '有效期已过', '过期信息'].includes(t.kindLabel),
      );
    expect(await tasksOf('yanglao')).toEqual([
      expect.objectContaining({
        kindLabel: '有效期将满',
        title: '临沧市养老机构运营补贴办法',
        detail: expect.stringMatching(/还剩 \d+ 天/),
      }),
    ]);
    expect(await tasksOf('zonghe')).toEqual([
      expect.objectContaining({ kindLabel: '过期信息', title: expect.stringContaining('公开招聘工作人员公告') }),
    ]);
    expect((await tasksOf('jiuzhu')).map((t) => t.kindLabel)).toEqual(['过期信息']);
    expect((await tasksOf('xinxi')).map((t) => t.title).sort()).toHaveLength(3);
    expect(await tasksOf('bangongshi')).toEqual([]);
  });

  test('N19, S1: a successor that is not public is never named or linked; the banner still says what happened', async () => {
    const prisma = state.t.context.sudo().prisma;
    const draft = (await prisma.document.findFirst({ where: { status: 'draft' }, select: { id: true, title: true } })) as {
      id: string;
      title: string;
    };
    const amended = await docId('临沧市高龄津贴发放管理办法');
    const before = (await prisma.document.findUnique({ where: { id: amended }, select: { replacedById: true } })) as {
      replacedById: string;
    };
    await prisma.document.update({ where: { id: amended }, data: { replacedById: draft.id } });
    const { pageCacheFor } = await import('../../../src/platform/page-cache/cache.js');
    pageCacheFor(state.t.context).clear();
    const page = (await get(`/documents/${amended}`)).text;
    expect(page).toContain('本文件已修改');
    expect(page).not.toContain(draft.id);
    expect(page).not.toContain(draft.title);
    await prisma.document.update({ where: { id: amended }, data: { replacedById: before.replacedById } });
    pageCacheFor(state.t.context).clear();
  });

  test('N19: an interpretation of a repealed document carries the same banner', async () => {
    const prisma = state.t.context.sudo().prisma;
    const jd = (await prisma.interpretation.findFirst({ where: { status: 'published' }, select: { id: true } })) as { id: string };
    await prisma.interpretation.update({
      where: { id: jd.id },
      data: { documents: { connect: [{ id: await docId('临沧市最低生活保障实施办法') }] } },
    });
    const { pageCacheFor } = await import('../../../src/platform/page-cache/cache.js');
    pageCacheFor(state.t.context).clear();
    expect((await get(`/interpretations/${jd.id}`)).text).toMatch(
      /<p class="validity-banner" role="note"><strong>本文件已于\d{4}年7月1日废止，详见<\/strong>/,
    );
  });

  test('N19: the day after its 有效期至, a document leaves the page cache that showed it as current, and shows as 已失效', async () => {
    const { cacheKey, pageCacheFor } = await import('../../../src/platform/page-cache/cache.js');
    const { validityDayStarts } = await import('../../../src/validity/jobs.js');
    const { calendarDayOf } = await import('../../../src/platform/db/calendar-day.js');
    const id = await docId('临沧市养老机构运营补贴办法');
    const row = (await state.t.context.sudo().prisma.document.findUnique({ where: { id }, select: { validUntil: true } })) as {
      validUntil: unknown;
    };
    const lastDay = calendarDayOf(row.validUntil)!;
    expect((await get(`/documents/${id}`)).text).toContain('现行有效');
    const cache = pageCacheFor(state.t.context);
    expect(cache.get(cacheKey({ method: 'GET', url: `/documents/${id}` })!)).toBeDefined();
    // Five past midnight, China time, the next day.
    const next = new Date(Date.parse(`${lastDay}T00:05:00+08:00`) + 86_400_000);
    expect(await validityDayStarts(state.t.context, next)).toBe(1);
    expect(cache.get(cacheKey({ method: 'GET', url: `/documents/${id}` })!)).toBeUndefined();
    expect(await validityDayStarts(state.t.context, new Date(next.getTime() + 86_400_000))).toBe(0);
  });

  test('N19: a published document becomes 已废止 through 修订, and its page says so once approved', async () => {
    const original = await docId('临沧市养老机构运营补贴办法');
    const successor = await docId('临沧市民政局关于修改《临沧市高龄津贴发放管理办法》的决定');
    const copy = (await as('yanglao', 'mutation($id: ID!) { reviseDocument(where: { id: $id }) { id } }', { id: original })).data!
      .reviseDocument.id as string;
    const day = `${testNow().getFullYear()}-11-30`;
    const updated = await as(
      'yanglao',
      'mutation($id: ID!, $s: ID!, $d: CalendarDay!) { updateDocument(where: { id: $id }, data: { validity: "repealed", repealedOn: $d, replacedBy: { connect: { id: $s } } }) { id validity } }',
      { id: copy, s: successor, d: day },
    );
    expect(updated.errors).toBeUndefined();
    await act('yanglao', 'submitDocument', copy);
    await act('bangongshi', 'startReviewDocument', copy);
    await act('bangongshi', 'officeApproveDocument', copy, ', confidentialityConclusion: "经保密审查，同意公开"');
    expect((await act('lingdao', 'approveDocument', copy)).errors).toBeUndefined();
    const page = (await get(`/documents/${original}`)).text;
    expect(page).toContain(`本文件已于${testNow().getFullYear()}年11月30日废止，详见`);
    expect(page).toContain(`href="/documents/${successor}"`);
  });

  test('N6, N19: the monitor of the demo site finds no missing guide element and reports the items past their time; the site passes', async () => {
    const result = await runOwnSiteMonitor(state.t.context, { now: testNow(), force: true, checkExternal: false });
    const findings = result!.report.findings;
    expect(findings.filter((f) => f.ruleId === 'N6')).toEqual([]);
    expect(
      findings
        .filter((f) => f.ruleId === 'N19')
        .map((f) => f.code)
        .sort(),
    ).toEqual(['N19.time-passed', 'N19.time-passed']);
    expect(result!.report.score.passed).toBe(true);
  });
});
