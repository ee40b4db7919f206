import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { sessionSecret } from '../../../src/platform/config/env.js';
import { issueFormToken } from '../../../src/platform/public-forms/guard.js';
import { sendMessageAlerts } from '../../../src/mailbox/alerts.js';
import { ownSiteKnowledge } from '../../../src/monitor/knowledge.js';
import { seededApi } from '../../helpers/seeded-api.js';

// S11, N5, N15: a letter from the public form to its published reply, and the contact never public.
const { state, as } = seededApi(['jiuzhu', 'yanglao', 'bangongshi', 'lingdao']);
const get = (path: string) => request(state.app).get(path);
const lookUp = (code: string) => request(state.app).post('/mailbox/query').type('form').send({ code });
const token = () => issueFormToken('mailbox', sessionSecret(), Date.now() - 60_000);

const contact = '13987654321';
const letter = {
  senderName: '段春梅',
  contact,
  kind: 'consultation',
  subject: '孤儿基本生活费发放标准咨询',
  // A citizen's own ID number in the text: masked when published (N15).
  content: '我是孩子的监护人，身份证号530902198805061234，请问2026年孤儿基本生活费标准是多少？每月几号发放？',
};

let id = '';
let queryCode = '';
const act = (user: string, mutation: string, extra = '') =>
  as(user, `mutation($id: ID!) { ${mutation}(where: { id: $id }${extra}) { id status returnReason replyPublishedAt } }`, { id });

describe('the mailbox from letter to published reply (S11, N5)', () => {
  test('the form says plainly that the contact is never published', async () => {
    const form = await get('/mailbox/new');
    expect(form.status).toBe(200);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.text).toContain('任何情况下都不会在网站上公开');
    expect(form.text).toMatch(/name="form_token" value="\d+\.[\w-]{12}\.[\w-]{43}"/);
  });

  test('a letter is stored with its channel and a query code shown once to the citizen', async () => {
    const posted = await request(state.app)
      .post('/mailbox/new')
      .type('form')
      .send({ ...letter, form_token: token(), homepage: '' });
    // The thank-you page answers the post: the code is in no URL (no redirect carrying it).
    expect(posted.status).toBe(200);
    expect(posted.headers.location).toBeUndefined();
    queryCode = /id="query-code">([A-Z0-9-]+)</.exec(posted.text)![1];
    expect(queryCode).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const stored = await state.t.context.prisma.message.findUniqueOrThrow({ where: { queryCode } });
    expect(stored).toMatchObject({
      channel: 'leaderMailbox',
      kind: 'consultation',
      status: 'received',
      contact,
      senderName: '段春梅',
      departmentId: null,
    });
    id = stored.id;
    const query = await lookUp(queryCode.toLowerCase().replace(/-/g, ' '));
    expect(query.status).toBe(200);
    expect(query.text).toContain('待分办');
    expect(query.text).not.toContain(contact);
    expect((await lookUp('ABCD-EFGH-JKMN')).status).toBe(404);
    expect((await lookUp('ABCD-EFGH')).text).toContain('查询码格式不正确');
    // A code in the URL is not looked up: the page is the empty form.
    const byUrl = await get(`/mailbox/query?code=${queryCode}`);
    expect(byUrl.status).toBe(200);
    expect(byUrl.text).not.toContain('待分办');
  });

  test('the office assigns it; only the assigned department sees and answers it', async () => {
    const department = await state.t.context.prisma.department.findFirstOrThrow({ where: { code: 'assistance' } });
    expect((await act('jiuzhu', 'assignMessage')).errors?.[0].message).toBeDefined();
    expect((await act('bangongshi', 'assignMessage')).errors?.[0].message).toContain('请先选择承办科室');
    const saved = await as(
      'bangongshi',
      `mutation($id: ID!, $d: ID!) { updateMessage(where: { id: $id }, data: { department: { connect: { id: $d } } }) { id } }`,
      { id, d: department.id },
    );
    expect(saved.errors).toBeUndefined();
    expect((await act('bangongshi', 'assignMessage')).data!.assignMessage.status).toBe('assigned');
    const seen = (user: string) => as(user, `query($id: ID!) { message(where: { id: $id }) { id contact } }`, { id });
    expect((await seen('jiuzhu')).data!.message).toEqual({ id, contact });
    expect((await seen('yanglao')).data!.message).toBeNull();
    // Another department cannot write the reply.
    const other = await as('yanglao', `mutation($id: ID!) { updateMessage(where: { id: $id }, data: { replyText: "x" }) { id } }`, { id });
    expect(other.errors).toBeDefined();
    const draft = await as(
      'jiuzhu',
      `mutation($id: ID!, $r: String!) { updateMessage(where: { id: $id }, data: { replyText: $r }) { id } }`,
      {
        id,
        r: '您好！2026年我市孤儿基本生活费标准为集中供养每人每月1800元、分散供养每人每月1400元，每月10日前发放。如有疑问请致电0883-2123456。',
      },
    );
    expect(draft.errors).toBeUndefined();
    // The editor cannot publish or change what is kept by the system.
    expect(
      (await as('jiuzhu', `mutation($id: ID!) { updateMessage(where: { id: $id }, data: { status: "replied" }) { id } }`, { id })).errors,
    ).toBeDefined();
    expect((await act('jiuzhu', 'submitReplyMessage')).data!.submitReplyMessage.status).toBe('replyReview');
  });

  test('a return carries its reason back to the department; the approval publishes with both times', async () => {
    expect((await act('jiuzhu', 'approveReplyMessage')).errors).toBeDefined();
    expect((await act('bangongshi', 'returnReplyMessage')).errors?.[0].message).toContain('退回原因');
    const returned = await act('bangongshi', 'returnReplyMessage', ', reason: "请注明政策依据"');
    expect(returned.data!.returnReplyMessage).toMatchObject({ status: 'assigned', returnReason: '请注明政策依据' });
    const tasks = await as('jiuzhu', `query { myTasks { kindLabel id detail href } }`);
    expect(tasks.data!.myTasks).toContainEqual({
      kindLabel: '留言办理',
      id,
      detail: '答复被退回：请注明政策依据',
      href: `/admin/messages/${id}`,
    });
    await as('jiuzhu', `mutation($id: ID!, $r: String!) { updateMessage(where: { id: $id }, data: { replyText: $r }) { id } }`, {
      id,
      r: '您好！根据《云南省民政厅 云南省财政厅关于调整孤儿基本生活保障标准的通知》，2026年我市孤儿基本生活费标准为集中供养每人每月1800元、分散供养每人每月1400元，每月10日前发放。',
    });
    await act('jiuzhu', 'submitReplyMessage');

    // The list and the column are cached before the reply goes public: the approval must clear them.
    expect((await get('/mailbox')).text).not.toContain(letter.subject);
    expect((await get('/columns/ldxx-mail')).text).not.toContain(letter.subject);
    expect((await get('/sitemap.xml')).text).not.toContain(`/mailbox/${id}`);
    const approved = await act('lingdao', 'approveReplyMessage');
    expect(approved.data!.approveReplyMessage).toMatchObject({ status: 'replied', returnReason: '' });
    expect(approved.data!.approveReplyMessage.replyPublishedAt).toBeTruthy();

    expect((await get('/sitemap.xml')).text).toContain(`/mailbox/${id}</loc>`);
    const list = await get('/mailbox');
    expect(list.text).toContain(letter.subject);
    const column = (await get('/columns/ldxx-mail')).text;
    expect(column).toContain(`/mailbox/${id}`);
    expect(column).toContain('<a href="/mailbox/new">我要写信</a>');
    const page = await get(`/mailbox/${id}`);
    expect(page.status).toBe(200);
    const stored = await state.t.context.prisma.message.findUniqueOrThrow({ where: { id } });
    const china = (d: Date | null) => d && new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    // N5: the submission time and the reply time, and who replied.
    expect(page.text).toContain(`留言时间</th><td>${china(stored.submittedAt)}`);
    expect(page.text).toContain(`答复时间</th><td>${china(stored.repliedAt)}`);
    expect(page.text).toContain('答复单位</th><td>社会救助科');
    // N15: the name as 段**, the ID number masked; the contact nowhere.
    expect(page.text).toContain('段**');
    expect(page.text).not.toContain('段春梅');
    expect(page.text).toContain('身份证号53*************234');
    expect(page.text).not.toContain('530902198805061234');
    expect(page.text).not.toContain(contact);
    const query = await lookUp(queryCode);
    expect(query.text).toContain('集中供养每人每月1800元');
    expect(query.text).not.toContain(contact);
  });

  test('no contact anywhere public: pages, search, feeds, sitemap, GraphQL as anonymous', async () => {
    for (const path of [
      '/',
      '/mailbox',
      `/mailbox/${id}`,
      '/columns/ldxx-mail',
      '/columns/hdjl',
      '/search?q=孤儿',
      '/feed.xml',
      '/atom.xml',
      '/columns/ldxx-mail/feed.xml',
      '/sitemap.xml',
    ]) {
      const res = await get(encodeURI(path));
      expect([path, res.text.includes(contact)]).toEqual([path, false]);
      expect([path, res.text.includes('段春梅')]).toEqual([path, false]);
    }
    // Searching for the number finds nothing (the page only repeats what was typed).
    expect((await get(`/search?q=${contact}`)).text).toContain('共找到 0 条结果');
    const anonymous = await as(null, `query { messages { id subject contact senderName } messagesCount }`);
    expect(JSON.stringify(anonymous)).not.toContain(contact);
    expect(anonymous.data?.messages ?? []).toEqual([]);
    const one = await as(null, `query($id: ID!) { message(where: { id: $id }) { contact queryCode } }`, { id });
    expect(JSON.stringify(one)).not.toContain(contact);
  });

  test('N5: the monitor counts the published replies as the column updates, with both times shown', async () => {
    const knowledge = await ownSiteKnowledge(state.t.context);
    const column = knowledge.columns!.find((c) => c.url === '/columns/ldxx-mail')!;
    const published = await state.t.context.prisma.message.count({ where: { replyPublishedAt: { not: null } } });
    expect(column.itemCount).toBe(published);
    expect(column.itemCount).toBeGreaterThan(1);
    expect(knowledge.messages!.find((m) => m.id === id)).toMatchObject({
      url: `/mailbox/${id}`,
      showsSubmittedTime: true,
      showsReplyTime: true,
    });
    // The withheld demo reply (a personal matter) is not owed a publication.
    const withheld = await state.t.context.prisma.message.findFirstOrThrow({ where: { status: 'replied', isPublic: false } });
    expect(knowledge.messages!.some((m) => m.id === withheld.id)).toBe(false);
  });

  test('withdrawing a published reply takes it off every page at once, with its reason', async () => {
    expect((await get(`/mailbox/${id}`)).status).toBe(200);
    expect((await act('bangongshi', 'withdrawReplyMessage')).errors?.[0].message).toContain('理由');
    const withdrawn = await act('bangongshi', 'withdrawReplyMessage', ', reason: "含有来信人身份信息"');
    expect(withdrawn.data!.withdrawReplyMessage.replyPublishedAt).toBeNull();
    expect((await get(`/mailbox/${id}`)).status).toBe(404);
    expect((await get('/mailbox')).text).not.toContain(letter.subject);
    expect((await get('/columns/ldxx-mail')).text).not.toContain(`/mailbox/${id}`);
    expect((await get('/sitemap.xml')).text).not.toContain(`/mailbox/${id}`);
    const stored = await state.t.context.prisma.message.findUnique({ where: { id } });
    expect(stored).toMatchObject({ isPublic: false, withholdReason: '含有来信人身份信息' });
  });
});

describe('N5: deadline alerts, once per message and stage', () => {
  const received: string[] = [];
  let robot: http.Server;
  let fail = false;
  beforeAll(async () => {
    robot = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (fail) return res.writeHead(500).end();
        received.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
      });
    });
    await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=k`;
    await state.t.context
      .sudo()
      .prisma.siteSettings.updateMany({ data: { alertWebhooks: `企业微信 ${url}`, outboundAllowList: '127.0.0.1' } });
  });
  afterAll(() => new Promise((resolve) => robot.close(resolve)));

  test('due soon, then late, each alerted once; a crash between claim and record loses nothing', async () => {
    const now = new Date('2027-03-01T09:00:00+08:00');
    // Only this message is open in the window: the demo's open ones are dated from today.
    await state.t.context.sudo().prisma.message.updateMany({ where: { status: { not: 'replied' } }, data: { alertedStage: 'unanswered' } });
    const m = await state.t.context.sudo().db.Message.createOne({
      data: {
        subject: '殡葬补贴申领咨询',
        content: '请问殡葬补贴怎么申领？',
        kind: 'consultation',
        channel: 'hotline96128',
        submittedAt: new Date('2027-01-10T10:00:00+08:00'),
      },
    });
    const mine = () => received.filter((body) => body.includes('殡葬补贴申领咨询'));
    expect(await sendMessageAlerts(state.t.context, now)).toEqual({ sent: 1 });
    expect(mine()).toHaveLength(1);
    expect(mine()[0]).toContain('即将满2个月未公开答复');
    expect(await sendMessageAlerts(state.t.context, now)).toEqual({ sent: 0 });
    expect(mine()).toHaveLength(1);

    // Every robot refuses: nothing is recorded as sent, the next run tries again.
    fail = true;
    const late = new Date('2027-03-12T09:00:00+08:00');
    expect(await sendMessageAlerts(state.t.context, late)).toEqual({ sent: 0 });
    fail = false;
    // A run dies after claiming the alert and before recording it.
    const crashing = async () => {
      throw new Error('process killed');
    };
    await expect(sendMessageAlerts(state.t.context, late, crashing)).rejects.toThrow('process killed');
    expect(await state.t.context.prisma.message.findUnique({ where: { id: m.id } })).toMatchObject({
      alertedStage: 'dueSoon',
      alertPendingStage: 'late',
    });
    expect(await sendMessageAlerts(state.t.context, late)).toEqual({ sent: 1 });
    expect(mine()).toHaveLength(2);
    expect(mine()[1]).toContain('超过2个月未公开答复');
    expect(await sendMessageAlerts(state.t.context, late)).toEqual({ sent: 0 });
    // Past three months: the veto, once.
    const veto = new Date('2027-04-11T09:00:00+08:00');
    expect(await sendMessageAlerts(state.t.context, veto)).toEqual({ sent: 1 });
    expect(mine()[2]).toContain('单项否决');
    expect(await sendMessageAlerts(state.t.context, veto)).toEqual({ sent: 0 });
    expect(mine()).toHaveLength(3);
  });

  test('a claim left by a crash is taken over even when the clock has moved on to the next stage', async () => {
    const m = await state.t.context.sudo().db.Message.createOne({
      data: {
        subject: '婚姻登记档案查询',
        content: '请问如何查询婚姻登记档案？',
        kind: 'consultation',
        channel: 'webMessage',
        submittedAt: new Date('2027-05-01T10:00:00+08:00'),
      },
    });
    const mine = () => received.filter((body) => body.includes('婚姻登记档案查询'));
    const crashing = async () => {
      throw new Error('process killed');
    };
    await expect(sendMessageAlerts(state.t.context, new Date('2027-06-20T09:00:00+08:00'), crashing)).rejects.toThrow('process killed');
    expect(await state.t.context.prisma.message.findUnique({ where: { id: m.id } })).toMatchObject({
      alertedStage: null,
      alertPendingStage: 'dueSoon',
    });
    // The next run is only after the deadline: the late alert goes out, once.
    const late = new Date('2027-07-05T09:00:00+08:00');
    expect(await sendMessageAlerts(state.t.context, late)).toEqual({ sent: 1 });
    expect(await sendMessageAlerts(state.t.context, late)).toEqual({ sent: 0 });
    expect(mine()).toHaveLength(1);
    expect(mine()[0]).toContain('超过2个月未公开答复');
  });
});
