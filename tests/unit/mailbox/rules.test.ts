// clock-sensitive: also runs at each fixed today (tests/run-at-fixed-days.mjs).
import { describe, expect, test } from '@jest/globals';
import { messageClock } from '../../../src/mailbox/core/clocks.js';
import { parseForm } from '../../../src/platform/public-forms/fields.js';
import { mailboxForm } from '../../../src/mailbox/forms.js';
import {
  alertDue,
  decideMessageAction,
  maskedSenderName,
  messageActionsFor,
  openMessageClock,
  type MessageActor,
  type MessageFacts,
} from '../../../src/mailbox/core/rules.js';
import { messageTasksFor, type TaskMessage } from '../../../src/mailbox/tasks.js';

const office: MessageActor = { id: 'o', role: 'officeReviewer', departmentId: 'office' };
const leader: MessageActor = { id: 'l', role: 'leader', departmentId: 'leaders' };
const editor: MessageActor = { id: 'e', role: 'editor', departmentId: 'assistance' };
const otherEditor: MessageActor = { id: 'e2', role: 'editor', departmentId: 'elderly' };
const facts = (over: Partial<MessageFacts> = {}): MessageFacts => ({
  status: 'received',
  departmentId: null,
  replyText: '',
  isPublic: true,
  withholdReason: '',
  replyPublishedAt: null,
  ...over,
});

describe('S11: handling a message', () => {
  test('the office assigns; editors cannot', () => {
    expect(decideMessageAction(facts(), office, 'assign')).toEqual({ ok: false, message: '请先选择承办科室并保存，再分办' });
    expect(decideMessageAction(facts({ departmentId: 'elderly' }), office, 'assign')).toEqual({ ok: true, data: { status: 'assigned' } });
    // Re-assigning while the department works on it is the office's too.
    expect(messageActionsFor(facts({ status: 'assigned', departmentId: 'elderly' }), office)).toEqual(['assign', 'submitReply']);
    expect(decideMessageAction(facts({ departmentId: 'assistance' }), editor, 'assign')).toEqual({
      ok: false,
      message: '当前状态下您不能“分办”',
    });
  });

  test('only the assigned department (or the office) submits a reply, and not an empty one', () => {
    const assigned = facts({ status: 'assigned', departmentId: 'assistance' });
    expect(messageActionsFor(assigned, editor)).toEqual(['submitReply']);
    expect(messageActionsFor(assigned, otherEditor)).toEqual([]);
    expect(decideMessageAction(assigned, editor, 'submitReply')).toEqual({ ok: false, message: '请先填写答复内容再提交审核' });
    expect(decideMessageAction({ ...assigned, replyText: '您好，…' }, editor, 'submitReply')).toEqual({
      ok: true,
      data: { status: 'replyReview', returnReason: '' },
    });
  });

  test('the office reviewer or a leader approves (published at once) or returns with a reason', () => {
    const review = facts({ status: 'replyReview', departmentId: 'assistance', replyText: '答复' });
    expect(messageActionsFor(review, editor)).toEqual([]);
    expect(messageActionsFor(review, leader)).toEqual(['approveReply', 'returnReply']);
    expect(decideMessageAction(review, leader, 'approveReply')).toEqual({
      ok: true,
      data: { status: 'replied', returnReason: '', setRepliedAt: true, published: true },
    });
    expect(decideMessageAction(review, office, 'returnReply', { reason: '  ' })).toEqual({ ok: false, message: '请填写退回原因' });
    expect(decideMessageAction(review, office, 'returnReply', { reason: '请补充政策依据' })).toEqual({
      ok: true,
      data: { status: 'assigned', returnReason: '请补充政策依据' },
    });
  });

  test('N15: a reply withheld from publication needs its reason; withdrawing needs one too', () => {
    const review = facts({ status: 'replyReview', replyText: '答复', isPublic: false });
    expect(decideMessageAction(review, office, 'approveReply')).toEqual({ ok: false, message: '不公开的答复须填写不公开理由' });
    expect(decideMessageAction({ ...review, withholdReason: '涉及个人隐私' }, office, 'approveReply')).toMatchObject({
      ok: true,
      data: { published: false },
    });
    const published = facts({ status: 'replied', replyText: '答复', replyPublishedAt: new Date('2026-11-20T17:10:00+08:00') });
    expect(messageActionsFor(published, office)).toEqual(['withdrawReply']);
    expect(decideMessageAction(published, office, 'withdrawReply')).toEqual({ ok: false, message: '请填写撤回公开的理由' });
    expect(decideMessageAction(published, office, 'withdrawReply', { reason: '含有个人信息' })).toEqual({
      ok: true,
      data: { isPublic: false, withholdReason: '含有个人信息', published: false },
    });
    expect(messageActionsFor({ ...published, replyPublishedAt: null }, office)).toEqual(['publishReply']);
  });

  test('N15: the sender is shown as the family name and stars, or not at all', () => {
    expect(maskedSenderName('张明远')).toBe('张**');
    expect(maskedSenderName('王浩')).toBe('王**');
    expect(maskedSenderName('欧阳晓明')).toBe('欧***');
    expect(maskedSenderName('  ')).toBe('');
  });
});

describe('N5: clocks, alerts and 待办', () => {
  const submittedAt = new Date('2026-09-01T10:00:00+08:00');
  const open = {
    id: 'm1',
    kind: 'consultation' as const,
    status: 'assigned' as const,
    submittedAt,
    repliedAt: null,
    replyPublishedAt: null,
    isPublic: true,
  };

  test('a published or deliberately withheld reply has no clock left', () => {
    expect(
      openMessageClock({ ...open, status: 'replied', repliedAt: submittedAt, replyPublishedAt: submittedAt }, '2026-12-30'),
    ).toBeNull();
    expect(openMessageClock({ ...open, status: 'replied', repliedAt: submittedAt, isPublic: false }, '2026-12-30')).toBeNull();
    expect(openMessageClock(open, '2026-10-25')?.state).toBe('dueSoon');
  });

  test('each stage is alerted once, in order, and never again for an earlier one', () => {
    const clock = (today: string) => messageClock(open, today);
    expect(alertDue(clock('2026-09-20'), null)).toBeNull(); // awaiting
    expect(alertDue(clock('2026-10-25'), null)).toBe('dueSoon');
    expect(alertDue(clock('2026-10-25'), 'dueSoon')).toBeNull();
    expect(alertDue(clock('2026-11-02'), 'dueSoon')).toBe('late');
    // A run missed the due-soon day: the late alert goes out directly.
    expect(alertDue(clock('2026-11-02'), null)).toBe('late');
    expect(alertDue(clock('2026-12-02'), 'late')).toBe('unanswered');
    expect(alertDue(clock('2026-12-02'), 'unanswered')).toBeNull();
  });

  test('待办: the office assigns and reviews; the assigned department answers; late clocks come first', () => {
    const base: TaskMessage = { ...open, subject: '低保咨询', departmentId: 'assistance', returnReason: '' };
    const messages: TaskMessage[] = [
      { ...base, id: 'new', status: 'received', departmentId: null, submittedAt: new Date('2026-11-20T10:00:00+08:00') },
      { ...base, id: 'late' },
      { ...base, id: 'returned', returnReason: '请补充依据', submittedAt: new Date('2026-11-10T10:00:00+08:00') },
      { ...base, id: 'review', status: 'replyReview', submittedAt: new Date('2026-11-10T10:00:00+08:00') },
    ];
    const today = '2026-11-24';
    const forEditor = messageTasksFor({ id: 'u', role: 'editor', departmentId: 'assistance' }, messages, today);
    expect(forEditor.map((t) => [t.id, t.urgency, t.detail])).toEqual([
      ['late', 0, '超过2个月未公开答复（扣分）；请起草答复并提交审核'],
      ['returned', 2, '答复被退回：请补充依据'],
    ]);
    expect(forEditor[0]).toMatchObject({ kindLabel: '留言办理', href: '/admin/messages/late', due: '2026-11-01' });
    expect(messageTasksFor({ id: 'u', role: 'editor', departmentId: 'elderly' }, messages, today)).toEqual([]);
    const forOffice = messageTasksFor({ id: 'o', role: 'officeReviewer', departmentId: 'office' }, messages, today);
    expect(forOffice.map((t) => t.id).sort()).toEqual(['late', 'new', 'review']);
    expect(messageTasksFor({ id: 'l', role: 'leader', departmentId: 'leaders' }, messages, today).map((t) => t.id)).toEqual(['review']);
    // Past three months a consultation is the single veto.
    expect(messageTasksFor({ id: 'o', role: 'officeReviewer', departmentId: 'office' }, [base], '2026-12-02')[0].detail).toMatch(
      /^超过3个月未答复（单项否决）/,
    );
  });
});

describe('the mailbox form', () => {
  const good = {
    senderName: '张明远',
    contact: '13800001234',
    kind: 'consultation',
    subject: '低保标准咨询',
    content: '请问新的低保标准从几月开始执行？',
  };
  test('a good letter is accepted, the rest refused in Chinese per field', () => {
    expect(parseForm(mailboxForm, good)).toEqual({ ok: true, data: good });
    const bad = parseForm(mailboxForm, { ...good, contact: '我家楼下', kind: 'praise', subject: '<b>急</b>', content: '短' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toEqual({
      contact: '联系方式应为手机号码、固定电话（如 0883-2123456）或电子邮箱',
      kind: '请选择留言类别',
      subject: '标题不能包含网页代码（如 HTML 标签或脚本），请只填写文字',
      content: '留言内容至少 10 个字',
    });
  });
  test('text garbled by a wrong encoding is refused, not stored as replacement characters', () => {
    for (const content of ['请问\uFFFD\uFFFD标准从几月开始执行？', '请问%E6%9D标准从几月开始执行？']) {
      const bad = parseForm(mailboxForm, { ...good, content });
      expect(!bad.ok && bad.errors.content).toBe('留言内容含有无法识别的字符（编码错误），请检查后重新填写');
    }
    // A percent sign as people write it is fine.
    expect(parseForm(mailboxForm, { ...good, content: '今年标准提高了5%，请问从几月开始执行？' }).ok).toBe(true);
  });
});
