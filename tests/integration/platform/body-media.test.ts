// First: MEDIA_DIR is set before any module of ours is loaded.
import '../../helpers/media-dir.js';
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { seededApi } from '../../helpers/seeded-api.js';
import { pngBytes } from '../../helpers/media-fixtures.js';

/*
 * Images and attachments inserted in a body from the editor (issue 16 #1): uploaded as Media through GraphQL
 * multipart, written into the HTML, and loaded by the public only once the text that shows them is public —
 * never through the withheld full text of a 删减后公开 document or a draft (S1).
 */

const { state, as, act } = seededApi(['jiuzhu', 'yanglao', 'bangongshi', 'lingdao']);

type Body = { data?: Record<string, any> | null; errors?: { message: string }[] };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function upload(user: string, data: Record<string, unknown>, bytes: Buffer, filename: string): Promise<{ id: string; url: string }> {
  const req = request(state.app).post('/api/graphql').set('apollo-require-preflight', 'true').set('cookie', state.cookies[user]);
  req
    .field(
      'operations',
      JSON.stringify({
        query: 'mutation($data: MediaCreateInput!) { createMedia(data: $data) { id file { url } } }',
        variables: { data: { ...data, file: { upload: null } } },
      }),
    )
    .field('map', JSON.stringify({ 0: ['variables.data.file.upload'] }));
  req.attach('0', bytes, filename);
  const body = (await req).body as Body;
  if (!body.data?.createMedia) throw new Error(JSON.stringify(body.errors));
  return { id: body.data.createMedia.id, url: body.data.createMedia.file.url };
}

async function createDocument(user: string, data: Record<string, unknown>): Promise<string> {
  const body = await as(user, 'mutation($data: DocumentCreateInput!) { createDocument(data: $data) { id } }', { data });
  if (!body.data?.createDocument) throw new Error(JSON.stringify(body.errors));
  return body.data.createDocument.id;
}

async function publish(id: string): Promise<void> {
  const submitted = await act('jiuzhu', 'submitDocument', id);
  if (submitted.errors) throw new Error(JSON.stringify(submitted.errors));
  await act('bangongshi', 'officeApproveDocument', id, ', confidentialityConclusion: "不涉密，同意公开"');
  expect((await act('lingdao', 'approveDocument', id)).data?.approveDocument.status).toBe('published');
}

const anonymousGet = (url: string) => request(state.app).get(url);

describe('media in a body', () => {
  test('an image and an attachment inserted in the body are public, byte for byte, once the document is; not before', async () => {
    const picture = pngBytes(3000);
    const image = await upload('jiuzhu', { title: '救助流程图', kind: 'image', altText: '临时救助申请流程图' }, picture, '流程图.png');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const attachment = await upload('jiuzhu', { title: '申请表', kind: 'document' }, pdf, '申请表.pdf');
    expect(image.url).toMatch(/^\/media\/[^/]+\.png$/);

    const id = await createDocument('jiuzhu', {
      title: '临时救助申请指引（含流程图）',
      disclosure: 'proactive',
      body: `<p>申请流程如下：</p><p><img src="${image.url}" alt="临时救助申请流程图"></p><p>下载<a href="${attachment.url}">申请表</a>。</p>`,
    });
    const linked = await state.t.context.prisma.document.findUniqueOrThrow({ where: { id }, include: { inlineMedia: true } });
    expect(linked.inlineMedia.map((m) => m.id).sort()).toEqual([image.id, attachment.id].sort());
    // A draft's images are the department's business until it is published.
    expect((await anonymousGet(image.url)).status).toBe(404);

    await publish(id);
    const page = await anonymousGet(`/documents/${id}`);
    expect(page.text).toContain(`<img src="${image.url}" alt="临时救助申请流程图"`);
    expect(page.text).toContain(`<a href="${attachment.url}">申请表</a>`);
    const served = await anonymousGet(image.url).buffer(true);
    expect(served.status).toBe(200);
    expect(sha256(served.body as Buffer)).toBe(sha256(picture));
    expect((await anonymousGet(attachment.url)).status).toBe(200);
  });

  test('S1: an image only in the withheld full text of a 删减后公开 document stays private; one in its redacted text is public', async () => {
    const withheld = await upload('jiuzhu', { title: '救助对象名单照片', kind: 'image', altText: '名单照片' }, pngBytes(3100), '名单.png');
    const shown = await upload(
      'jiuzhu',
      { title: '资金发放示意图', kind: 'image', altText: '资金发放示意图' },
      pngBytes(3200),
      '示意图.png',
    );
    const id = await createDocument('jiuzhu', {
      title: '临时救助名单公示（删减后公开）',
      disclosure: 'redacted',
      disclosureReason: '名单含个人隐私，删减后公开',
      body: `<p>名单：</p><p><img src="${withheld.url}" alt="名单照片"></p>`,
      redactedBody: `<p>发放情况：</p><p><img src="${shown.url}" alt="资金发放示意图"></p>`,
    });
    await publish(id);
    expect((await anonymousGet(shown.url)).status).toBe(200);
    expect((await anonymousGet(withheld.url)).status).toBe(404);
    expect((await anonymousGet(`/documents/${id}`)).text).not.toContain(withheld.url);
  });

  test('N16: an image without its text alternative cannot be submitted, and the refusal says where and what to do', async () => {
    const image = await upload('jiuzhu', { title: '示意图', kind: 'image', altText: '示意图' }, pngBytes(3300), '示意.png');
    const id = await createDocument('jiuzhu', {
      title: '缺少替代文本的通知',
      disclosure: 'proactive',
      body: `<p>见图：<img src="${image.url}" alt=""></p>`,
    });
    const refused = await act('jiuzhu', 'submitDocument', id);
    expect(refused.errors?.[0].message).toContain('正文中有 1 张图片没有替代文本');
  });

  test('S1: a body cannot make another department’s file public by naming it, nor can the link be written directly', async () => {
    const theirs = await upload(
      'jiuzhu',
      { title: '社会救助科内部测算表', kind: 'document' },
      Buffer.from('%PDF-1.4\n%%EOF\n'),
      '测算表.pdf',
    );
    const refused = await as('yanglao', 'mutation($data: DocumentCreateInput!) { createDocument(data: $data) { id } }', {
      data: { title: '养老服务通知', disclosure: 'proactive', body: `<p>详见<a href="${theirs.url}">附件</a>。</p>` },
    });
    expect(refused.data?.createDocument ?? null).toBeNull();
    expect(refused.errors?.[0].message).toContain(`正文中有不是本科室上传的文件（${theirs.url.slice('/media/'.length)}）`);

    const own = await createDocument('yanglao', { title: '养老服务补贴发放通知', disclosure: 'proactive', body: '<p>正文</p>' });
    const written = await as(
      'yanglao',
      'mutation($id: ID!, $media: ID!) { updateDocument(where: { id: $id }, data: { inlineMedia: { connect: [{ id: $media }] } }) { id } }',
      {
        id: own,
        media: theirs.id,
      },
    );
    expect(written.errors?.length).toBeGreaterThan(0);
    const linked = await state.t.context.prisma.document.findUniqueOrThrow({ where: { id: own }, include: { inlineMedia: true } });
    expect(linked.inlineMedia).toEqual([]);
  });

  test('the link follows the public text on every save: a body’s image becomes linked when the attribute becomes 主动公开', async () => {
    const image = await upload('jiuzhu', { title: '示意图', kind: 'image', altText: '救助示意图' }, pngBytes(3400), '示意2.png');
    const id = await createDocument('jiuzhu', {
      title: '依申请公开的救助说明',
      disclosure: 'onRequest',
      disclosureReason: '涉及个案，依申请公开',
      body: `<p><img src="${image.url}" alt="救助示意图"></p>`,
    });
    const links = async () =>
      (await state.t.context.prisma.document.findUniqueOrThrow({ where: { id }, include: { inlineMedia: true } })).inlineMedia.map(
        (m) => m.id,
      );
    expect(await links()).toEqual([]);
    await as('jiuzhu', 'mutation($id: ID!) { updateDocument(where: { id: $id }, data: { disclosure: "proactive" }) { id } }', { id });
    expect(await links()).toEqual([image.id]);
  });

  test('N9: what an editor cannot smuggle in: foreign images, scripts and styles are gone when saved', async () => {
    const id = await createDocument('yanglao', {
      title: '养老服务补贴通知',
      disclosure: 'proactive',
      body: '<p style="color:red" onclick="x()">正文<script>alert(1)</script><img src="https://tracker.example/p.gif" alt="跟踪"></p><table><tbody><tr><td><p>1</p></td></tr></tbody></table>',
    });
    const stored = await state.t.context.prisma.document.findUniqueOrThrow({ where: { id } });
    expect(stored.body).toBe('<p>正文</p><table><tbody><tr><td><p>1</p></td></tr></tbody></table>');
  });
});
