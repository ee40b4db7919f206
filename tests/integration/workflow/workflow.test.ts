import { beforeAll, describe, expect, test } from '@jest/globals';
import { graphql } from '../../helpers/server.js';
import request from 'supertest';
import { seededApi } from '../../helpers/seeded-api.js';

const { state, as, act } = seededApi(['jiuzhu', 'yanglao', 'bangongshi', 'lingdao', 'xinxi', 'admin']);

async function createDraft(username: string, data: Record<string, unknown>): Promise<string> {
  const body = await as(username, 'mutation($data: DocumentCreateInput!) { createDocument(data: $data) { id } }', { data });
  if (!body.data?.createDocument) throw new Error(JSON.stringify(body.errors));
  return body.data.createDocument.id;
}

const status = async (id: string) => (await state.t.context.prisma.document.findUniqueOrThrow({ where: { id } })).status;

describe('the workflow through the GraphQL API', () => {
  test('S1: a submission without a disclosure attribute is returned with its cause, and the return is recorded', async () => {
    const id = await createDraft('jiuzhu', { title: '关于做好2026年冬季救助工作的通知' });
    const res = await act('jiuzhu', 'submitDocument', id);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'WORKFLOW_RETURNED' } });
    expect(res.errors?.[0].message).toContain('未明确公开属性');
    expect(await status(id)).toBe('draft');
    const doc = await state.t.context.prisma.document.findUniqueOrThrow({ where: { id } });
    expect(doc.lastReturnReason).toContain('未明确公开属性');
    const audit = await state.t.context.prisma.auditEntry.findMany({ where: { documentId: id } });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'submit',
        fromStatus: 'draft',
        toStatus: 'draft',
        actorRole: 'editor',
        reason: expect.stringContaining('未明确公开属性'),
      }),
    ]);
  });

  test('撤回提交: the drafter takes a submission back before review starts; the 流转记录 says so; afterwards it is with the office', async () => {
    const id = await createDraft('jiuzhu', { title: '关于调整2027年临时救助标准的通知（征求意见稿）', disclosure: 'proactive' });
    expect((await act('jiuzhu', 'submitDocument', id)).data?.submitDocument.status).toBe('submitted');
    // Another department's editor may not.
    expect((await act('yanglao', 'recallSubmissionDocument', id)).errors?.[0].message).toContain('撤回提交');
    expect((await act('jiuzhu', 'recallSubmissionDocument', id)).data?.recallSubmissionDocument.status).toBe('draft');
    const entry = await state.t.context.prisma.auditEntry.findFirstOrThrow({ where: { documentId: id, action: 'recallSubmission' } });
    expect(entry).toMatchObject({ fromStatus: 'submitted', toStatus: 'draft', summary: expect.stringContaining('撤回提交') });
    // A recalled draft is not a returned one: no 退文 reason.
    expect((await state.t.context.prisma.document.findUniqueOrThrow({ where: { id } })).lastReturnReason).toBe('');
    await act('jiuzhu', 'submitDocument', id);
    await act('bangongshi', 'startReviewDocument', id);
    expect((await act('jiuzhu', 'recallSubmissionDocument', id)).errors?.[0].message).toContain('不能“撤回提交”');
    expect(await status(id)).toBe('officeReview');
  });

  test('S1: a 不公开 document goes through the office and is never visible to the public', async () => {
    const id = await createDraft('jiuzhu', {
      title: '内部工作意见',
      disclosure: 'notPublic',
      disclosureReason: '属于内部事务信息，依据《条例》第十六条不予公开',
    });
    expect((await act('jiuzhu', 'submitDocument', id)).data?.submitDocument.status).toBe('submitted');
    expect((await act('lingdao', 'approveDocument', id)).errors?.[0].extensions?.code).toBe('WORKFLOW_OFFICE_REVIEW_REQUIRED');
    expect((await act('bangongshi', 'startReviewDocument', id)).data?.startReviewDocument.status).toBe('officeReview');
  });

  test('S4: the office cannot pass a document without its confidentiality conclusion, and publication without one is impossible', async () => {
    const id = await createDraft('jiuzhu', { title: '临时救助审批流程公示', disclosure: 'proactive' });
    await act('jiuzhu', 'submitDocument', id);
    const refused = await act('bangongshi', 'officeApproveDocument', id);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'WORKFLOW_CONFIDENTIALITY_REVIEW_REQUIRED' } });
    expect(await status(id)).toBe('submitted');
    // Even a document that reached the leader by other means is not published without the review.
    await state.t.context.prisma.document.update({ where: { id }, data: { status: 'leaderApproval' } });
    expect((await act('lingdao', 'approveDocument', id)).errors?.[0].extensions?.code).toBe('WORKFLOW_CONFIDENTIALITY_REVIEW_REQUIRED');
    expect(await status(id)).toBe('leaderApproval');
  });

  test('S5: a document and its interpretation are submitted, reviewed, approved and published together, linked both ways (N11)', async () => {
    const id = await createDraft('jiuzhu', {
      title: '临沧市特困人员救助供养标准调整方案',
      disclosure: 'proactive',
      requiresInterpretation: true,
    });
    // Without its interpretation the submission is returned (三同步).
    expect((await act('jiuzhu', 'submitDocument', id)).errors?.[0].message).toContain('三同步');

    const jd = await as(
      'jiuzhu',
      'mutation($id: ID!) { createInterpretation(data: { title: "图解：特困人员救助供养标准调整", form: "chart", documents: { connect: [{ id: $id }] } }) { id } }',
      { id },
    );
    const jdId = jd.data!.createInterpretation.id;
    expect((await act('jiuzhu', 'submitInterpretation', jdId)).errors?.[0].extensions?.code).toBe('WORKFLOW_MOVES_WITH_DOCUMENT');

    expect((await act('jiuzhu', 'submitDocument', id)).data?.submitDocument.status).toBe('submitted');
    await act('bangongshi', 'officeApproveDocument', id, ', confidentialityConclusion: "不涉密，同意公开"');
    const jdStatus = async () => (await state.t.context.prisma.interpretation.findUniqueOrThrow({ where: { id: jdId } })).status;
    expect(await jdStatus()).toBe('leaderApproval');
    expect((await act('lingdao', 'approveDocument', id)).data?.approveDocument.status).toBe('published');
    expect(await jdStatus()).toBe('published');

    const doc = await state.t.context.prisma.document.findUniqueOrThrow({ where: { id } });
    const interpretation = await state.t.context.prisma.interpretation.findUniqueOrThrow({ where: { id: jdId } });
    expect(doc.publishedAt).toBeInstanceOf(Date);
    expect(interpretation.publishedAt).toEqual(doc.publishedAt);
    expect(doc.confidentialityConclusion).toBe('不涉密，同意公开');

    const anonymous = await graphql(
      state.app,
      '{ document(where: { id: "' + id + '" }) { title interpretations { title documents { id } } } }',
    );
    expect(anonymous.body.data.document.interpretations).toEqual([{ title: '图解：特困人员救助供养标准调整', documents: [{ id }] }]);
    const trail = await state.t.context.prisma.auditEntry.findMany({ where: { interpretationId: jdId }, orderBy: { at: 'asc' } });
    expect(trail.map((e) => e.toStatus)).toEqual(['submitted', 'leaderApproval', 'published']);
  });

  test('N15: a submission with an unmasked mobile number is refused by the pre-publication checks, which say what to write instead', async () => {
    const id = await createDraft('jiuzhu', {
      title: '临时救助申请受理电话公告',
      disclosure: 'proactive',
      body: '<p>咨询请联系经办人，手机13812345678。</p>',
    });
    const res = await act('jiuzhu', 'submitDocument', id);
    expect(res.errors?.[0].extensions?.code).toBe('WORKFLOW_CHECKS_FAILED');
    expect(res.errors?.[0].message).toContain('138****5678');
    expect(await status(id)).toBe('draft');
    const stored = await as('jiuzhu', 'query($id: ID!) { document(where: { id: $id }) { preflightFindings } }', { id });
    expect(stored.data!.document.preflightFindings).toEqual([expect.objectContaining({ rule: 'N15', blocking: true })]);
  });

  test('N11: an interpretation that merely condenses its document is refused at submission, and one from another department is refused (谁起草谁解读)', async () => {
    const text =
      '各县(区)要切实做好政策宣传解读，通过村(社区)公示栏、政务新媒体等渠道将新标准告知困难群众；要严格落实三级审核、三级公示要求，做到应保尽保、按标施保、动态管理。';
    const id = await createDraft('jiuzhu', {
      title: '关于落实低保三级审核的通知',
      disclosure: 'proactive',
      requiresInterpretation: true,
      body: `<p>${text}</p>`,
    });
    const copied = await as(
      'jiuzhu',
      'mutation($id: ID!, $body: String) { createInterpretation(data: { title: "解读：落实低保三级审核", documents: { connect: [{ id: $id }] }, body: $body }) { id } }',
      {
        id,
        body: `<p>${text}</p>`,
      },
    );
    expect(copied.data?.createInterpretation.id).toBeTruthy();
    const refused = await act('jiuzhu', 'submitDocument', id);
    expect(refused.errors?.[0].extensions?.code).toBe('WORKFLOW_CHECKS_FAILED');
    expect(refused.errors?.[0].message).toMatch(/N11|简单|复述|压缩|照搬|重复/);
    const published = await state.t.context.prisma.document.findFirstOrThrow({
      where: { title: { contains: '最低生活保障标准' }, status: 'published' },
    });
    const foreign = await as(
      'yanglao',
      'mutation($id: ID!) { createInterpretation(data: { title: "他科室的解读", documents: { connect: [{ id: $id }] } }) { id } }',
      { id: published.id },
    );
    expect(foreign.errors?.[0].message).toContain('谁起草谁解读');
  });

  test('N12: proactive documents past or near their 20-working-day limit are listed for their department and the office', async () => {
    const late = await createDraft('jiuzhu', { title: '逾期未公开的通知', disclosure: 'proactive', formationDate: '2026-01-05' });
    const tasks = async (user: string) =>
      (
        (await as(user, '{ myTasks { kind id detail due } }')).data!.myTasks as { kind: string; id: string; detail: string; due: string }[]
      ).filter((t) => t.kind === 'deadline');
    expect((await tasks('jiuzhu')).find((t) => t.id === late)).toMatchObject({
      due: '2026-02-02',
      detail: expect.stringContaining('已超过 20 个工作日'),
    });
    expect((await tasks('bangongshi')).map((t) => t.id)).toContain(late);
    expect((await tasks('yanglao')).map((t) => t.id)).not.toContain(late);
  });

  test('a return (退文) needs a reason and sends the document back to its drafter', async () => {
    const id = await createDraft('jiuzhu', { title: '低保资金使用情况通报', disclosure: 'proactive' });
    await act('jiuzhu', 'submitDocument', id);
    expect((await act('bangongshi', 'returnToDrafterDocument', id)).errors?.[0].extensions?.code).toBe('WORKFLOW_REASON_REQUIRED');
    expect(
      (await act('bangongshi', 'returnToDrafterDocument', id, ', reason: "请补充资金来源"')).data?.returnToDrafterDocument.status,
    ).toBe('draft');
    const doc = await state.t.context.prisma.document.findUniqueOrThrow({ where: { id } });
    expect(doc.lastReturnReason).toBe('请补充资金来源');
  });

  test('approving your own draft is refused', async () => {
    const id = await createDraft('jiuzhu', { title: '由领导起草的文件', disclosure: 'proactive' });
    const leader = await state.t.context.prisma.user.findFirstOrThrow({ where: { username: 'lingdao' } });
    await state.t.context.prisma.document.update({
      where: { id },
      data: { status: 'leaderApproval', drafterId: leader.id, confidentialityReviewedAt: new Date() },
    });
    expect((await act('lingdao', 'approveDocument', id)).errors?.[0]).toMatchObject({
      message: '不能审批自己起草的文件',
      extensions: { code: 'WORKFLOW_OWN_DRAFT' },
    });
  });

  test('the audit log cannot be written, changed or deleted through the API', async () => {
    for (const mutation of [
      'createAuditEntry(data: {})',
      'updateAuditEntry(where: { id: "x" }, data: {})',
      'deleteAuditEntry(where: { id: "x" })',
    ]) {
      const res = await as('admin', `mutation { ${mutation} { id } }`);
      expect(res.errors?.[0].message).toMatch(/Cannot query field/);
    }
    const entries = await as('bangongshi', '{ auditEntries { summary actorName } }');
    expect(entries.data!.auditEntries.length).toBeGreaterThan(0);
  });
});

describe('access by role and department', () => {
  const roles = ['jiuzhu', 'yanglao', 'bangongshi', 'lingdao', 'xinxi', 'admin'] as const;
  let ownDraft: string;
  beforeAll(async () => {
    ownDraft = await createDraft('jiuzhu', { title: '社会救助科的草稿', disclosure: 'proactive' });
  });

  test('only editors create documents, into their own department', async () => {
    const allowed: Record<string, boolean> = {};
    for (const user of roles) {
      const res = await as(user, 'mutation { createDocument(data: { title: "权限测试" }) { id department { code } } }');
      allowed[user] = Boolean(res.data?.createDocument);
      if (res.data?.createDocument) expect(res.data.createDocument.department.code).toBe(user === 'jiuzhu' ? 'assistance' : 'elderly');
    }
    expect(allowed).toEqual({ jiuzhu: true, yanglao: true, bangongshi: false, lingdao: false, xinxi: false, admin: false });
  });

  test('only the own department edits and deletes a draft; nobody edits a submitted one', async () => {
    const edit = async (user: string, id: string) =>
      Boolean(
        (await as(user, 'mutation($id: ID!) { updateDocument(where: { id: $id }, data: { topic: "社会救助" }) { id } }', { id })).data
          ?.updateDocument,
      );
    expect(Object.fromEntries(await Promise.all(roles.map(async (u) => [u, await edit(u, ownDraft)])))).toEqual({
      jiuzhu: true,
      yanglao: false,
      bangongshi: false,
      lingdao: false,
      xinxi: false,
      admin: false,
    });
    await act('jiuzhu', 'submitDocument', ownDraft);
    expect(await edit('jiuzhu', ownDraft)).toBe(false);
    const other = await createDraft('jiuzhu', { title: '待删除的草稿' });
    expect(
      (await as('yanglao', 'mutation($id: ID!) { deleteDocument(where: { id: $id }) { id } }', { id: other })).data?.deleteDocument,
    ).toBeFalsy();
    expect(
      (await as('jiuzhu', 'mutation($id: ID!) { deleteDocument(where: { id: $id }) { id } }', { id: other })).data?.deleteDocument,
    ).toEqual({ id: other });
  });

  test('editors read their own department and what is published; reviewers read everything', async () => {
    const titles = async (user: string) =>
      ((await as(user, '{ documents(where: { status: { equals: "submitted" } }) { title } }')).data!.documents as { title: string }[]).map(
        (d) => d.title,
      );
    expect(await titles('jiuzhu')).toContain('社会救助科的草稿');
    expect(await titles('yanglao')).not.toContain('社会救助科的草稿');
    expect(await titles('bangongshi')).toContain('社会救助科的草稿');
    expect(await titles('lingdao')).toContain('社会救助科的草稿');
  });

  test('each review action belongs to one role', async () => {
    const id = await createDraft('jiuzhu', { title: '角色测试文件', disclosure: 'proactive' });
    // Until it is published, another department's document is not 养老服务科's to read: refused as if it did
    // not exist (trust #4); the others read it and are refused the step.
    const refusal = (user: string) => (user === 'yanglao' ? 'KS_ACCESS_DENIED' : 'WORKFLOW_FORBIDDEN');
    for (const user of ['yanglao', 'bangongshi', 'lingdao', 'xinxi', 'admin']) {
      expect((await act(user, 'submitDocument', id)).errors?.[0].extensions?.code).toBe(refusal(user));
    }
    await act('jiuzhu', 'submitDocument', id);
    for (const user of ['jiuzhu', 'yanglao', 'xinxi', 'admin']) {
      expect((await act(user, 'returnToDrafterDocument', id, ', reason: "x"')).errors?.[0].extensions?.code).toBe(refusal(user));
    }
    for (const user of ['jiuzhu', 'yanglao', 'lingdao', 'xinxi', 'admin']) {
      expect((await act(user, 'officeApproveDocument', id, ', confidentialityConclusion: "同意"')).errors?.[0].extensions?.code).toBe(
        refusal(user),
      );
    }
    await act('bangongshi', 'officeApproveDocument', id, ', confidentialityConclusion: "同意"');
    for (const user of ['jiuzhu', 'bangongshi', 'xinxi', 'admin']) {
      expect((await act(user, 'approveDocument', id)).errors?.[0].extensions?.code).toBe('WORKFLOW_FORBIDDEN');
    }
    expect((await act('lingdao', 'approveDocument', id)).data?.approveDocument.status).toBe('published');
    for (const user of ['jiuzhu', 'xinxi', 'admin']) {
      expect((await act(user, 'withdrawDocument', id, ', reason: "x"')).errors?.[0].extensions?.code).toBe('WORKFLOW_FORBIDDEN');
    }
    expect((await act('bangongshi', 'withdrawDocument', id, ', reason: "政策已废止"')).data?.withdrawDocument.status).toBe('withdrawn');
  });

  test('N11: withdrawing a document withdraws its interpretations, unless they interpret another public document', async () => {
    const prisma = state.t.context.sudo().prisma;
    const rules = await prisma.document.findFirstOrThrow({
      where: { title: '临沧市民政局关于全面推进民政政务公开工作的实施细则' },
      include: { interpretations: true },
    });
    const [alone] = rules.interpretations;
    const dibao = await prisma.document.findFirstOrThrow({
      where: { title: { contains: '城乡最低生活保障标准' } },
      include: { interpretations: true },
    });
    const shared = dibao.interpretations[0];
    // The 低保 interpretation also interprets the rules: it stays while the 低保 notice is public.
    await prisma.interpretation.update({ where: { id: shared.id }, data: { documents: { connect: [{ id: rules.id }] } } });
    expect((await act('bangongshi', 'withdrawDocument', rules.id, ', reason: "已废止"')).data?.withdrawDocument.status).toBe('withdrawn');
    expect((await prisma.interpretation.findUniqueOrThrow({ where: { id: alone.id } })).status).toBe('withdrawn');
    expect((await prisma.interpretation.findUniqueOrThrow({ where: { id: shared.id } })).status).toBe('published');
    expect(await prisma.auditEntry.count({ where: { interpretationId: alone.id, action: 'withdraw' } })).toBe(1);
  });

  test('a document gets its 索引号 when it is published: organisation code, year of 成文日期, next serial', async () => {
    const prisma = state.t.context.sudo().prisma;
    const draft = await prisma.document.findFirstOrThrow({ where: { title: { contains: '冬春期间困难群众' } } });
    expect(draft.indexNumber).toBeTruthy(); // the demo's drafts are numbered already; a new one is not
    const created = await as(
      'jiuzhu',
      `mutation { createDocument(data: { title: "编号测试通知", disclosure: "proactive", formationDate: "2026-11-20", body: "<p>正文</p>" }) { id } }`,
    );
    const id = created.data!.createDocument.id;
    expect((await prisma.document.findUniqueOrThrow({ where: { id } })).indexNumber).toBeNull();
    await act('jiuzhu', 'submitDocument', id);
    await act('bangongshi', 'officeApproveDocument', id, ', confidentialityConclusion: "同意"');
    await act('lingdao', 'approveDocument', id);
    const numbered = (await prisma.document.findUniqueOrThrow({ where: { id } })).indexNumber as string;
    const [last] = await prisma.document.findMany({
      where: { indexNumber: { startsWith: '11530900015183291L/2026-' }, NOT: { id } },
      orderBy: { indexNumber: 'desc' },
      take: 1,
    });
    expect(numbered).toBe(`11530900015183291L/2026-${String(Number(last.indexNumber?.slice(-5)) + 1).padStart(5, '0')}`);
    expect((await request(state.app).get(`/documents/${id}`)).text).toContain(numbered);
  });

  test('columns and site settings belong to the info-construction section; users to the admin', async () => {
    const columns = async (user: string) =>
      Boolean((await as(user, 'mutation { updateSiteSettings(data: { contact: "电话：0883-2123456" }) { id } }')).data?.updateSiteSettings);
    const users = async (user: string) =>
      Boolean(
        (await as(user, `mutation { createUser(data: { name: "新人", username: "new-${user}", password: "a-long-password" }) { id } }`))
          .data?.createUser,
      );
    expect(Object.fromEntries(await Promise.all(roles.map(async (u) => [u, await columns(u)])))).toEqual({
      jiuzhu: false,
      yanglao: false,
      bangongshi: false,
      lingdao: false,
      xinxi: true,
      admin: true,
    });
    expect(Object.fromEntries(await Promise.all(roles.map(async (u) => [u, await users(u)])))).toEqual({
      jiuzhu: false,
      yanglao: false,
      bangongshi: false,
      lingdao: false,
      xinxi: false,
      admin: true,
    });
  });
});
