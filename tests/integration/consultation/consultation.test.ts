// clock-sensitive: also runs at each fixed today (tests/run-at-fixed-days.mjs).
import { describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { sessionSecret } from '../../../src/platform/config/env.js';
import { toCalendarDay } from '../../../src/platform/calendar/working-days.js';
import { calendarDayValue } from '../../../src/platform/db/calendar-day.js';
import { consultationDayStarts } from '../../../src/consultation/actions.js';
import { extraTasks } from '../../../src/app/tasks.js';
import { issueFormToken } from '../../../src/platform/public-forms/guard.js';
import { ownSiteKnowledge } from '../../../src/monitor/knowledge.js';
import { seededApi } from '../../helpers/seeded-api.js';

const { state, as } = seededApi(['jiuzhu', 'bangongshi', 'lingdao', 'xinxi']);
const get = (path: string) => request(state.app).get(path);
const prisma = () => state.t.context.sudo().prisma;

const dayMs = 24 * 3600 * 1000;
const today = () => toCalendarDay(new Date());
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

// A person filled the form for more than the guard's minimum (3 s) before posting.
const token = () => issueFormToken('consultation-comment', sessionSecret(), Date.now() - 5000);
const post = (id: string, fields: Record<string, string>) =>
  request(state.app)
    .post(`/consultations/${id}/comment`)
    .type('form')
    .send({ form_token: token(), homepage: '', ...fields });

const secretContact = '13700001111';
const secretEmail = 'citizen.private@example.com';
const title = '关于《临沧市临时救助实施办法（征求意见稿）》公开征求意见的公告';

const create = `mutation($data: ConsultationCreateInput!) { createConsultation(data: $data) { id status } }`;
const action = (name: string, extra = '') => `mutation($id: ID!) { ${name}(where: { id: $id }${extra}) { id status } }`;

describe('S2, S11: a consultation from draft to adoption report', () => {
  let id = '';
  const data = (closesIn: number, extra: Record<string, unknown> = {}) => ({
    title,
    draftText: '<p>第一条　为规范临时救助工作，制定本办法。</p>',
    basis: '依据《社会救助暂行办法》第四十七条起草。',
    contact: '市民政局社会救助科，电子邮箱 lcmzjjzk@example.gov.cn',
    decisionBody: 'partyGroup',
    opensOn: today(),
    closesOn: shift(today(), closesIn),
    ...extra,
  });

  test('S2: a period shorter than 30 days is refused unless a reason is given', async () => {
    const short = await as('jiuzhu', create, { data: data(20) });
    expect(short.errors?.[0]?.message).toContain('少于 30 日');
    const justified = await as('jiuzhu', create, {
      data: data(20, { title: `${title}（紧急）`, shortPeriodReason: '寒潮来临，须尽快出台' }),
    });
    expect(justified.data?.createConsultation.status).toBe('draft');
    const created = await as('jiuzhu', create, { data: data(29) });
    expect(created.errors).toBeUndefined();
    id = created.data!.createConsultation.id;
  });

  test('S2: the office returns with a reason, then approves after a confidentiality review; nothing is public before', async () => {
    expect((await as('jiuzhu', action('submitConsultation'), { id })).data?.submitConsultation.status).toBe('review');
    expect((await get(`/consultations/${id}`)).status).toBe(404);
    expect(
      (await as('jiuzhu', action('approveConsultation', ', confidentialityConclusion: "同意"'), { id })).errors?.[0]?.message,
    ).toContain('当前状态下您不能');
    expect((await as('bangongshi', action('returnToDrafterConsultation'), { id })).errors?.[0]?.message).toBe('请填写退回原因');
    await as('bangongshi', action('returnToDrafterConsultation', ', reason: "请补充起草依据的条款"'), { id });
    const returned = await as('jiuzhu', `query($id: ID!) { consultation(where: { id: $id }) { status lastReturnReason } }`, { id });
    expect(returned.data?.consultation).toEqual({ status: 'draft', lastReturnReason: '请补充起草依据的条款' });
    await as('jiuzhu', action('submitConsultation'), { id });
    expect((await as('bangongshi', action('approveConsultation'), { id })).errors?.[0]?.message).toContain('保密审查');
    const approved = await as(
      'bangongshi',
      action('approveConsultation', ', confidentialityConclusion: "经保密审查，不涉及国家秘密，同意公开"'),
      { id },
    );
    expect(approved.data?.approveConsultation.status).toBe('open');
    // Once published, the draft and its period stay as published.
    const edit = await as('jiuzhu', `mutation($id: ID!) { updateConsultation(where: { id: $id }, data: { basis: "改" }) { id } }`, { id });
    expect(edit.errors?.[0]?.message).toContain('已发布');
  });

  test('S11: the public comments through the form; a bad post keeps what was typed', async () => {
    const page = await get(`/consultations/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('依据《社会救助暂行办法》第四十七条起草');
    expect(page.text).toContain(`/consultations/${id}/comment`);
    expect(page.text).toContain(
      '也可在截止日期前通过以下方式提出书面意见：</p><p>市民政局社会救助科，电子邮箱 lcmzjjzk@example.gov.cn</p>',
    );
    const form = await get(`/consultations/${id}/comment`);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.text).toContain('name="form_token"');

    const bad = await post(id, { name: '张三', contact: '不告诉你', body: '建议把临时救助的申请时限放宽到事发后三个月内。' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('联系方式应为手机号码');
    expect(bad.text).toContain('建议把临时救助的申请时限放宽到事发后三个月内。');
    const bot = await request(state.app)
      .post(`/consultations/${id}/comment`)
      .type('form')
      .send({ form_token: issueFormToken('consultation-comment', sessionSecret()), contact: secretContact, body: '机器人提交的内容' });
    expect(bot.status).toBe(400);
    expect(bot.text).toContain('提交过快');

    const good = await post(id, {
      name: '张三',
      contact: secretContact,
      body: '建议把临时救助的申请时限放宽到事发后三个月内。我的电话13912345678。',
    });
    // The thank-you page answers the post: the query code is shown once and is in no URL.
    expect(good.status).toBe(200);
    expect(good.headers.location).toBeUndefined();
    const code = /<strong class="query-code">([^<]+)<\/strong>/.exec(good.text)![1];
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(await state.t.context.prisma.consultationComment.count({ where: { queryCode: code } })).toBe(1);
    for (const body of ['临时救助应当覆盖外地务工人员，不要只限本地户籍。', '外地户籍在本市居住的困难群众也应能申请临时救助。']) {
      expect((await post(id, { contact: secretEmail, body })).status).toBe(200);
    }
    // Moderated before display: nothing is shown yet.
    expect((await get(`/consultations/${id}`)).text).not.toContain('三个月内');
  });

  test('待办: comments awaiting moderation for the department and the office', async () => {
    const office = await prisma().user.findFirstOrThrow({ where: { username: 'bangongshi' } });
    const tasks = await extraTasks(
      state.t.context.sudo(),
      { id: office.id, role: 'officeReviewer', departmentId: office.departmentId },
      new Date(),
    );
    const task = tasks.find((t) => t.id === id && t.kindLabel === '意见审核');
    expect(task?.detail).toContain('3 条意见待审核');
    expect(task?.due).toBe(shift(today(), 29));
    const other = await prisma().user.findFirstOrThrow({ where: { username: 'yanglao' } });
    expect(
      (await extraTasks(state.t.context.sudo(), { id: other.id, role: 'editor', departmentId: other.departmentId }, new Date())).some(
        (t) => t.id === id,
      ),
    ).toBe(false);
  });

  test('S11: moderation: hidden needs a reason; shown comments appear masked, never with their contact', async () => {
    const comments = await prisma().consultationComment.findMany({ where: { consultationId: id }, orderBy: { submittedAt: 'asc' } });
    expect(comments).toHaveLength(3);
    const update = `mutation($id: ID!, $data: ConsultationCommentUpdateInput!) { updateConsultationComment(where: { id: $id }, data: $data) { id moderation } }`;
    expect((await as('jiuzhu', update, { id: comments[0].id, data: { moderation: 'hidden' } })).errors?.[0]?.message).toContain(
      '须选择原因',
    );
    // The information section runs the site, not consultations: it neither reads comments (they carry contacts) nor moderates them.
    expect((await as('xinxi', '{ consultationComments { id contact } }')).data!.consultationComments).toEqual([]);
    expect((await as('xinxi', update, { id: comments[0].id, data: { moderation: 'shown' } })).errors?.length).toBeGreaterThan(0);
    for (const c of comments) expect((await as('jiuzhu', update, { id: c.id, data: { moderation: 'shown' } })).errors).toBeUndefined();
    const moderated = await prisma().consultationComment.findFirstOrThrow({ where: { id: comments[0].id } });
    expect(moderated.moderatedById).not.toBeNull();
    const page = await get(`/consultations/${id}`);
    expect(page.text).toContain('建议把临时救助的申请时限放宽到事发后三个月内');
    expect(page.text).toContain('139****5678');
    expect(page.text).toContain('张*');
    expect(page.text).not.toContain('张三');
    expect(page.text).not.toContain(secretContact);
    expect(page.text).not.toContain(secretEmail);
    // Concentrated opinion (集中意见): the two on non-local residents, not adopted, at first without a reason.
    for (const c of comments.slice(1))
      await as('jiuzhu', update, { id: c.id, data: { adoption: 'notAdopted', opinionGroup: '临时救助覆盖非本地户籍人员' } });
    await as('jiuzhu', update, { id: comments[0].id, data: { adoption: 'partial', adoptionReason: '申请时限放宽至事发后60日' } });
  });

  test('S11: after the period the form refuses, and the day job closes the consultation', async () => {
    // The period has passed: moved into the past, as if thirty days went by.
    const p = prisma();
    await p.consultation.update({
      where: { id },
      data: { opensOn: calendarDayValue(p, shift(today(), -31)), closesOn: calendarDayValue(p, shift(today(), -1)) },
    });
    const late = await post(id, { contact: secretContact, body: '截止以后才提交的意见。' });
    expect(late.status).toBe(403);
    expect(late.text).toContain('不再接收意见');
    expect(await consultationDayStarts(state.t.context)).toContain(id);
    expect((await p.consultation.findFirstOrThrow({ where: { id } })).status).toBe('closed');
    const office = await p.user.findFirstOrThrow({ where: { username: 'bangongshi' } });
    const tasks = await extraTasks(
      state.t.context.sudo(),
      { id: office.id, role: 'officeReviewer', departmentId: office.departmentId },
      new Date(),
    );
    expect(tasks.find((t) => t.id === id && t.kindLabel === '采纳情况')?.due).toBeTruthy();
  });

  test('S11: the adoption report is refused without a reason for the concentrated opinion not adopted, then published', async () => {
    const publish = action('publishReportConsultation');
    expect((await as('jiuzhu', publish, { id })).errors?.[0]?.message).toContain('当前状态下您不能');
    expect((await as('bangongshi', publish, { id })).errors?.[0]?.message).toContain('请填写意见采纳情况说明');
    await as(
      'jiuzhu',
      `mutation($id: ID!) { updateConsultation(where: { id: $id }, data: { reportText: "共收到意见3条，经研究部分采纳1条。" }) { id } }`,
      { id },
    );
    const refused = await as('bangongshi', publish, { id });
    expect(refused.errors?.[0]?.message).toBe('不能公布采纳情况：集中意见“临时救助覆盖非本地户籍人员”未采纳，必须说明理由（S11）');
    expect((await get(`/consultations/${id}`)).text).not.toContain('意见采纳情况统计');
    const grouped = await prisma().consultationComment.findFirstOrThrow({
      where: { consultationId: id, opinionGroup: '临时救助覆盖非本地户籍人员' },
    });
    await as(
      'jiuzhu',
      `mutation($id: ID!) { updateConsultationComment(where: { id: $id }, data: { adoptionReason: "临时救助已按《社会救助暂行办法》由急难发生地实施，无需另行规定" }) { id } }`,
      { id: grouped.id },
    );
    expect((await as('lingdao', publish, { id })).data?.publishReportConsultation.status).toBe('reported');
  });

  test('S11: the public page shows the report and its figures; contacts are public nowhere', async () => {
    const page = await get(`/consultations/${id}`);
    expect(page.text).toContain('共收到意见3条，经研究部分采纳1条。');
    // The period is over: no more invitation to comment, in writing or online.
    expect(page.text).not.toContain('lcmzjjzk@example.gov.cn');
    expect(page.text).not.toContain(`/consultations/${id}/comment"`);
    expect(page.text).toContain('收到意见 3 条，经审核公开显示 3 条；采纳 0 条，部分采纳 1 条，未采纳 2 条。');
    expect(page.text).toContain(
      '<p><strong>临时救助覆盖非本地户籍人员</strong>（2 条意见）：未采纳</p><p>理由：临时救助已按《社会救助暂行办法》由急难发生地实施，无需另行规定</p>',
    );
    const list = await get('/consultations');
    expect(list.text).toContain(title);
    expect(list.text).toContain(`/consultations/${id}#report`);
    const column = await get('/columns/zqyj');
    expect(column.text).toContain(`/consultations/${id}`);
    for (const path of [`/consultations/${id}`, '/consultations', '/columns/zqyj', `/consultations/${id}/comment`]) {
      const res = await get(path);
      expect(res.text).not.toContain(secretContact);
      expect(res.text).not.toContain(secretEmail);
    }
    // The search page repeats the query: what matters is that nothing is found.
    for (const q of [secretContact, secretEmail])
      expect((await get(`/search?q=${encodeURIComponent(q)}`)).text).toContain('共找到 0 条结果');
    const anonymous = await as(
      null,
      `query($id: ID!) { consultation(where: { id: $id }) { title reportText comments { contact body } } consultationComments { contact name } }`,
      { id },
    );
    expect(JSON.stringify(anonymous)).not.toContain(secretContact);
    expect(JSON.stringify(anonymous)).not.toContain(secretEmail);
    const reportOnly = await as(null, `query($id: ID!) { consultation(where: { id: $id }) { title reportText lastReturnReason } }`, { id });
    expect(reportOnly.data?.consultation.reportText).toContain('共收到意见3条');
    expect(reportOnly.data?.consultation.lastReturnReason).toBeNull();
  });

  test('N4: the 征求意见 column counts its consultations as its updates', async () => {
    const knowledge = await ownSiteKnowledge(state.t.context);
    const zqyj = knowledge.columns!.find((c) => c.url === '/columns/zqyj')!;
    // The two demo consultations and this one.
    expect(zqyj.itemCount).toBe(3);
    expect(new Date(zqyj.itemDates[0]!).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('S2: decision meetings', () => {
  const create = `mutation($data: ConsultationMeetingCreateInput!) { createConsultationMeeting(data: $data) { id attendeeCategories openness } }`;
  test('S2: a meeting plan without attendee categories or an openness statement is refused', async () => {
    const base = { topic: '审议《临沧市临时救助实施办法》', meetingOn: shift(today(), 40), decisionBody: 'partyGroup' };
    expect(
      (await as('jiuzhu', create, { data: { ...base, openness: 'public', openingMethods: ['liveStream'] } })).errors?.[0]?.message,
    ).toContain('列席人员类别');
    expect((await as('jiuzhu', create, { data: { ...base, attendeeCategories: ['experts'] } })).errors?.[0]?.message).toContain('是否公开');
    const ok = await as('jiuzhu', create, {
      data: { ...base, attendeeCategories: ['stakeholders', 'media'], openness: 'public', openingMethods: ['observers'] },
    });
    expect(ok.data?.createConsultationMeeting).toMatchObject({ attendeeCategories: ['stakeholders', 'media'], openness: 'public' });
  });

  test('trust #17: a meeting plan updated field by field is validated as it will be, not as if the other fields were empty', async () => {
    const base = {
      topic: '审议《临沧市特困人员救助供养办法》',
      meetingOn: shift(today(), 40),
      decisionBody: 'partyGroup',
      attendeeCategories: ['experts'],
      openness: 'public',
      openingMethods: ['observers'],
    };
    const { id } = (await as('jiuzhu', create, { data: base })).data?.createConsultationMeeting ?? {};
    const renamed = await as(
      'jiuzhu',
      `mutation($id: ID!) { updateConsultationMeeting(where: { id: $id }, data: { topic: "审议《临沧市特困人员救助供养办法（修订）》" }) { topic attendeeCategories openness } }`,
      { id },
    );
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data?.updateConsultationMeeting).toMatchObject({
      topic: '审议《临沧市特困人员救助供养办法（修订）》',
      attendeeCategories: ['experts'],
      openness: 'public',
    });
    // What a partial update does change is still checked.
    const emptied = await as(
      'jiuzhu',
      `mutation($id: ID!) { updateConsultationMeeting(where: { id: $id }, data: { attendeeCategories: [] }) { id } }`,
      { id },
    );
    expect(emptied.errors?.[0]?.message).toContain('列席人员类别');
  });

  test('S2: a meeting carries the earlier consultation and its adoption; the public reads no meeting plan', async () => {
    const meetings = await as(
      'bangongshi',
      `{ consultationMeetings(where: { topic: { contains: "养老服务补贴" } }) { topic consultationAdoption } }`,
    );
    expect(meetings.data?.consultationMeetings[0].consultationAdoption).toMatch(
      /收到意见 5 条，采纳 2 条、部分采纳 0 条、未采纳 2 条；.*未采纳的集中意见：“由财政全额承担失能老年人护理费用”（理由：养老服务补贴是/,
    );
    expect((await as(null, `{ consultationMeetings { topic } }`)).data?.consultationMeetings ?? []).toEqual([]);
  });
});
