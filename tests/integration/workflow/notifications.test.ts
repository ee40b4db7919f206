import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { seededApi } from '../../helpers/seeded-api.js';
import { eventually } from '../../helpers/eventually.js';
import { robotMessagesSent } from '../../../src/workflow/operations/notifications.js';
import { logger } from '../../../src/platform/logging/logger.js';

/*
 * Issue 16, 流程可见, as the people concerned meet it through the API: 社会救助科's editor (jiuzhu) drafts and
 * submits, the office (bangongshi) returns with a reason, the leader (lingdao) approves; 养老服务科's editor
 * (yanglao) is the neighbour who must learn nothing of it. Robots are a local HTTP server.
 */
// Seeding the demo on PostgreSQL, when no other file has yet, takes more than Jest's minute on a busy machine.
jest.setTimeout(240_000);
const { state, as, act } = seededApi(['jiuzhu', 'yanglao', 'bangongshi', 'lingdao', 'admin']);
const prisma = () => state.t.context.sudo().prisma;

interface Received {
  url: string;
  body: { msgtype: string; markdown: { content?: string; text?: string } };
}
const received: Received[] = [];
/** Requests to a robot that answers only when the test says so (`/held/…`). */
const held: (() => void)[] = [];
let robot: http.Server;
let origin: string;
const previousAllow = process.env.GONGKAI_OUTBOUND_ALLOW;

beforeAll(async () => {
  robot = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body: JSON.parse(data) });
      res.setHeader('content-type', 'application/json');
      const answer = () => res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      if (req.url?.startsWith('/held/')) held.push(answer);
      else answer();
    });
  });
  await new Promise<void>((r) => robot.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(robot.address() as AddressInfo).port}`;
  process.env.GONGKAI_OUTBOUND_ALLOW = '127.0.0.1';
  // 社会救助科 has a 企业微信 group robot, 局办公室 a 钉钉 one; 养老服务科 none.
  await prisma().department.update({
    where: { code: 'assistance' },
    data: { robotWebhooks: `企业微信 ${origin}/wecom/assistance?key=k1` },
  });
  await prisma().department.update({
    where: { code: 'office' },
    data: { robotWebhooks: `钉钉 ${origin}/dingtalk/office?access_token=t2` },
  });
});
afterAll(async () => {
  if (previousAllow === undefined) delete process.env.GONGKAI_OUTBOUND_ALLOW;
  else process.env.GONGKAI_OUTBOUND_ALLOW = previousAllow;
  robot.closeAllConnections();
  await new Promise<void>((r) => robot.close(() => r()));
});

const notificationsOf = async (username: string) =>
  ((await as(username, '{ notifications(orderBy: { createdAt: asc }) { id kind itemTitle message read document { id } } }')).data
    ?.notifications ?? []) as {
    id: string;
    kind: string;
    itemTitle: string;
    message: string;
    read: boolean;
    document: { id: string } | null;
  }[];

async function draft(title: string): Promise<string> {
  const body = await as('jiuzhu', 'mutation($data: DocumentCreateInput!) { createDocument(data: $data) { id } }', {
    data: { title, disclosure: 'proactive', openCategory: 'decision' },
  });
  if (!body.data?.createDocument) throw new Error(JSON.stringify(body.errors));
  return body.data.createDocument.id as string;
}

let id: string;
const title = '关于调整临时救助标准的通知（通知测试）';

describe('issue 16: the workflow tells the next reviewer and the drafter, in the Admin UI and to the robots', () => {
  test('a submission tells every office reviewer (and the office robot), nobody else', async () => {
    id = await draft(title);
    expect((await act('jiuzhu', 'submitDocument', id)).data?.submitDocument.status).toBe('submitted');
    const office = await notificationsOf('bangongshi');
    expect(office.map((n) => [n.kind, n.itemTitle, n.message, n.read, n.document?.id])).toEqual([
      ['awaitingReview', title, `杨晓梅提交了文件《${title}》，请审核。`, false, id],
    ]);
    expect(await notificationsOf('jiuzhu')).toEqual([]);
    expect(await notificationsOf('lingdao')).toEqual([]);
    // The rows: one per office reviewer, none for anyone else.
    const reviewers = await prisma().user.count({ where: { role: 'officeReviewer', isActive: true } });
    expect(await prisma().notification.count({ where: { documentId: id } })).toBe(reviewers);
    await robotMessagesSent();
    expect(received.map((r) => r.url)).toEqual(['/dingtalk/office?access_token=t2']);
    expect(received[0].body.markdown.text).toContain(`杨晓梅提交了文件《${title}》，请审核。`);
  });

  test('a return tells the drafter why (and her department robot), and marks the draft 已退文 in the list', async () => {
    received.length = 0;
    await act('bangongshi', 'startReviewDocument', id);
    const returned = await act('bangongshi', 'returnToDrafterDocument', id, ', reason: "请补充资金来源和发放标准"');
    expect(returned.data?.returnToDrafterDocument.status).toBe('draft');
    const mine = await notificationsOf('jiuzhu');
    expect(mine.map((n) => [n.kind, n.message])).toEqual([
      ['returned', `文件《${title}》已被张丽退文，原因：请补充资金来源和发放标准。请修改后重新提交。`],
    ]);
    await robotMessagesSent();
    expect(received.map((r) => r.url)).toEqual(['/wecom/assistance?key=k1']);
    expect(received[0].body.markdown.content).toContain('原因：请补充资金来源和发放标准');
    // The list's mark and its filter: a stored value, not worked out per row.
    const listed = await as('jiuzhu', '{ documents(where: { flowMark: { equals: "returned" } }) { id title flowMark } }');
    expect(listed.data?.documents).toContainEqual({ id, title, flowMark: 'returned' });
    // Resubmitted, it is no longer marked, and the office is told again.
    await act('jiuzhu', 'submitDocument', id);
    expect((await prisma().document.findUniqueOrThrow({ where: { id } })).flowMark).toBeNull();
    expect((await notificationsOf('bangongshi')).map((n) => n.kind)).toEqual(['awaitingReview', 'awaitingReview']);
  });

  test('a step answers once committed: it does not wait for a slow robot, which is still sent the message', async () => {
    await prisma().department.update({
      where: { code: 'office' },
      data: { robotWebhooks: `钉钉 ${origin}/held/office?access_token=t3` },
    });
    const failures = jest.spyOn(logger, 'error');
    try {
      received.length = 0;
      const slow = await draft('关于慢速机器人的测试通知');
      expect((await act('jiuzhu', 'submitDocument', slow)).data?.submitDocument.status).toBe('submitted');
      // The step has answered while the robot holds the request; answered now, the message is delivered, not given up
      // on (a step that waited for the robot would have answered only when the sender's 5 s ran out, the send failed).
      expect(await eventually(async () => held.length === 1)).toBe(true);
      held[0]();
      await robotMessagesSent();
      expect(received.map((r) => r.url)).toEqual(['/held/office?access_token=t3']);
      expect(failures.mock.calls.map((call) => call[1])).not.toContain('workflow notice not delivered');
    } finally {
      await prisma().department.update({
        where: { code: 'office' },
        data: { robotWebhooks: `钉钉 ${origin}/dingtalk/office?access_token=t2` },
      });
      failures.mockRestore();
    }
  });

  test('the office approval tells the leaders; a refused step tells nobody', async () => {
    const before = await prisma().notification.count();
    // Refused (the leader cannot approve before the office): nothing written.
    expect((await act('lingdao', 'approveDocument', id)).errors).toBeTruthy();
    expect(await prisma().notification.count()).toBe(before);
    await act('bangongshi', 'officeApproveDocument', id, ', confidentialityConclusion: "不涉密，同意公开"');
    expect((await notificationsOf('lingdao')).map((n) => [n.kind, n.message])).toEqual([
      ['awaitingApproval', `文件《${title}》已通过局办公室审核，请审批。`],
    ]);
  });

  test('a notification is its recipient’s alone: another editor, and the admin, neither read nor mark it', async () => {
    const [mine] = await notificationsOf('jiuzhu');
    for (const other of ['yanglao', 'admin']) {
      expect(await notificationsOf(other)).toEqual([]);
      const one = await as(other, 'query($id: ID!) { notification(where: { id: $id }) { id message } }', { id: mine.id });
      expect(one.data?.notification).toBeNull();
      const marked = await as(other, 'mutation($id: ID!) { updateNotification(where: { id: $id }, data: { read: true }) { id } }', {
        id: mine.id,
      });
      expect(marked.data?.updateNotification ?? null).toBeNull();
    }
    expect((await prisma().notification.findUniqueOrThrow({ where: { id: mine.id } })).read).toBe(false);
    // Anonymous: nothing.
    expect((await as(null, '{ notificationsCount }')).data?.notificationsCount ?? 0).toBe(0);
    // The recipient marks it read, and can change nothing else.
    const read = await as('jiuzhu', 'mutation($id: ID!) { updateNotification(where: { id: $id }, data: { read: true }) { read } }', {
      id: mine.id,
    });
    expect(read.data?.updateNotification).toEqual({ read: true });
    const rewrite = await as('jiuzhu', 'mutation($id: ID!) { updateNotification(where: { id: $id }, data: { message: "x" }) { id } }', {
      id: mine.id,
    });
    expect(rewrite.errors).toBeTruthy();
    expect((await prisma().notification.findUniqueOrThrow({ where: { id: mine.id } })).message).toContain('请补充资金来源');
  });

  test('a department robot address is the admin’s to read and set, not an editor’s', async () => {
    const asked = await as('yanglao', '{ departments(where: { code: { equals: "assistance" } }) { name robotWebhooks } }');
    expect(asked.data?.departments?.[0]?.robotWebhooks ?? null).toBeNull();
    const admin = await as('admin', '{ departments(where: { code: { equals: "assistance" } }) { robotWebhooks } }');
    expect(admin.data?.departments[0].robotWebhooks).toBe(`企业微信 ${origin}/wecom/assistance?key=k1`);
  });
});

describe('issue 16: each document shows its own 流转记录 and versions, and its drafter can preview it', () => {
  const pageOf = 'query($id: ID!) { document(where: { id: $id }) { title preview trail } }';

  test('the item page trail: every step with actor, action and reason, and the versions of each submission', async () => {
    const doc = (await as('jiuzhu', pageOf, { id })).data?.document as { trail: string };
    const trail = JSON.parse(doc.trail) as {
      entries: { actorName: string; action: string; from: string; to: string; reason: string }[];
      versions: { number: number; kind: string; by: string }[];
    };
    expect(trail.entries.map((e) => [e.actorName, e.action, e.from, e.to, e.reason])).toEqual([
      ['杨晓梅', '提交审核', '草稿', '已提交', ''],
      ['张丽', '开始审核', '已提交', '局办公室审核', ''],
      ['张丽', '退文', '局办公室审核', '草稿', '请补充资金来源和发放标准'],
      ['杨晓梅', '提交审核', '草稿', '已提交', ''],
      ['张丽', '审核通过', '已提交', '领导审批', '不涉密，同意公开'],
    ]);
    expect(trail.versions.map((v) => [v.number, v.kind, v.by])).toEqual([
      [1, '提交稿', '杨晓梅'],
      [2, '提交稿', '杨晓梅'],
    ]);
  });

  test('a preview link for the drafting department, the office and the leaders; none for a neighbour or anonymous', async () => {
    for (const user of ['jiuzhu', 'bangongshi', 'lingdao']) {
      const link = (await as(user, pageOf, { id })).data?.document.preview as string;
      expect(link).toMatch(new RegExp(`^/preview/documents/${id}\\?expires=\\d+&signature=`));
      const shown = await request(state.app).get(link);
      expect(shown.status).toBe(200);
      expect(shown.text).toContain(title);
    }
    // 养老服务科 cannot read the draft at all; anonymous neither.
    expect((await as('yanglao', pageOf, { id })).data?.document).toBeNull();
    expect((await as(null, pageOf, { id })).data?.document ?? null).toBeNull();
    expect((await request(state.app).get(`/preview/documents/${id}`)).status).toBe(403);
  });

  test('on a published document another department reads, its 流转记录 and preview stay its own department’s', async () => {
    const published = await prisma().document.findFirstOrThrow({
      where: { status: 'published', disclosure: 'proactive', department: { code: 'assistance' } },
    });
    const neighbour = (await as('yanglao', pageOf, { id: published.id })).data?.document as { preview: string | null; trail: string };
    expect(neighbour.preview).toBeNull();
    expect(JSON.parse(neighbour.trail).entries).toEqual([]);
    const own = (await as('jiuzhu', pageOf, { id: published.id })).data?.document as { trail: string };
    expect(JSON.parse(own.trail).entries.length).toBeGreaterThan(0);
    // The 流转记录 list names each entry's document.
    const entries = await as('jiuzhu', 'query($id: ID!) { auditEntries(where: { document: { id: { equals: $id } } }) { itemTitle } }', {
      id,
    });
    expect((entries.data?.auditEntries as { itemTitle: string }[]).map((e) => e.itemTitle)).toEqual(Array(5).fill(title));
    expect(await as('yanglao', 'query($id: ID!) { auditEntriesCount(where: { document: { id: { equals: $id } } }) }', { id })).toEqual({
      data: { auditEntriesCount: 0 },
    });
  });
});
