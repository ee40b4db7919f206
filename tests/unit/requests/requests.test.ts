// clock-sensitive: also runs at each fixed today (tests/run-at-fixed-days.mjs).
import { describe, expect, test } from '@jest/globals';
import { addWorkingDays } from '../../../src/platform/calendar/working-days.js';
import { parseApplication, requestDataOf } from '../../../src/requests/core/application.js';
import { isValidCreditCode, isValidResidentId } from '../../../src/requests/core/identifiers.js';
import { receivedOnFor } from '../../../src/requests/core/received-on.js';
import {
  alertKeyFor,
  answerProblems,
  approvalProblems,
  clockOf,
  describeRequestDeadline,
  noticeProblems,
  progressOf,
  recordProblems,
  type RequestFacts,
} from '../../../src/requests/core/request-state.js';

const open = (over: Partial<RequestFacts> = {}): RequestFacts => ({
  receivedOn: '2026-03-02',
  correctionRequestedOn: null,
  correctionReceivedOn: null,
  extensionApprovedOn: null,
  extensionNoticeSentOn: null,
  outcome: null,
  closedOn: null,
  ...over,
});

describe('N13: the day of receipt by channel (条例第三十一条)', () => {
  const evidence = { handedInOn: '2026-03-02', signedForOn: '2026-03-04', confirmedOn: '2026-03-06' };
  test('N13: in person counts the day handed in, a letter the day signed for, online/fax/e-mail the day both confirm', () => {
    expect(receivedOnFor({ channel: 'inPerson', ...evidence })).toBe('2026-03-02');
    expect(receivedOnFor({ channel: 'letter', ...evidence })).toBe('2026-03-04');
    for (const channel of ['online', 'fax', 'email'] as const) expect(receivedOnFor({ channel, ...evidence })).toBe('2026-03-06');
  });
  test('N13: without the channel’s own evidence the day is not fixed (another channel’s day does not count)', () => {
    expect(receivedOnFor({ channel: 'online', handedInOn: '2026-03-02', signedForOn: '2026-03-04' })).toBeNull();
    expect(receivedOnFor({ channel: 'letter', confirmedOn: '2026-03-06' })).toBeNull();
    expect(() => receivedOnFor({ channel: 'inPerson', handedInOn: '2026-02-30' })).toThrow();
  });
});

describe('identifiers of an application', () => {
  test('resident ID check character, birth date; unified social credit code check character', () => {
    expect(isValidResidentId('53090219850312004X')).toBe(true);
    expect(isValidResidentId('53090219850312004x')).toBe(true);
    expect(isValidResidentId('530902198503120041')).toBe(false); // wrong check character
    expect(isValidResidentId('53090219850230004X')).toBe(false); // 30 February
    expect(isValidCreditCode('91530900MA6K00001C')).toBe(true);
    expect(isValidCreditCode('91530900MA6K00001D')).toBe(false);
    expect(isValidCreditCode('91530900MA6K0000IC')).toBe(false); // I is not used
  });
});

describe('N13: the online application (条例第二十九条)', () => {
  const person = {
    applicantType: 'naturalPerson',
    personName: '张某某',
    idDocumentType: 'residentId',
    idNumber: '53090219850312004x',
    phone: '138 0000 0001',
    description: '2025年城乡低保标准调整的通知',
    deliveryMethod: 'email',
    email: 'zhang@example.cn',
  };
  test('a person: name and identity document, contact, description, delivery', () => {
    const result = parseApplication(person);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(requestDataOf(result.data)).toMatchObject({
      applicantType: 'naturalPerson',
      applicantName: '张某某',
      idNumber: '53090219850312004X',
      creditCode: '',
      phone: '13800000001',
      deliveryMethod: 'email',
    });
  });
  test('an organisation needs its name, a valid 统一社会信用代码 and a contact person', () => {
    const result = parseApplication({
      ...person,
      applicantType: 'legalServices',
      organizationName: '',
      creditCode: '91530900MA6K00001D',
      contactPerson: '',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      organizationName: '请填写单位名称',
      creditCode: '统一社会信用代码不正确，请核对（18 位数字或大写字母）',
      contactPerson: '请填写联系人',
    });
    const good = parseApplication({
      ...person,
      applicantType: 'legalServices',
      organizationName: '某某律师事务所',
      creditCode: '91530900ma6k00001c',
      contactPerson: '李某',
    });
    expect(good.ok && requestDataOf(good.data)).toMatchObject({
      applicantName: '某某律师事务所',
      creditCode: '91530900MA6K00001C',
      idNumber: '',
      idDocumentType: null,
    });
  });
  test('each field says what is wrong: ID check digit, phone, e-mail for e-mail delivery, address for post, markup', () => {
    const result = parseApplication({
      ...person,
      idNumber: '530902198503120041',
      phone: '12345',
      email: '',
      deliveryMethod: 'paperByPost',
      description: '<script>x</script>',
      postcode: '6770',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      idNumber: '居民身份证号码不正确，请核对（18 位，最后一位可能是 X）',
      phone: '联系电话应为手机号码或固定电话（如 0883-2123456）',
      postalAddress: '选择邮寄的，请填写通信地址',
      description: '所需信息的描述不能包含网页代码（如 HTML 标签或脚本），请只填写文字',
      postcode: '邮政编码应为 6 位数字',
    });
    const noEmail = parseApplication({ ...person, email: '' });
    expect(!noEmail.ok && noEmail.errors.email).toBe('选择以电子邮件获取信息的，请填写电子邮箱');
    const missing = parseApplication({});
    expect(!missing.ok && Object.keys(missing.errors).sort()).toEqual(['applicantType', 'deliveryMethod', 'description', 'phone']);
  });
});

describe('N13: where a stored request stands', () => {
  test('N13: no clock before receipt is fixed, none while waiting for the correction; it restarts on the correction', () => {
    expect(clockOf(open({ receivedOn: null }), '2026-03-10')).toBeNull();
    expect(progressOf(open({ receivedOn: null }), '2026-03-10')).toBe('awaitingReceipt');
    const waiting = open({ correctionRequestedOn: '2026-03-04' });
    expect(clockOf(waiting, '2026-03-10')).toBeNull();
    expect(describeRequestDeadline(waiting, '2026-03-10')).toContain('待补正');
    const corrected = open({ correctionRequestedOn: '2026-03-04', correctionReceivedOn: '2026-03-12' });
    expect(clockOf(corrected, '2026-03-12')!.deadline).toBe(addWorkingDays('2026-03-12', 20));
  });
  test('N13: the deadline crosses National Day 2026 on the official calendar (调休 included)', () => {
    // Received Wednesday 2026-09-30: 1–7 October are holidays, Saturday 10 October is worked (调休).
    const clock = clockOf(open({ receivedOn: '2026-09-30' }), '2026-09-30')!;
    expect(clock.deadline).toBe('2026-11-03'); // Monday–Friday counting would give 2026-10-28
    expect(clock.provisional).toBe(false);
    expect(describeRequestDeadline(open({ receivedOn: '2026-09-30' }), '2026-09-30')).toBe(`${clock.deadline}（剩 20 个工作日）`);
  });
  test('N13: an extension counts once approved and notified; a second, a late one, a notice before approval are refused', () => {
    const f = open();
    const deadline = addWorkingDays('2026-03-02', 20);
    expect(approvalProblems(f, '2026-03-20')).toEqual([]);
    expect(approvalProblems(f, addWorkingDays(deadline, 1))[0]).toContain('延长答复期限须在期限届满前批准');
    const approved = open({ extensionApprovedOn: '2026-03-20' });
    expect(clockOf(approved, '2026-03-20')!.extended).toBe(false); // not yet notified
    expect(noticeProblems(approved, '2026-03-19')).toEqual(['延期告知日期（2026-03-19）早于批准日期（2026-03-20）']);
    expect(noticeProblems(approved, addWorkingDays(deadline, 1))[0]).toContain('延期告知须在答复期限届满前送出');
    expect(noticeProblems(open(), '2026-03-20')).toEqual(['延长答复期限尚未经批准，不能告知延期']);
    const notified = open({ extensionApprovedOn: '2026-03-20', extensionNoticeSentOn: '2026-03-23' });
    expect(clockOf(notified, '2026-03-23')!.deadline).toBe(addWorkingDays(deadline, 20));
    expect(approvalProblems(notified, '2026-03-24')[0]).toContain('答复期限只能延长一次');
    expect(noticeProblems(notified, '2026-03-24')[0]).toContain('答复期限只能延长一次');
    expect(approvalProblems(open({ outcome: 'disclosed', closedOn: '2026-03-10' }), '2026-03-11')).toEqual([
      '该申请已于 2026-03-10 答复，不能延期',
    ]);
  });
  test('N13: an answer sets outcome and day together, on a received open request, never before receipt or in the future', () => {
    expect(answerProblems(open(), 'disclosed', '2026-03-10', '2026-03-10')).toEqual([]);
    expect(answerProblems(open(), 'withheld', '2026-03-10', '2026-03-10')).toEqual(['请选择办理结果']); // a group, not a leaf
    expect(answerProblems(open(), 'disclosed', '2026-03-01', '2026-03-10')).toEqual([
      '答复日期（2026-03-01）不能早于收到申请之日（2026-03-02）',
    ]);
    expect(answerProblems(open(), 'disclosed', '2026-03-11', '2026-03-10')).toEqual(['答复日期（2026-03-11）不能晚于今天']);
    expect(answerProblems(open({ receivedOn: null }), 'disclosed', '2026-03-10', '2026-03-10')).toEqual([
      '尚未确定收到申请之日（条例第三十一条），不能答复',
    ]);
    expect(answerProblems(open(), 'unavailableUnclear', '2026-03-10', '2026-03-10')[0]).toContain('须先记录补正通知');
    expect(answerProblems(open({ correctionRequestedOn: '2026-03-04' }), 'otherNoCorrection', '2026-03-30', '2026-03-30')).toEqual([]);
    expect(recordProblems(open({ outcome: 'disclosed' }))).toEqual(['办理结果和答复日期须同时填写（请使用“答复”操作）']);
    expect(recordProblems(open({ correctionReceivedOn: '2026-03-05' }))).toEqual(['请先填写通知补正日期']);
  });
  test('N13: one alert per deadline and state: due soon, then overdue, again after an extension', () => {
    const deadline = addWorkingDays('2026-03-02', 20);
    const f = open();
    expect(alertKeyFor(clockOf(f, '2026-03-03'), '')).toBeNull();
    const soon = alertKeyFor(clockOf(f, deadline), '');
    expect(soon).toBe(`${deadline}:dueSoon`);
    expect(alertKeyFor(clockOf(f, deadline), soon)).toBeNull();
    const late = addWorkingDays(deadline, 1);
    expect(alertKeyFor(clockOf(f, late), soon)).toBe(`${deadline}:overdue`);
    const extended = open({ extensionApprovedOn: '2026-03-20', extensionNoticeSentOn: '2026-03-20' });
    expect(alertKeyFor(clockOf(extended, addWorkingDays(deadline, 18)), `${deadline}:dueSoon`)).toBe(
      `${addWorkingDays(deadline, 20)}:dueSoon`,
    );
  });
});
