import { describe, expect, test } from '@jest/globals';
import { toCalendarDay } from '../../../src/platform/calendar/working-days.js';
import { seededApi } from '../../helpers/seeded-api.js';
import { paragraphsToHtml } from '../../../src/platform/demo/rich-text.js';

// The content gate at submission (N7, N19): the office's 规范表述词库, seeded from the starting dictionary.
const { state, as, act } = seededApi(['jiuzhu', 'bangongshi', 'xinxi', 'admin']);

const paragraphs = (...texts: string[]) => paragraphsToHtml(texts);

async function draft(title: string, ...texts: string[]): Promise<string> {
  const body = await as('jiuzhu', 'mutation($data: DocumentCreateInput!) { createDocument(data: $data) { id } }', {
    data: { title, disclosure: 'proactive', body: paragraphs(...texts) },
  });
  if (!body.data?.createDocument) throw new Error(JSON.stringify(body.errors));
  return body.data.createDocument.id;
}

const stored = async (id: string) => state.t.context.prisma.document.findUniqueOrThrow({ where: { id } });
const findingsOf = async (id: string) =>
  (await stored(id)).preflightFindings as { rule?: string; code: string; entryId?: string; message: string; blocking: boolean }[];
const entryId = async (term: string) => (await state.t.context.prisma.contentRule.findFirstOrThrow({ where: { term } })).id as string;

describe('the content gate at submission (N7, N19)', () => {
  test('N7: a wrong state name blocks the submission with what to fix, naming the dictionary entry', async () => {
    const id = await draft('关于做好困难群众基本生活保障工作的通知', '根据《中华人民共合国社会救助法》有关规定，现就有关事项通知如下。');
    const res = await act('jiuzhu', 'submitDocument', id);
    expect(res.errors?.[0].extensions?.code).toBe('WORKFLOW_CHECKS_FAILED');
    expect(res.errors?.[0].message).toContain('正文中的国家名称错误：“中华人民共合国”应为“中华人民共和国”');
    expect((await stored(id)).status).toBe('draft');
    expect(await findingsOf(id)).toEqual([
      expect.objectContaining({ rule: 'N7', code: 'CONTENT_SERIOUS_ERROR', blocking: true, entryId: await entryId('中华人民共合国') }),
    ]);
  });

  test('N19: "十三五规划" as current after 2021 warns with its replacement, and the document goes on', async () => {
    const id = await draft('我市养老服务体系建设推进情况', '按照十三五规划要求，我市继续推进居家社区养老服务设施建设。');
    expect((await act('jiuzhu', 'submitDocument', id)).data?.submitDocument.status).toBe('submitted');
    const [finding] = await findingsOf(id);
    expect(finding).toMatchObject({ rule: 'N19', code: 'CONTENT_OUTDATED', blocking: false, entryId: await entryId('十三五规划') });
    expect(finding.message).toContain('“十三五规划”自 2021-03-13 起已不再使用：请改为““十四五”规划”');
  });

  test("N7: a leader's title after the end of the term warns, naming the holder of the title that day", async () => {
    const id = await draft(
      '局领导调研社区养老服务中心',
      '王建华局长一行到临翔区调研社区养老服务中心建设情况。',
      '时任局长王建华同志曾于2024年到此调研。',
    );
    expect((await act('jiuzhu', 'submitDocument', id)).data?.submitDocument.status).toBe('submitted');
    const findings = await findingsOf(id);
    // Only the title used as current: "时任局长王建华" speaks of the past on purpose.
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'N7', code: 'CONTENT_LEADER_TITLE', blocking: false });
    expect(findings[0].message).toContain('王建华已于 2025-06-30 卸任局长');
    expect(findings[0].message).toContain('的局长为李明');
  });

  test('N7: an interpretation with a serious error is refused too', async () => {
    const jd = await as('jiuzhu', 'mutation($data: InterpretationCreateInput!) { createInterpretation(data: $data) { id } }', {
      data: {
        title: '一图读懂中华人名共和国社会救助法',
        form: 'text',
        body: paragraphs('社会救助法明确了最低生活保障、特困人员供养和临时救助的对象和标准。'),
      },
    });
    const res = await act('jiuzhu', 'submitInterpretation', jd.data!.createInterpretation.id);
    expect(res.errors?.[0].extensions?.code).toBe('WORKFLOW_CHECKS_FAILED');
    expect(res.errors?.[0].message).toContain('标题中的国家名称错误：“中华人名共和国”应为“中华人民共和国”');
  });

  test('N7: the office edits the dictionary and the next submission uses it; others read it and cannot change it', async () => {
    const create = (user: string) =>
      as(user, 'mutation($data: ContentRuleCreateInput!) { createContentRule(data: $data) { id } }', {
        data: {
          kind: 'serious',
          category: 'officialName',
          term: '临沧市民证局',
          replacement: '临沧市民政局',
          source: '临沧市机构编制委员会文件',
        },
      });
    for (const user of ['jiuzhu', 'xinxi', 'admin']) expect((await create(user)).errors?.[0].message).toBeDefined();
    expect((await as(null, '{ contentRules { id } }')).data?.contentRules ?? []).toEqual([]);
    expect(
      (await as('jiuzhu', '{ contentRules(where: { term: { equals: "十三五规划" } }) { term replacement source } }')).data?.contentRules,
    ).toEqual([expect.objectContaining({ term: '十三五规划', source: expect.stringContaining('第十四个五年规划') })]);
    expect((await create('bangongshi')).errors).toBeUndefined();
    const id = await draft('临沧市民证局关于开展社会组织年检的通知', '各社会组织：现将年检有关事项通知如下。');
    expect((await act('jiuzhu', 'submitDocument', id)).errors?.[0].message).toContain(
      '标题中的规范名称错误：“临沧市民证局”应为“临沧市民政局”，请改正（依据：临沧市机构编制委员会文件）',
    );
  });

  test('an entry without what its kind needs is refused in Chinese and nothing is stored', async () => {
    const before = await state.t.context.prisma.contentRule.count();
    const res = await as('bangongshi', 'mutation($data: ContentRuleCreateInput!) { createContentRule(data: $data) { id } }', {
      data: { kind: 'outdated', term: '十二五', source: '' },
    });
    expect(res.errors?.[0].message).toContain('过时表述请填写“停用日期”');
    expect(res.errors?.[0].message).toContain('请填写“来源依据”');
    expect(await state.t.context.prisma.contentRule.count()).toBe(before);
  });

  test('N7: a mailbox reply with a serious error cannot be submitted; a warning is kept on the message', async () => {
    const prisma = state.t.context.prisma;
    const department = await prisma.department.findFirstOrThrow({ where: { code: 'assistance' } });
    const message = await prisma.message.create({
      data: {
        channel: 'hotline',
        kind: 'consultation',
        subject: '低保政策咨询',
        content: '请问低保标准是多少？',
        senderName: '李四',
        contact: '13900000000',
        submittedAt: new Date(),
        status: 'assigned',
        departmentId: department.id,
        queryCode: 'GATE-TEST-0001',
      },
    });
    const reply = (text: string) =>
      as('jiuzhu', 'mutation($id: ID!, $r: String!) { updateMessage(where: { id: $id }, data: { replyText: $r }) { id } }', {
        id: message.id,
        r: text,
      });
    const submit = () => as('jiuzhu', 'mutation($id: ID!) { submitReplyMessage(where: { id: $id }) { id status } }', { id: message.id });
    await reply('您好！依据《中华人民共合国社会救助法》，我市城市低保标准为每人每月840元。');
    expect((await submit()).errors?.[0].message).toContain('答复中的国家名称错误：“中华人民共合国”应为“中华人民共和国”');
    expect((await prisma.message.findUniqueOrThrow({ where: { id: message.id } })).status).toBe('assigned');
    await reply('您好！按照十三五规划，我市城市低保标准为每人每月840元。');
    expect((await submit()).data?.submitReplyMessage.status).toBe('replyReview');
    expect((await prisma.message.findUniqueOrThrow({ where: { id: message.id } })).replyFindings).toEqual([
      expect.objectContaining({ rule: 'N19', blocking: false }),
    ]);
  });

  test('N7: a consultation draft with a serious error cannot be submitted for review', async () => {
    const day = (offset: number) => toCalendarDay(new Date(Date.now() + offset * 86_400_000));
    const created = await as('jiuzhu', 'mutation($data: ConsultationCreateInput!) { createConsultation(data: $data) { id } }', {
      data: {
        title: '关于《临沧市临时救助实施办法（征求意见稿）》公开征求意见的公告',
        draftText: paragraphs('第一条　根据《中华人民共合国社会救助法》，制定本办法。'),
        basis: '依据《社会救助暂行办法》起草。',
        contact: '市民政局社会救助科',
        decisionBody: 'partyGroup',
        opensOn: day(0),
        closesOn: day(30),
      },
    });
    const id = created.data!.createConsultation.id;
    const res = await as('jiuzhu', 'mutation($id: ID!) { submitConsultation(where: { id: $id }) { id status } }', { id });
    expect(res.errors?.[0].message).toContain('征求意见稿中的国家名称错误：“中华人民共合国”应为“中华人民共和国”');
    expect((await state.t.context.prisma.consultation.findUniqueOrThrow({ where: { id } })).status).toBe('draft');
  });
});
