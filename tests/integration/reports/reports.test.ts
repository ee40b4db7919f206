import { describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { calendarDayValue } from '../../../src/platform/db/calendar-day.js';
import { blankAnnualReportItem, generateAnnualReport } from '../../../src/reports/annual-data.js';
import { loadAssessmentFigures } from '../../../src/reports/assessment-data.js';
import { annualReportTasks } from '../../../src/reports/tasks.js';
import { taskSources } from '../../../src/app/tasks.js';
import { seededApi } from '../../helpers/seeded-api.js';

const { state, as } = seededApi(['bangongshi', 'xinxi', 'jiuzhu', 'yanglao']);
const prisma = () => state.t.context.sudo().prisma;
const get = (p: string) => request(state.app).get(p);

async function document(data: {
  title: string;
  formationDate: string;
  regulatoryKind?: string;
  repealedOn?: string;
  departmentCode?: string;
  disclosure?: string;
  disclosureReason?: string;
}) {
  const p = prisma();
  const department = data.departmentCode ? await p.department.findFirst({ where: { code: data.departmentCode } }) : null;
  return p.document.create({
    data: {
      title: data.title,
      body: '',
      redactedBody: '',
      disclosure: data.disclosure ?? 'proactive',
      disclosureReason: data.disclosureReason ?? '',
      status: 'published',
      publishedAt: new Date(`${data.formationDate}T10:00:00+08:00`),
      formationDate: calendarDayValue(p, data.formationDate),
      regulatoryKind: data.regulatoryKind ?? null,
      repealedOn: calendarDayValue(p, data.repealedOn ?? null),
      ...(department ? { department: { connect: { id: department.id } } } : {}),
    },
  });
}

async function requestRecord(data: {
  topic: string;
  applicantType: string;
  receivedOn: string;
  outcome?: string;
  closedOn?: string;
  departmentCode?: string;
  shouldBeProactive?: boolean;
}) {
  const p = prisma();
  const department = data.departmentCode ? await p.department.findFirst({ where: { code: data.departmentCode } }) : null;
  return p.disclosureRequest.create({
    data: {
      topic: data.topic,
      // A letter, as the office records one: the list's own fields besides the report's.
      channel: 'letter',
      queryCode: `R${Math.random().toString(36).slice(2, 10)}`,
      applicantType: data.applicantType,
      receivedOn: calendarDayValue(p, data.receivedOn),
      outcome: data.outcome ?? null,
      closedOn: calendarDayValue(p, data.closedOn ?? null),
      shouldBeProactive: data.shouldBeProactive ?? false,
      ...(department ? { department: { connect: { id: department.id } } } : {}),
    },
  });
}

const reportFields = 'id year title checkPassed checkResult publishedAt publicationNote snapshot';
const createReport = (user: string, year: number, extra = '') =>
  as(
    user,
    `mutation { createAnnualReport(data: { year: ${year}, overview: "${year}年，本机关认真贯彻落实政府信息公开条例。", licensing: 3${extra} }) { ${reportFields} } }`,
  );
const runAction = (user: string, action: 'regenerate' | 'publish', id: string) =>
  as(user, `mutation($id: ID!) { ${action}AnnualReport(where: { id: $id }) { ${reportFields} } }`, { id });

describe('N14 annual report', () => {
  test('N14: the annual report of the demo data adds up, and the demo 2025 report is published and public', async () => {
    const report = await generateAnnualReport(state.t.context, blankAnnualReportItem(2025));
    expect(report.failures).toEqual([]);
    const demo = await prisma().annualReport.findFirstOrThrow({ where: { year: 2025 } });
    expect(demo.publishedAt?.toISOString()).toBe('2026-01-23T02:00:00.000Z');
    expect(demo.publicationNote).toBe('2025年度报告已于2026-01-23按时公布');

    const page = await get('/disclosure/annual-reports/2025');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>临沧市民政局2025年政府信息公开工作年度报告</h1>');
    expect(page.text).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(page.text).toContain('<link rel="stylesheet" href="/disclosure/annual-reports/annual-report.css">');
    // Within the site frame: the footer N10 asks for.
    expect(page.text).toContain('网站标识码');
    expect(page.text).not.toMatch(/<style|style=/);
    const css = await get('/disclosure/annual-reports/annual-report.css');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.text).toContain('@page { size: A4;');
    expect(css.text).toMatch(/@media print \{\n {2}\.site-header, \.site-footer/);

    const list = await get('/disclosure/annual-reports');
    expect(list.text).toContain(
      '<a href="/disclosure/annual-reports/2025">临沧市民政局2025年政府信息公开工作年度报告</a> <time datetime="2026-01-23">',
    );
    // N14: reachable from the homepage.
    expect((await get('/')).text).toContain('<a href="/disclosure/annual-reports">政府信息公开工作年度报告</a>');
    expect((await get('/disclosure/annual-reports/2024')).status).toBe(404);
    expect((await get('/disclosure/annual-reports/20x4')).status).toBe(404);
  });

  test('N14: generated from created data it adds up; 发布 records the day and says it was late; then it is final and public', async () => {
    await document({ title: '临沧市最低生活保障审核确认办法', formationDate: '2023-03-01', regulatoryKind: 'normativeDocument' });
    await document({
      title: '临沧市特困人员认定实施细则',
      formationDate: '2021-05-01',
      regulatoryKind: 'normativeDocument',
      repealedOn: '2023-09-30',
    });
    await document({ title: '不计入的普通通知', formationDate: '2023-04-01' });
    await requestRecord({
      topic: '低保资金发放明细',
      applicantType: 'naturalPerson',
      receivedOn: '2023-02-10',
      outcome: 'disclosed',
      closedOn: '2023-02-20',
    });
    await requestRecord({
      topic: '养老机构补贴名单',
      applicantType: 'business',
      receivedOn: '2023-06-01',
      outcome: 'withheldThirdPartyRights',
      closedOn: '2023-06-15',
    });
    await requestRecord({ topic: '殡葬设施规划', applicantType: 'business', receivedOn: '2023-12-25' });

    const created = await createReport('bangongshi', 2023);
    expect(created.errors).toBeUndefined();
    const id = created.data!.createAnnualReport.id;
    expect(created.data!.createAnnualReport.title).toBe('2023年政府信息公开工作年度报告');
    const generated = (await runAction('bangongshi', 'regenerate', id)).data!.regenerateAnnualReport;
    expect(generated.checkPassed).toBe(true);
    const rows = Object.fromEntries(generated.snapshot.requests.rows.map((r: { key: string; total: number }) => [r.key, r.total]));
    expect(rows).toMatchObject({
      newRequests: 3,
      carriedOver: 0,
      disclosed: 1,
      withheldThirdPartyRights: 1,
      totalHandled: 2,
      carriedToNextYear: 1,
    });
    // In force at the end of 2023: the new one, the demo's 临民办发〔2017〕21号 and its four normative documents of
    // 2019 and 2021 (临民规〔2019〕1号, 〔2021〕2号, 〔2021〕3号, 〔2021〕4号; repealed, amended or expired only later).
    expect(generated.snapshot.proactive.regulatory[1]).toEqual({
      kind: 'normativeDocument',
      label: '行政规范性文件',
      issued: 1,
      repealed: 1,
      inForce: 6,
    });
    expect(generated.snapshot.proactive.licensing).toBe(3);

    const published = await runAction('xinxi', 'publish', id);
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishAnnualReport.publicationNote).toMatch(/^2023年度报告于\d{4}-\d{2}-\d{2}公布，晚于2024-01-31的公布期限$/);
    const edit = await as('bangongshi', `mutation($id: ID!) { updateAnnualReport(where: { id: $id }, data: { problems: "改" }) { id } }`, {
      id,
    });
    expect(edit.errors?.[0].message).toContain('年度报告已发布，不能修改或删除');
    expect((await runAction('bangongshi', 'regenerate', id)).errors?.[0].message).toContain('年度报告已发布，不能重新生成');
    const page = await get('/disclosure/annual-reports/2023');
    expect(page.status).toBe(200);
    expect(page.text).toContain('2023年，本机关认真贯彻落实政府信息公开条例。');
  });

  test("N14: 发布 is refused while 一 + 二 = 三 + 四 fails (last year's published 四 against the records), with the failures in Chinese", async () => {
    // Entered late: received in 2023, after the 2023 report was published; answered in 2024.
    await requestRecord({
      topic: '慈善组织认定',
      applicantType: 'naturalPerson',
      receivedOn: '2023-11-01',
      outcome: 'disclosed',
      closedOn: '2024-01-10',
    });
    const id = (await createReport('bangongshi', 2024)).data!.createAnnualReport.id;
    const refused = await runAction('xinxi', 'publish', id);
    expect(refused.errors?.[0].message).toMatch(
      /^数据校验未通过，不能发布：\n自然人：一、本年新收（0）\+ 二、上年结转（0）= 0，不等于 三、本年度办理结果总计（1）/,
    );
    const item = await prisma().annualReport.findUniqueOrThrow({ where: { id } });
    expect(item.publishedAt).toBeNull();
    expect(item.checkPassed).toBe(false);
    // Nor around 发布: the publication and the tables are written by the actions only.
    const forged = await as(
      'xinxi',
      `mutation($id: ID!) { updateAnnualReport(where: { id: $id }, data: { publishedAt: "2025-01-20T02:00:00Z", checkPassed: true }) { id } }`,
      { id },
    );
    expect(forged.errors?.length).toBeGreaterThan(0);
    expect((await prisma().annualReport.findUniqueOrThrow({ where: { id } })).publishedAt).toBeNull();
    expect((await get('/disclosure/annual-reports/2024')).status).toBe(404);
  });

  test('N14: the report of the year still running cannot be published; editors cannot write reports', async () => {
    const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    const id = (await createReport('bangongshi', year)).data!.createAnnualReport.id;
    expect((await runAction('bangongshi', 'publish', id)).errors?.[0].message).toBe(`${year}年度尚未结束，报告数据不完整，不能发布`);
    expect((await createReport('jiuzhu', 2022)).errors?.[0].message).toMatch(/Access denied|not allowed|权限/i);
    expect((await createReport('bangongshi', 2023)).errors?.[0].message).toContain('2023年度的年度报告已存在');
  });

  test("N14 待办: from 1 January, last year's unpublished report for the office and the information section, due 31 January", async () => {
    expect(taskSources).toContain(annualReportTasks);
    const office = { id: 'x', role: 'officeReviewer' as const, departmentId: null };
    const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
    const [task] = await annualReportTasks(state.t.context.sudo(), office, at('2023-01-10'));
    expect(task).toMatchObject({
      kindLabel: '年度报告',
      title: '2022年政府信息公开工作年度报告',
      href: '/admin/annual-reports/create',
      due: '2023-01-31',
      urgency: 2,
    });
    expect(task.detail).toContain('2022年度报告应于2023-01-31前公布');
    expect((await annualReportTasks(state.t.context.sudo(), { ...office, role: 'infoSection' }, at('2023-01-28')))[0].urgency).toBe(1);
    expect((await annualReportTasks(state.t.context.sudo(), office, at('2023-02-03')))[0]).toMatchObject({
      urgency: 0,
      detail: expect.stringContaining('已超过2023-01-31的公布期限'),
    });
    // The 2024 report exists but fails its check.
    expect((await annualReportTasks(state.t.context.sudo(), office, at('2025-01-05')))[0]).toMatchObject({
      href: expect.stringMatching(/^\/admin\/annual-reports\/\w+$/),
      detail: expect.stringContaining('数据校验未通过'),
    });
    // Published: nothing to do; editors never get it.
    expect(await annualReportTasks(state.t.context.sudo(), office, at('2024-01-20'))).toEqual([]);
    expect(await annualReportTasks(state.t.context.sudo(), { id: 'y', role: 'editor', departmentId: 'd' }, at('2023-01-10'))).toEqual([]);
  });
});

describe('S4 half-year self-inspection', () => {
  const fields = 'id title status contentsText conversions conversionList';
  let id = '';

  test('S4: a department generates its own: withheld documents with reasons, requested topics, requests to convert, late publication', async () => {
    const assistance = await prisma().department.findFirstOrThrow({ where: { code: 'assistance' } });
    await requestRecord({
      topic: '城乡低保标准调整',
      applicantType: 'naturalPerson',
      receivedOn: '2026-07-06',
      outcome: 'disclosed',
      closedOn: '2026-07-20',
      departmentCode: 'assistance',
      shouldBeProactive: true,
    });
    await requestRecord({
      topic: '城乡低保标准调整',
      applicantType: 'naturalPerson',
      receivedOn: '2026-08-03',
      outcome: 'disclosed',
      closedOn: '2026-08-10',
      departmentCode: 'assistance',
    });
    await requestRecord({
      topic: '临时救助对象名单',
      applicantType: 'publicInterest',
      receivedOn: '2026-09-01',
      departmentCode: 'assistance',
    });
    await requestRecord({ topic: '养老床位补贴', applicantType: 'naturalPerson', receivedOn: '2026-09-01', departmentCode: 'elderly' });
    // Formed 2026-07-01, published 2026-09-01: after its 20 working days (N12).
    await document({ title: '关于做好2026年汛期受灾群众临时救助的通知', formationDate: '2026-07-01', departmentCode: 'assistance' });
    await prisma().document.updateMany({
      where: { title: '关于做好2026年汛期受灾群众临时救助的通知' },
      data: { publishedAt: new Date('2026-09-01T10:00:00+08:00') },
    });

    const bad = await as(
      'jiuzhu',
      `mutation($d: ID!) { createSelfInspection(data: { department: { connect: { id: $d } }, half: "2026-H3" }) { id } }`,
      { d: assistance.id },
    );
    expect(bad.errors?.[0].message).toContain('半年度“2026-H3”格式不正确，应为 YYYY-H1（上半年）或 YYYY-H2（下半年）');
    const elderly = await prisma().department.findFirstOrThrow({ where: { code: 'elderly' } });
    const other = await as(
      'jiuzhu',
      `mutation($d: ID!) { createSelfInspection(data: { department: { connect: { id: $d } }, half: "2026-H2" }) { id } }`,
      { d: elderly.id },
    );
    expect(other.errors?.[0].message).toContain('只能为本科室填写自查报告');

    const created = await as(
      'jiuzhu',
      `mutation($d: ID!) { createSelfInspection(data: { department: { connect: { id: $d } }, half: "2026-H2" }) { ${fields} } }`,
      { d: assistance.id },
    );
    expect(created.errors).toBeUndefined();
    id = created.data!.createSelfInspection.id;
    expect(created.data!.createSelfInspection.title).toBe('社会救助科2026年下半年政府信息公开自查');
    const generated = (await as('jiuzhu', `mutation($id: ID!) { regenerateSelfInspection(where: { id: $id }) { ${fields} } }`, { id }))
      .data!.regenerateSelfInspection;
    const text = generated.contentsText as string;
    const withheld = await prisma().document.findFirstOrThrow({ where: { disclosure: 'redacted', department: { code: 'assistance' } } });
    expect(text).toContain(`W1 《${withheld.title}》（删减后公开，成文日期 2026-10-16）理由：${withheld.disclosureReason}`);
    expect(text).toContain('二、依申请公开：收到申请 3 件，申请较多的事项：\n  T1 城乡低保标准调整：2 件\n  T2 临时救助对象名单：1 件');
    expect(text).not.toContain('养老床位补贴');
    expect(text).toContain('城乡低保标准调整（2026-07-06 收到）：尚未转为主动公开');
    expect(text).toContain('《关于做好2026年汛期受灾群众临时救助的通知》成文日期 2026-07-01，期限 2026-07-29，2026-09-01 公开');
    // Another department's editor does not see it.
    expect((await as('yanglao', `query($id: ID!) { selfInspection(where: { id: $id }) { id } }`, { id })).data!.selfInspection).toBeNull();
  });

  test('S4: an item marked "should become public" is a 待办 of the department until it is public', async () => {
    const mark = (ref: string, note: string) =>
      as(
        'bangongshi',
        `mutation($id: ID!, $ref: String, $note: String) { markForConversionSelfInspection(where: { id: $id }, ref: $ref, note: $note) { ${fields} } }`,
        { id, ref, note },
      );
    expect((await mark('W9', '应公开')).errors?.[0].message).toContain('自查内容中没有编号为“W9”的事项');
    expect((await mark('T1', '')).errors?.[0].message).toContain('请填写说明');
    const marked = await mark('t1', '低保标准群众关注度高，应在每次调整后主动公开');
    expect(marked.data!.markForConversionSelfInspection.conversions).toEqual([
      expect.objectContaining({ ref: 'T1', kind: 'topic', topic: '城乡低保标准调整', markedBy: '张丽' }),
    ]);
    expect(marked.data!.markForConversionSelfInspection.conversionList).toMatch(
      /^T1 “城乡低保标准调整”：低保标准群众关注度高，应在每次调整后主动公开（张丽，\d{4}-\d{2}-\d{2} \d{2}:\d{2}）$/,
    );
    expect((await mark('T1', '再次')).errors?.[0].message).toContain('T1 已标记为应转为主动公开');
    const tasks = async (user: string) =>
      (
        (await as(user, '{ myTasks { id kindLabel title href } }')).data!.myTasks as {
          id: string;
          kindLabel: string;
          title: string;
          href: string;
        }[]
      ).filter((t) => t.kindLabel === '转为主动公开');
    expect(await tasks('jiuzhu')).toEqual([
      { id: `${id}:T1`, kindLabel: '转为主动公开', title: '申请较多的“城乡低保标准调整”应主动公开', href: `/admin/self-inspections/${id}` },
    ]);
    expect(await tasks('yanglao')).toEqual([]);
    // Converted: a request on the topic now has its proactive document.
    const doc = await document({ title: '临沧市2026年城乡最低生活保障标准', formationDate: '2026-11-02', departmentCode: 'assistance' });
    await prisma().disclosureRequest.updateMany({ where: { topic: '城乡低保标准调整' }, data: { convertedDocumentId: doc.id } });
    expect(await tasks('jiuzhu')).toEqual([]);
  });

  test('S4: submitted to the office with a conclusion; only the office reviews it', async () => {
    const submit = () => as('jiuzhu', `mutation($id: ID!) { submitSelfInspection(where: { id: $id }) { ${fields} } }`, { id });
    expect((await submit()).errors?.[0].message).toContain('请填写自查结论后再提交局办公室');
    await as(
      'jiuzhu',
      `mutation($id: ID!) { updateSelfInspection(where: { id: $id }, data: { conclusion: "临时救助公示按规定删减个人信息后公开，理由充分。" }) { id } }`,
      { id },
    );
    expect((await submit()).data!.submitSelfInspection.status).toBe('submitted');
    const officeTasks = (await as('bangongshi', '{ myTasks { id kindLabel } }')).data!.myTasks as { id: string; kindLabel: string }[];
    expect(officeTasks).toContainEqual({ id, kindLabel: '半年自查' });
    const review = (user: string) =>
      as(user, `mutation($id: ID!) { reviewSelfInspection(where: { id: $id }, note: "同意") { id status } }`, { id });
    expect((await review('jiuzhu')).errors?.[0].message).toContain('只有局办公室可以审核自查报告');
    // Nor around the action: status, review and contents are written by the actions only.
    const forged = await as(
      'jiuzhu',
      `mutation($id: ID!) { updateSelfInspection(where: { id: $id }, data: { status: "reviewed", reviewNote: "同意" }) { id } }`,
      { id },
    );
    expect(forged.errors?.length).toBeGreaterThan(0);
    expect((await prisma().selfInspection.findUniqueOrThrow({ where: { id } })).status).toBe('submitted');
    expect((await review('bangongshi')).data!.reviewSelfInspection.status).toBe('reviewed');
  });
});

describe('S12 figures', () => {
  test("S12: the year's figures from the data, with the responsibility set in 网站设置", async () => {
    const figures = await loadAssessmentFigures(state.t.context, 2026, new Date('2026-11-24T10:00:00+08:00'));
    const published = await prisma().document.count({
      where: {
        status: 'published',
        disclosure: { in: ['proactive', 'redacted'] },
        revisionOfId: null,
        publishedAt: { gte: new Date('2025-12-31T16:00:00Z'), lt: new Date('2026-12-31T16:00:00Z') },
      },
    });
    expect(figures.documents.total).toBe(published);
    expect(figures.documents.byArea.map((l) => l.label).slice(0, 5)).toEqual(['决策公开', '执行公开', '管理公开', '服务公开', '结果公开']);
    expect(figures.documents.byArea.reduce((a, l) => a + l.value, 0)).toBe(published);
    expect(figures.interpretations.total).toBe(
      await prisma().interpretation.count({ where: { status: 'published', publishedAt: { gte: new Date('2025-12-31T16:00:00Z') } } }),
    );
    expect(figures.proactiveTimeliness.late).toBeGreaterThanOrEqual(1);
    // Requests of 2026: the demo's and those created above, counted from the rows themselves.
    const p = prisma();
    const in2026 = { gte: calendarDayValue(p, '2026-01-01'), lte: calendarDayValue(p, '2026-12-31') };
    const received = await p.disclosureRequest.count({ where: { receivedOn: in2026 } });
    const closed = await p.disclosureRequest.count({ where: { closedOn: in2026, outcome: { not: null } } });
    expect(received).toBeGreaterThan(4);
    expect(figures.requests).toMatchObject({ received, closed });
    expect(figures.requests.onTime).toBeLessThanOrEqual(closed);
    expect(figures.requests.percentOnTime).toBe(Math.round((figures.requests.onTime / closed) * 1000) / 10);
    expect(figures.responsibility).toEqual({ leader: '赵建国（副局长）', office: '局办公室', staff: '张丽、刘静' });
    expect(figures.assessmentWeightPercent).toBe(5);
    expect(figures.warnings.some((w) => w.includes('网站设置'))).toBe(false);
  });
});
