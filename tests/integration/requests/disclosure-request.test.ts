// clock-sensitive: also runs at each fixed today (tests/run-at-fixed-days.mjs).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { addWorkingDays, isWorkingDay, toCalendarDay } from '../../../src/platform/calendar/working-days.js';
import { sessionSecret } from '../../../src/platform/config/env.js';
import { applicantTypes, type ApplicantType } from '../../../src/requests/core/request-vocabulary.js';
import { issueFormToken } from '../../../src/platform/public-forms/guard.js';
import { buildAnnualReport, type RequestRowKey } from '../../../src/reports/core/annual-report.js';
import { alertRequestDeadlines } from '../../../src/requests/alerts.js';
import { loadRequestRecords } from '../../../src/requests/annual-records.js';
import { demoClock } from '../../../src/platform/demo/clock.js';
import { demoRequests } from '../../../src/requests/seed.js';
import { requestTasks } from '../../../src/requests/tasks.js';
import { testNow } from '../../helpers/clock.js';
import { seededApi } from '../../helpers/seeded-api.js';

const { state, as } = seededApi(['bangongshi', 'lingdao', 'jiuzhu', 'yanglao', 'xinxi']);

// The test clock's day (trust #17): the seed dates the demo from it, and the expectations follow.
const today = toCalendarDay(testNow());
const seededClock = demoClock(testNow());
/** `n` working days before today. */
function workingDaysAgo(n: number): string {
  let day = today;
  for (let left = n; left > 0;) {
    day = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

// A robot on this machine standing in for 企业微信; it can be told to fail.
const robotMessages: string[] = [];
let robotFails = false;
let robot: http.Server;
beforeAll(async () => {
  robot = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (robotFails) return res.writeHead(500).end('down');
      robotMessages.push(JSON.parse(body).markdown.content);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
    });
  });
  await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test`;
  await state.t.context
    .sudo()
    .prisma.siteSettings.updateMany({ data: { alertWebhooks: `企业微信 ${url}`, outboundAllowList: '127.0.0.1' } });
});
afterAll(() => new Promise((resolve) => robot.close(resolve)));

const form = {
  applicantType: 'naturalPerson',
  personName: '测试申请人甲',
  idDocumentType: 'residentId',
  idNumber: '53090219850312004X',
  phone: '13800009999',
  email: 'applicant@example.cn',
  postalAddress: '临翔区某某路 99 号',
  description: '2026年城乡低保资金分配表',
  purpose: '',
  deliveryMethod: 'email',
};
// A token issued five seconds ago: a person took that long to fill in the form.
const token = () => issueFormToken('disclosure-request', sessionSecret(), Date.now() - 5_000);
const post = (body: Record<string, string>) => request(state.app).post('/disclosure/apply').type('form').send(body);
const lookUp = (code: string) => request(state.app).post('/disclosure/apply/query').type('form').send({ code });

const fields = 'id topic receivedOn deadline department { id } outcome closedOn extensionApprovedOn extensionNoticeSentOn queryCode';
const read = async (user: string, id: string) =>
  (await as(user, `query($id: ID!) { disclosureRequest(where: { id: $id }) { ${fields} } }`, { id })).data!.disclosureRequest;
const update = (user: string, id: string, data: Record<string, unknown>) =>
  as(
    user,
    `mutation($id: ID!, $data: DisclosureRequestUpdateInput!) { updateDisclosureRequest(where: { id: $id }, data: $data) { ${fields} } }`,
    { id, data },
  );
const approve = (user: string, id: string, reason = '需调取多个科室档案核对') =>
  as(user, `mutation($id: ID!, $r: String) { approveExtensionDisclosureRequest(where: { id: $id }, reason: $r) { ${fields} } }`, {
    id,
    r: reason,
  });
const notify = (user: string, id: string, noticeSentOn: string | null, noticeMethod = 'email') =>
  as(
    user,
    `mutation($id: ID!, $d: CalendarDay, $m: String) { recordExtensionNoticeDisclosureRequest(where: { id: $id }, noticeSentOn: $d, noticeMethod: $m) { ${fields} } }`,
    { id, d: noticeSentOn, m: noticeMethod },
  );
const answer = (user: string, id: string, outcome: string, closedOn: string | null = null) =>
  as(
    user,
    `mutation($id: ID!, $o: String, $d: CalendarDay) { answerDisclosureRequest(where: { id: $id }, outcome: $o, closedOn: $d, replyText: "经查，现将所申请信息提供给您。") { ${fields} } }`,
    { id, o: outcome, d: closedOn },
  );
const tasksOf = async (user: string) =>
  (
    (await as(user, '{ myTasks { kind kindLabel id detail due href } }')).data!.myTasks as {
      kindLabel: string;
      id: string;
      detail: string;
      due: string;
      href: string;
    }[]
  ).filter((t) => t.kindLabel === '依申请公开');

let applicationId = '';
let queryCode = '';

// First, before the tests below add requests of their own.
describe('N14: the demo requests make the annual report add up', () => {
  // Expected cells from the seed list itself (not hard-coded totals).
  function expected(year: number) {
    const cells = new Map<string, number>();
    const add = (row: RequestRowKey, applicant: ApplicantType) =>
      cells.set(`${row}/${applicant}`, (cells.get(`${row}/${applicant}`) ?? 0) + 1);
    const start = `${year}-01-01`;
    const end = `${year}-12-31`;
    for (const r of demoRequests(seededClock)) {
      if (!r.receivedOn || r.receivedOn > end) continue;
      if (r.receivedOn >= start) add('newRequests', r.applicantType);
      else if (!r.closedOn || r.closedOn >= start) add('carriedOver', r.applicantType);
      else continue;
      if (r.closedOn && r.closedOn <= end) {
        add(r.outcome!, r.applicantType);
        add('totalHandled', r.applicantType);
      } else add('carriedToNextYear', r.applicantType);
    }
    return cells;
  }
  const report = async (year: number, carriedOverFromLastYear?: Partial<Record<ApplicantType, number>>) =>
    buildAnnualReport({
      year,
      organ: '临沧市民政局',
      overview: '',
      problems: '',
      otherMatters: '',
      documents: [],
      requests: await loadRequestRecords(state.t.context, year),
      ...(carriedOverFromLastYear ? { carriedOverFromLastYear } : {}),
      review: { upheld: 0, corrected: 0, other: 0, pending: 0 },
      litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 0 },
      litigationAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 0 },
    });

  test('N14: the request tables of the two years of the demo from the demo requests: consistent, with the cells the seed implies', async () => {
    // The demo's closed requests span the two years before the story day's, moved with the day of seeding.
    const first = 2025 + seededClock.shiftYears;
    const y1 = await report(first);
    expect(y1.failures).toEqual([]);
    const cells1 = expected(first);
    for (const row of y1.requests.rows)
      for (const a of applicantTypes) expect([row.key, a, row.counts[a]]).toEqual([row.key, a, cells1.get(`${row.key}/${a}`) ?? 0]);
    const rowOf = (r: typeof y1, key: RequestRowKey) => r.requests.rows.find((row) => row.key === key)!;
    expect(rowOf(y1, 'newRequests').total).toBeGreaterThan(10);

    // The next year carries over exactly the first year's row 四 (what its published report will say).
    const carried = rowOf(y1, 'carriedToNextYear').counts;
    const y2 = await report(first + 1, carried);
    expect(y2.failures).toEqual([]);
    const cells2 = expected(first + 1);
    for (const row of y2.requests.rows)
      for (const a of applicantTypes) expect([row.key, a, row.counts[a]]).toEqual([row.key, a, cells2.get(`${row.key}/${a}`) ?? 0]);
    expect(rowOf(y2, 'carriedOver').total).toBe(rowOf(y1, 'carriedToNextYear').total);
    // Every outcome the annual report's table has a row for is in the demo.
    for (const key of [
      'withheldThirdPartyRights',
      'withheldProcessInformation',
      'unavailableNotHeld',
      'unavailableNeedsCreation',
      'unavailableUnclear',
      'notProcessedRepeated',
    ] as const) {
      expect({ [key]: rowOf(y1, key).total + rowOf(y2, key).total > 0 }).toEqual({ [key]: true });
    }
  });
});

describe('N13: an online application through to its answer', () => {
  test('N13: a bad application is refused per field with what was typed kept; a good one gives a query code', async () => {
    const bad = await post({ ...form, form_token: token(), idNumber: '530902198503120041', phone: '12' });
    expect(bad.status).toBe(400);
    expect(bad.headers['cache-control']).toBe('no-store');
    expect(bad.text).toContain('居民身份证号码不正确');
    expect(bad.text).toContain('联系电话应为手机号码或固定电话');
    expect(bad.text).toContain('value="测试申请人甲"');
    expect(bad.text).toContain('2026年城乡低保资金分配表</textarea>');
    // A bot posting at once is refused, and nothing is stored.
    const tooFast = await post({ ...form, form_token: issueFormToken('disclosure-request', sessionSecret()) });
    expect(tooFast.status).toBe(400);
    expect(tooFast.text).toContain('提交过快');
    expect(await state.t.context.prisma.disclosureRequest.count({ where: { applicantName: '测试申请人甲' } })).toBe(0);

    const good = await post({ ...form, form_token: token() });
    // The thank-you page answers the post: the code is in no URL.
    expect(good.status).toBe(200);
    expect(good.headers.location).toBeUndefined();
    queryCode = /<strong class="query-code">([A-Z0-9-]+)<\/strong>/.exec(good.text)![1];
    const row = await state.t.context.prisma.disclosureRequest.findUniqueOrThrow({ where: { queryCode } });
    expect(row).toMatchObject({ applicantName: '测试申请人甲', channel: 'online', receivedOn: null, idNumber: '53090219850312004X' });
    applicationId = row.id;

    const query = await lookUp(queryCode.toLowerCase());
    expect(query.text).toContain('已提交，待确认收到');
    expect((await lookUp('AAAA-BBBB-CCCC')).status).toBe(404);
    // A code in the URL is not looked up: the page is the empty form.
    expect((await request(state.app).get(`/disclosure/apply/query?code=${queryCode}`)).text).not.toContain('待确认收到');
    // The office sees it in 待办 until receipt is confirmed.
    expect((await tasksOf('bangongshi')).find((t) => t.id === applicationId)?.detail).toContain('待确认收到');
  });

  test('N13: the office confirms receipt (条例第三十一条) and assigns the department; the clock starts', async () => {
    const assistance = await state.t.context.prisma.department.findFirstOrThrow({ where: { code: 'assistance' } });
    // Another channel's day does not fix receipt of an online application.
    const wrong = await update('bangongshi', applicationId, { signedForOn: today });
    expect(wrong.data!.updateDisclosureRequest.receivedOn).toBeNull();
    const saved = (
      await update('bangongshi', applicationId, {
        confirmedOn: today,
        department: { connect: { id: assistance.id } },
        topic: '城乡低保资金分配表',
      })
    ).data!.updateDisclosureRequest;
    expect(saved.receivedOn).toBe(today);
    expect(saved.deadline).toBe(`${addWorkingDays(today, 20)}（剩 20 个工作日）`);
    // The department sees it; another department and the info section do not.
    expect((await read('jiuzhu', applicationId)).topic).toBe('城乡低保资金分配表');
    expect(
      (await as('yanglao', `query($id: ID!) { disclosureRequest(where: { id: $id }) { id } }`, { id: applicationId })).data!
        .disclosureRequest,
    ).toBeNull();
    expect((await as('xinxi', '{ disclosureRequestsCount }')).data?.disclosureRequestsCount ?? 0).toBe(0);
  });

  test('N13: an extension is approved by a leader only, its notice not before approval; then counted once, never twice', async () => {
    expect((await approve('jiuzhu', applicationId)).errors?.[0].message).toBe('延长答复期限须经分管局领导批准');
    expect((await approve('lingdao', applicationId, '')).errors?.[0].message).toBe('请填写延期理由');
    expect((await notify('jiuzhu', applicationId, today)).errors?.[0].message).toBe('延长答复期限尚未经批准，不能告知延期');
    const approved = (await approve('lingdao', applicationId)).data!.approveExtensionDisclosureRequest;
    expect(approved.extensionApprovedOn).toBe(today);
    expect(approved.deadline).toBe(`${addWorkingDays(today, 20)}（剩 20 个工作日）`); // not yet told: not yet extended
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect((await notify('jiuzhu', applicationId, yesterday)).errors?.[0].message).toBe(
      `延期告知日期（${yesterday}）早于批准日期（${today}）`,
    );
    const notified = (await notify('jiuzhu', applicationId, today)).data!.recordExtensionNoticeDisclosureRequest;
    expect(notified.deadline).toBe(`${addWorkingDays(today, 40)}（剩 40 个工作日，已延期）`);
    expect((await approve('lingdao', applicationId)).errors?.[0].message).toContain('答复期限只能延长一次');
    expect((await notify('jiuzhu', applicationId, today)).errors?.[0].message).toContain('答复期限只能延长一次');
    // A plain edit cannot slip another approval day in either: only the actions write these fields.
    expect((await update('bangongshi', applicationId, { extensionApprovedOn: yesterday })).errors?.[0].message).toMatch(
      /Access denied.*extensionApprovedOn/s,
    );
    expect((await read('bangongshi', applicationId)).extensionApprovedOn).toBe(today);
  });

  test('N13: an extension after the deadline is refused', async () => {
    const receivedOn = workingDaysAgo(25);
    const late = await state.t.context.sudo().db.DisclosureRequest.createOne({
      data: {
        topic: '逾期未答复的申请',
        applicantType: 'business',
        applicantName: '测试商贸有限公司',
        description: '某某信息',
        channel: 'letter',
        signedForOn: receivedOn,
        department: { connect: { id: (await state.t.context.prisma.department.findFirstOrThrow({ where: { code: 'assistance' } })).id } },
      },
    });
    const deadline = addWorkingDays(receivedOn, 20);
    const refused = await approve('lingdao', String(late.id));
    expect(refused.errors?.[0].message).toContain(`延长答复期限须在期限届满前批准：批准日期 ${today} 晚于答复期限 ${deadline}`);
    expect((await read('jiuzhu', String(late.id))).deadline).toBe(`已超期（期限 ${deadline}）`);
  });

  test('N13: the answer sets outcome and day together; the request is closed and shows so', async () => {
    expect((await answer('yanglao', applicationId, 'disclosed')).errors?.[0].message).toMatch(
      /您不能处理该申请|它可能不存在，或您没有权限/,
    );
    expect((await answer('jiuzhu', applicationId, 'withheld')).errors?.[0].message).toBe('请选择办理结果');
    const tomorrow = addWorkingDays(today, 1);
    expect((await answer('jiuzhu', applicationId, 'disclosed', tomorrow)).errors?.[0].message).toBe(`答复日期（${tomorrow}）不能晚于今天`);
    // Outcome or answer day by a plain edit is refused: both are set by 答复.
    expect((await update('bangongshi', applicationId, { outcome: 'disclosed' })).errors?.[0].message).toMatch(/Access denied.*outcome/s);
    const closed = (await answer('jiuzhu', applicationId, 'disclosed')).data!.answerDisclosureRequest;
    expect(closed).toMatchObject({ outcome: 'disclosed', closedOn: today });
    expect(closed.deadline).toBe(`按期答复（${today} 答复，期限 ${addWorkingDays(today, 40)}，已延期）`);
    expect((await answer('jiuzhu', applicationId, 'disclosed')).errors?.[0].message).toBe(`该申请已于 ${today} 答复`);
    const query = await lookUp(queryCode);
    expect(query.text).toContain('已答复');
    expect((await tasksOf('jiuzhu')).map((t) => t.id)).not.toContain(applicationId);
  });

  test('N13: the deadline moves across National Day 2026 on the official calendar, shown to staff and the applicant', async () => {
    const item = await state.t.context.sudo().db.DisclosureRequest.createOne({
      data: {
        topic: '国庆前收到的申请',
        applicantType: 'naturalPerson',
        applicantName: '测试申请人乙',
        description: '某某信息',
        channel: 'inPerson',
        handedInOn: '2026-09-30',
      },
    });
    const row = await state.t.context.prisma.disclosureRequest.findUniqueOrThrow({ where: { id: String(item.id) } });
    // 1–7 October off, Saturday 10 October worked: the 20th working day is 3 November, not 28 October.
    expect((await read('bangongshi', String(item.id))).deadline).toMatch(/2026-11-03/);
    const query = await lookUp(row.queryCode);
    expect(query.text).toContain('2026-11-03 前');
    expect(query.text).not.toContain('测试申请人乙');
  });
});

describe('N13: 待办 and deadline alerts', () => {
  test('N13: overdue and due-soon requests are listed for their department and the office; leaders see extensions to approve', async () => {
    const late = await state.t.context.prisma.disclosureRequest.findFirstOrThrow({ where: { topic: '逾期未答复的申请' } });
    const jiuzhu = await tasksOf('jiuzhu');
    expect(jiuzhu.find((t) => t.id === late.id)).toMatchObject({
      href: `/admin/disclosure-requests/${late.id}`,
      detail: expect.stringContaining('已超过答复期限'),
    });
    const actor = { id: 'x', role: 'editor' as const, departmentId: late.departmentId };
    expect((await requestTasks(state.t.context.sudo(), actor, new Date())).find((t) => t.id === late.id)?.urgency).toBe(0);
    expect((await tasksOf('bangongshi')).map((t) => t.id)).toContain(late.id);
    expect((await tasksOf('yanglao')).map((t) => t.id)).not.toContain(late.id);
    // trust #17: the demo's request due within 5 working days (养老服务科) has 3 left on any day, a
    // Saturday too; its department and the leader see it.
    const soon = await state.t.context.prisma.disclosureRequest.findFirstOrThrow({ where: { topic: '高龄津贴发放名单' } });
    expect((await tasksOf('yanglao')).find((t) => t.id === soon.id)).toMatchObject({ detail: expect.stringContaining('剩 3 个工作日') });
    expect((await tasksOf('lingdao')).find((t) => t.id === soon.id)?.detail).toContain('批准延期');
    expect(await tasksOf('xinxi')).toEqual([]);
  });

  test('N13: each request is alerted once when due soon or overdue; a failed delivery and a crashed run are retried, not lost', async () => {
    robotMessages.length = 0;
    robotFails = true;
    const failed = await alertRequestDeadlines(state.t.context);
    expect(failed.sent).toBe(0);
    expect(failed.failed).toBeGreaterThanOrEqual(2);
    robotFails = false;
    const first = await alertRequestDeadlines(state.t.context);
    expect(first).toEqual({ sent: failed.failed, failed: 0 });
    const overdue = robotMessages.filter((m) => m.includes('逾期未答复的申请'));
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toContain('依申请公开已超期');
    expect(robotMessages.some((m) => m.includes('高龄津贴发放名单') && m.includes('依申请公开即将到期'))).toBe(true);
    // No personal data of an applicant goes to a chat group.
    expect(robotMessages.join('\n')).not.toMatch(/测试商贸有限公司|测试申请人|13800/);
    expect(await alertRequestDeadlines(state.t.context)).toEqual({ sent: 0, failed: 0 });

    // A run that died after claiming (claim left behind, an hour old): the next run sends it, once.
    const late = await state.t.context.prisma.disclosureRequest.findFirstOrThrow({ where: { topic: '逾期未答复的申请' } });
    await state.t.context.prisma.disclosureRequest.update({
      where: { id: late.id },
      data: { alertedKey: '', alertClaim: 'x', alertClaimedAt: new Date(Date.now() - 3600_000) },
    });
    robotMessages.length = 0;
    expect(await alertRequestDeadlines(state.t.context)).toEqual({ sent: 1, failed: 0 });
    expect(await alertRequestDeadlines(state.t.context)).toEqual({ sent: 0, failed: 0 });
    expect(robotMessages).toHaveLength(1);
    // A claim still fresh belongs to a run in progress elsewhere: not sent twice.
    await state.t.context.prisma.disclosureRequest.update({
      where: { id: late.id },
      data: { alertedKey: '', alertClaim: 'x', alertClaimedAt: new Date() },
    });
    expect(await alertRequestDeadlines(state.t.context)).toEqual({ sent: 0, failed: 0 });
  });
});

describe('N15: nothing of an applicant is public', () => {
  test('N15: anonymous GraphQL gets no request; public pages show no name, phone or ID', async () => {
    const anonymous = await as(null, '{ disclosureRequests { id applicantName phone idNumber } disclosureRequestsCount }');
    expect(anonymous.data?.disclosureRequests ?? []).toEqual([]);
    expect(anonymous.data?.disclosureRequestsCount ?? 0).toBe(0);
    const pages = ['/', '/disclosure/catalogue', '/disclosure/apply'];
    for (const path of pages) {
      const page = await request(state.app).get(encodeURI(path));
      expect(page.text).not.toMatch(/测试申请人|53090219850312004X|13800009999|applicant@example\.cn|某某路/);
    }
    expect((await lookUp(queryCode)).text).not.toMatch(/测试申请人|53090219850312004X|13800009999|applicant@example\.cn|某某路/);
  });
});
