// First: MEDIA_DIR is set before any module of ours is loaded.
import { mediaDir } from '../../helpers/media-dir.js';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { relationshipsToMedia, holdsItsMedia, storedMediaRelationships } from '../../../src/platform/media/usage.js';
import { eventually } from '../../helpers/eventually.js';
import { seededApi } from '../../helpers/seeded-api.js';
import { pngBytes } from '../../helpers/media-fixtures.js';

/*
 * Issue 14 #2 and #6 through the real surface: GraphQL multipart uploads (graphql-multipart-request-spec)
 * over HTTP, the /media route and the public document page, as the owner's editor (jiuzhu, 社会救助科),
 * another department's editor (yanglao, 养老服务科), the office (bangongshi) and the anonymous.
 */

const { state, as, act } = seededApi(['jiuzhu', 'yanglao', 'bangongshi', 'lingdao']);

type Body = { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };
interface Uploaded {
  id: string;
  sha256: string;
  file: { filename: string; filesize: number; url: string };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(size - 9)]);
// Uploads are checked by their content: a PNG must be one.
const png = (size: number) => pngBytes(size);

const createMedia = 'mutation($data: MediaCreateInput!) { createMedia(data: $data) { id sha256 file { filename filesize url } } }';
const updateMedia =
  'mutation($id: ID!, $data: MediaUpdateInput!) { updateMedia(where: { id: $id }, data: $data) { id title sha256 file { filename filesize url } } }';
const deleteMedia = 'mutation($id: ID!) { deleteMedia(where: { id: $id }) { id } }';

/** A multipart GraphQL request (graphql-multipart-request-spec) with files at the given variable paths. */
async function multipartFiles(
  user: string | null,
  query: string,
  variables: Record<string, unknown>,
  files: { at: string; bytes: Buffer; filename: string }[],
): Promise<Body> {
  const req = request(state.app).post('/api/graphql').set('apollo-require-preflight', 'true');
  if (user) req.set('cookie', state.cookies[user]);
  req
    .field('operations', JSON.stringify({ query, variables }))
    .field('map', JSON.stringify(Object.fromEntries(files.map((f, i) => [String(i), [`variables.${f.at}`]]))));
  files.forEach((f, i) => req.attach(String(i), f.bytes, f.filename));
  return (await req).body as Body;
}

/** One file at variables.data.file.upload, as the Admin UI sends it. */
function multipart(user: string | null, query: string, variables: Record<string, unknown>, bytes: Buffer, filename: string): Promise<Body> {
  const data = { ...(variables.data as object), file: { upload: null } };
  return multipartFiles(user, query, { ...variables, data }, [{ at: 'data.file.upload', bytes, filename }]);
}

async function upload(user: string, data: Record<string, unknown>, bytes: Buffer, filename: string): Promise<Uploaded> {
  const body = await multipart(user, createMedia, { data }, bytes, filename);
  if (!body.data?.createMedia) throw new Error(JSON.stringify(body.errors));
  return body.data.createMedia as Uploaded;
}

/** GET as raw bytes, anonymously or as a user. */
async function served(url: string, user?: string): Promise<{ status: number; bytes: Buffer }> {
  const req = request(state.app).get(url);
  if (user) req.set('cookie', state.cookies[user]);
  const res = await req.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
  return { status: res.status, bytes: res.body as Buffer };
}

/** Every file under the media directory, hidden and partial ones included, with its size and hash. */
function listing(): string[] {
  const entries: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else entries.push(`${path.relative(mediaDir, full)} ${sha256(fs.readFileSync(full))}`);
    }
  };
  walk(mediaDir);
  return entries.sort();
}

const mediaRows = () => state.t.context.prisma.media.count();
const onDisk = (filename: string) => fs.existsSync(path.join(mediaDir, filename));

async function createDraft(user: string, data: Record<string, unknown>): Promise<string> {
  const body = await as(user, 'mutation($data: DocumentCreateInput!) { createDocument(data: $data) { id } }', { data });
  if (!body.data?.createDocument) throw new Error(JSON.stringify(body.errors));
  return body.data.createDocument.id;
}

async function publish(id: string): Promise<string | undefined> {
  await act('jiuzhu', 'submitDocument', id);
  await act('bangongshi', 'officeApproveDocument', id, ', confidentialityConclusion: "不涉密，同意公开"');
  const approved = await act('lingdao', 'approveDocument', id);
  return approved.data?.approveDocument.status ?? JSON.stringify(approved.errors);
}

describe('trust #2: uploads land whole or not at all', () => {
  test('trust #2: a PDF and an image uploaded through GraphQL multipart are stored and served byte for byte, their SHA-256 recorded', async () => {
    const attachment = pdf(300_000);
    const image = png(200_000);
    const storedPdf = await upload('jiuzhu', { title: '低保申请表', kind: 'document' }, attachment, '低保申请表.pdf');
    const storedPng = await upload(
      'jiuzhu',
      { title: '救助流程图', kind: 'image', altText: '临时救助申请流程：申请、审核、公示、发放' },
      image,
      '流程图.png',
    );
    for (const [stored, bytes] of [
      [storedPdf, attachment],
      [storedPng, image],
    ] as const) {
      expect(stored.file.filesize).toBe(bytes.length);
      expect(stored.sha256).toBe(sha256(bytes));
      expect(fs.readFileSync(path.join(mediaDir, stored.file.filename)).equals(bytes)).toBe(true);
      const back = await served(stored.file.url, 'jiuzhu');
      expect(back.status).toBe(200);
      expect(back.bytes.length).toBe(bytes.length);
      expect(sha256(back.bytes)).toBe(sha256(bytes));
    }
    // The checksum is the system's: nobody writes it through the API.
    const forged = await as('jiuzhu', 'mutation($id: ID!) { updateMedia(where: { id: $id }, data: { sha256: "0000" }) { id } }', {
      id: storedPdf.id,
    });
    expect(forged.errors?.length).toBeGreaterThan(0);
    expect((await state.t.context.prisma.media.findUniqueOrThrow({ where: { id: storedPdf.id } })).sha256).toBe(sha256(attachment));

    // Published, the public document page links the attachment and serves exactly what was uploaded.
    const id = await createDraft('jiuzhu', {
      title: '临时救助申请表下载',
      disclosure: 'proactive',
      attachments: { connect: [{ id: storedPdf.id }] },
    });
    expect(await publish(id)).toBe('published');
    const page = await request(state.app).get(`/documents/${id}`);
    expect(page.text).toContain(storedPdf.file.url);
    const anonymous = await served(storedPdf.file.url);
    expect(anonymous.status).toBe(200);
    expect(sha256(anonymous.bytes)).toBe(sha256(attachment));
  });

  test('trust #2: 10 concurrent uploads are all stored and served back byte for byte', async () => {
    const files = Array.from({ length: 10 }, (_, i) => (i % 2 ? png(90_000 + i * 7_001) : pdf(120_000 + i * 13_007)));
    const stored = await Promise.all(
      files.map((bytes, i) =>
        upload(
          i % 3 ? 'jiuzhu' : 'yanglao',
          i % 2 ? { title: `图${i}`, kind: 'image', altText: `示意图${i}` } : { title: `附件${i}`, kind: 'document' },
          bytes,
          i % 2 ? `图${i}.png` : `附件${i}.pdf`,
        ),
      ),
    );
    expect(new Set(stored.map((s) => s.file.filename)).size).toBe(10);
    const back = await Promise.all(stored.map((s) => served(s.file.url, 'bangongshi')));
    back.forEach((b, i) => {
      expect(b.status).toBe(200);
      expect(b.bytes.length).toBe(files[i].length);
      expect(sha256(b.bytes)).toBe(sha256(files[i]));
      expect(stored[i].sha256).toBe(sha256(files[i]));
    });
    // Nothing half-written is left around.
    expect(listing().filter((entry) => entry.includes('.part'))).toEqual([]);
  });

  test('trust #2: a refused upload (image without alt text, .exe, oversize, wrong type, anonymous) leaves the media directory as it was and no row', async () => {
    const before = listing();
    const rows = await mediaRows();
    const refusals: [string | null, Record<string, unknown>, Buffer, string, RegExp][] = [
      ['jiuzhu', { title: '无替代文本的图片', kind: 'image' }, png(150_000), '图.png', /替代文本/],
      ['jiuzhu', { title: '安装程序', kind: 'document' }, randomBytes(100_000), 'setup.exe', /不接受该文件类型/],
      ['jiuzhu', { title: '超大字幕', kind: 'captions' }, Buffer.alloc(1_500_000, 'WEBVTT\n'), '字幕.vtt', /超过大小上限 1 MB/],
      ['jiuzhu', { title: '冒充图片的附件', kind: 'image', altText: '说明' }, pdf(80_000), '附件.pdf', /图片只接受/],
      ['jiuzhu', { title: '', kind: 'document' }, pdf(80_000), '无标题.pdf', /.+/],
      [null, { title: '匿名上传', kind: 'document' }, pdf(80_000), '匿名.pdf', /.+/],
    ];
    for (const [user, data, bytes, filename, message] of refusals) {
      const body = await multipart(user, createMedia, { data }, bytes, filename);
      expect(body.data?.createMedia ?? null).toBeNull();
      expect(body.errors?.map((e) => e.message).join('\n')).toMatch(message);
      expect(listing()).toEqual(before);
      expect(await mediaRows()).toBe(rows);
    }
  });

  test('trust #2: in a mutation of many items or a nested create, only the refused uploads are removed', async () => {
    const before = listing();
    const rows = await mediaRows();
    const kept = pdf(70_000);
    const many = await multipartFiles(
      'jiuzhu',
      'mutation($data: [MediaCreateInput!]!) { createMediaItems(data: $data) { id file { filename url } } }',
      {
        data: [
          { title: '保留的附件', kind: 'document', file: { upload: null } },
          { title: '无替代文本', kind: 'image', file: { upload: null } },
        ],
      },
      [
        { at: 'data.0.file.upload', bytes: kept, filename: '保留.pdf' },
        { at: 'data.1.file.upload', bytes: png(60_000), filename: '无替代文本.png' },
      ],
    );
    expect(many.data?.createMediaItems[1]).toBeNull();
    expect(many.errors?.[0].message).toContain('替代文本');
    const created = many.data?.createMediaItems[0] as Uploaded;
    expect(sha256((await served(created.file.url, 'jiuzhu')).bytes)).toBe(sha256(kept));
    expect(listing()).toEqual([...before, `${created.file.filename} ${sha256(kept)}`].sort());
    expect(await mediaRows()).toBe(rows + 1);

    // A document whose new attachment is refused: neither the document, the Media row nor the file remains.
    const documents = await state.t.context.prisma.document.count();
    const nested = await multipartFiles(
      'jiuzhu',
      'mutation($data: DocumentCreateInput!) { createDocument(data: $data) { id } }',
      {
        data: {
          title: '附件被拒的文件',
          disclosure: 'proactive',
          attachments: { create: [{ title: '无替代文本', kind: 'image', file: { upload: null } }] },
        },
      },
      [{ at: 'data.attachments.create.0.file.upload', bytes: png(60_000), filename: '图.png' }],
    );
    expect(nested.data?.createDocument ?? null).toBeNull();
    expect(JSON.stringify(nested.errors)).toContain('替代文本');
    expect(await state.t.context.prisma.document.count()).toBe(documents);
    expect(await mediaRows()).toBe(rows + 1);
    expect(listing()).toEqual([...before, `${created.file.filename} ${sha256(kept)}`].sort());
  });

  test('trust #2: an upload cut off in mid-stream leaves nothing behind', async () => {
    const before = listing();
    const rows = await mediaRows();
    const server = http.createServer(state.app as http.RequestListener).listen(0, '127.0.0.1');
    const cleanup: (() => void)[] = [];
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const boundary = '----gongkai-cut-off';
      const operations = JSON.stringify({
        query: createMedia,
        variables: { data: { title: '中断的上传', kind: 'document', file: { upload: null } } },
      });
      const head = [
        `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n${JSON.stringify({ 0: ['variables.data.file.upload'] })}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="cut.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ].join('');
      const req = http.request({
        host: '127.0.0.1',
        port: (server.address() as AddressInfo).port,
        path: '/api/graphql',
        method: 'POST',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length * 3 + 5_000_000),
          'apollo-require-preflight': 'true',
          cookie: state.cookies.jiuzhu,
        },
      });
      req.on('error', () => undefined);
      cleanup.push(() => req.destroy());
      req.write(head);
      req.write(pdf(400_000));
      // The server has begun writing the file, then the client goes away.
      expect(await eventually(async () => listing().some((entry) => entry.includes('.part')), 10_000)).toBe(true);
      req.destroy();
      expect(await eventually(async () => JSON.stringify(listing()) === JSON.stringify(before), 10_000)).toBe(true);
      expect(await mediaRows()).toBe(rows);
    } finally {
      for (const done of cleanup) done();
      server.close();
    }
  });
});

describe('trust #6: media are changed only by their owner or the office, never while a published item uses them', () => {
  const published = { bytes: pdf(150_000), media: {} as Uploaded, documentId: '' };
  beforeAll(async () => {
    published.media = await upload('jiuzhu', { title: '特困供养标准表', kind: 'document' }, published.bytes, '特困供养标准表.pdf');
    published.documentId = await createDraft('jiuzhu', {
      title: '关于调整特困人员供养标准的通知',
      disclosure: 'proactive',
      attachments: { connect: [{ id: published.media.id }] },
    });
    expect(await publish(published.documentId)).toBe('published');
  });

  const unchanged = async () => {
    const row = await state.t.context.prisma.media.findUnique({ where: { id: published.media.id } });
    expect(row).toMatchObject({ title: '特困供养标准表', file_filename: published.media.file.filename, sha256: sha256(published.bytes) });
    const anonymous = await served(published.media.file.url);
    expect(anonymous.status).toBe(200);
    expect(sha256(anonymous.bytes)).toBe(sha256(published.bytes));
  };

  test("trust #6: another department's editor and the anonymous can neither replace, edit nor delete a department's media", async () => {
    const draftOnly = await upload('jiuzhu', { title: '未使用的附件', kind: 'document' }, pdf(60_000), '未使用.pdf');
    const before = listing();
    for (const user of ['yanglao', null]) {
      for (const media of [published.media, draftOnly]) {
        const replaced = await multipart(user, updateMedia, { id: media.id, data: {} }, pdf(70_000), '替换.pdf');
        expect(replaced.data?.updateMedia ?? null).toBeNull();
        expect(replaced.errors?.length).toBeGreaterThan(0);
        expect((await as(user, updateMedia, { id: media.id, data: { title: '被篡改' } })).data?.updateMedia ?? null).toBeNull();
        expect((await as(user, deleteMedia, { id: media.id })).data?.deleteMedia ?? null).toBeNull();
      }
    }
    expect(listing()).toEqual(before);
    expect((await state.t.context.prisma.media.findUniqueOrThrow({ where: { id: draftOnly.id } })).title).toBe('未使用的附件');
    await unchanged();
  });

  test('trust #6: a file a published document uses is never replaced, not even by its owner or the office, and deleting it is refused naming the document', async () => {
    const before = listing();
    for (const user of ['jiuzhu', 'bangongshi']) {
      const replaced = await multipart(user, updateMedia, { id: published.media.id, data: {} }, pdf(70_000), '新版标准表.pdf');
      expect(replaced.data?.updateMedia ?? null).toBeNull();
      expect(replaced.errors?.[0].message).toContain('不能修改或替换');
      expect(replaced.errors?.[0].message).toContain('《关于调整特困人员供养标准的通知》');
      const renamed = await as(user, updateMedia, { id: published.media.id, data: { title: '改名' } });
      expect(renamed.errors?.[0].message).toContain('不能修改或替换');
      const deleted = await as(user, deleteMedia, { id: published.media.id });
      expect(deleted.data?.deleteMedia ?? null).toBeNull();
      expect(deleted.errors?.[0].message).toContain('不能删除');
      expect(deleted.errors?.[0].message).toContain('文件《关于调整特困人员供养标准的通知》');
    }
    // The refused replacement's bytes were stored while Keystone read the request, and are gone again.
    expect(listing()).toEqual(before);
    await unchanged();
    const page = await request(state.app).get(`/documents/${published.documentId}`);
    expect(page.text).toContain(published.media.file.url);
  });

  test('trust #6: the owner and the office change media no published item uses; an old file is removed only when nothing uses it', async () => {
    const first = pdf(90_000);
    const media = await upload('jiuzhu', { title: '救助对象名单（草稿）', kind: 'document' }, first, '名单.pdf');
    const draftId = await createDraft('jiuzhu', {
      title: '救助对象名单公示（草稿）',
      disclosure: 'proactive',
      attachments: { connect: [{ id: media.id }] },
    });

    // The owner replaces the file while only its draft uses it: the new bytes are served, the old file is gone.
    const second = pdf(110_000);
    const replaced = await multipart('jiuzhu', updateMedia, { id: media.id, data: {} }, second, '名单-修改.pdf');
    const after = replaced.data?.updateMedia as Uploaded;
    expect(after.sha256).toBe(sha256(second));
    expect(onDisk(media.file.filename)).toBe(false);
    expect(sha256((await served(after.file.url, 'jiuzhu')).bytes)).toBe(sha256(second));

    // The office edits it too; the owner cannot delete it while the draft uses it, and is told which.
    const officeEdit = await as('bangongshi', updateMedia, { id: media.id, data: { title: '救助对象名单' } });
    expect(officeEdit.errors).toBeUndefined();
    expect(officeEdit.data?.updateMedia.title).toBe('救助对象名单');
    const refused = await as('jiuzhu', deleteMedia, { id: media.id });
    expect(refused.errors?.[0].message).toContain('文件《救助对象名单公示（草稿）》');
    expect(onDisk(after.file.filename)).toBe(true);

    // Another department's draft that uses it is counted, never named, to someone who cannot read it.
    const otherDraft = await createDraft('yanglao', { title: '养老服务科的内部草稿', disclosure: 'proactive' });
    await state.t.context
      .sudo()
      .prisma.document.update({ where: { id: otherDraft }, data: { attachments: { connect: [{ id: media.id }] } } });
    const counted = (await as('jiuzhu', deleteMedia, { id: media.id })).errors?.[0].message;
    expect(counted).toContain('另有 1 项您无权查看的内容');
    expect(counted).not.toContain('养老服务科的内部草稿');
    expect((await as('bangongshi', deleteMedia, { id: media.id })).errors?.[0].message).toContain('文件《养老服务科的内部草稿》');
    await state.t.context
      .sudo()
      .prisma.document.update({ where: { id: otherDraft }, data: { attachments: { disconnect: [{ id: media.id }] } } });

    // A stored file another Media row still names stays on disk when this one moves on.
    const twin = await state.t.context.sudo().prisma.media.create({
      data: { title: '同一文件', kind: 'document', file_filename: after.file.filename, file_filesize: second.length },
    });
    const third = pdf(50_000);
    const again = (await multipart('jiuzhu', updateMedia, { id: media.id, data: {} }, third, '名单-再改.pdf')).data
      ?.updateMedia as Uploaded;
    expect(onDisk(after.file.filename)).toBe(true);
    await state.t.context.sudo().prisma.media.delete({ where: { id: twin.id } });

    // Unlinked, the office deletes it, and its file goes with it.
    await as(
      'jiuzhu',
      'mutation($id: ID!, $m: ID!) { updateDocument(where: { id: $id }, data: { attachments: { disconnect: [{ id: $m }] } }) { id } }',
      { id: draftId, m: media.id },
    );
    expect((await as('bangongshi', deleteMedia, { id: media.id })).data?.deleteMedia.id).toBe(media.id);
    expect(onDisk(again.file.filename)).toBe(false);
    expect(await state.t.context.prisma.media.findUnique({ where: { id: media.id } })).toBeNull();
  });

  test('trust #6: a new version goes through the workflow: a new media item attached to a revision replaces the published one when approved', async () => {
    const revision = await act('jiuzhu', 'reviseDocument', published.documentId);
    const copyId = revision.data!.reviseDocument.id as string;
    // The revision shares the published attachment, which stays frozen.
    expect((await as('jiuzhu', updateMedia, { id: published.media.id, data: { title: '改名' } })).errors?.[0].message).toContain(
      '不能修改或替换',
    );

    const newBytes = pdf(130_000);
    const newVersion = await upload('jiuzhu', { title: '特困供养标准表（2027年）', kind: 'document' }, newBytes, '特困供养标准表2027.pdf');
    const linked = await as(
      'jiuzhu',
      'mutation($id: ID!, $m: ID!) { updateDocument(where: { id: $id }, data: { attachments: { set: [{ id: $m }] } }) { id } }',
      { id: copyId, m: newVersion.id },
    );
    expect(linked.errors).toBeUndefined();
    // Until approved the public still gets the old file.
    expect(sha256((await served(published.media.file.url)).bytes)).toBe(sha256(published.bytes));
    expect((await served(newVersion.file.url)).status).toBe(404);

    expect(await publish(copyId)).toBe('merged');
    const page = await request(state.app).get(`/documents/${published.documentId}`);
    expect(page.text).toContain(newVersion.file.url);
    expect(page.text).not.toContain(published.media.file.url);
    expect(sha256((await served(newVersion.file.url)).bytes)).toBe(sha256(newBytes));
    expect((await served(published.media.file.url)).status).toBe(404);

    // The old version, now used by nothing, may go.
    expect((await as('jiuzhu', deleteMedia, { id: published.media.id })).data?.deleteMedia.id).toBe(published.media.id);
    expect(onDisk(published.media.file.filename)).toBe(false);
  });

  test('trust #6: every relationship to Media, read from the schema, keeps its media: never deleted while used, frozen while the item has left its draft', async () => {
    const relationships = relationshipsToMedia(state.t.context);
    // The publisher, which runs without Keystone, reads the same relationships as the build wrote them (S1).
    expect(storedMediaRelationships()).toEqual(relationships);
    // The schema's own list, so that it cannot pass empty; a new media field is added here by itself.
    expect(relationships.map((r) => `${r.listKey}.${r.fieldKey}`)).toEqual(
      expect.arrayContaining([
        'Document.attachments',
        'Document.inlineMedia',
        'Document.guideForms',
        'Interpretation.images',
        'Interpretation.video',
        'Interpretation.videoPoster',
        'Interpretation.videoCaptions',
        'Interpretation.inlineMedia',
        'ConsultationMeeting.materials',
        'DisclosureRequest.replyAttachment',
      ]),
    );
    const prisma = state.t.context.sudo().prisma as Record<string, any>;
    const lists = state.t.context.__internal.lists;
    let shownPublicly = 0;
    for (const relationship of relationships) {
      const list = lists[relationship.listKey];
      const delegate = prisma[list.prisma.listKey];
      const workflow = 'status' in list.fields;
      // An item that has left its draft when the list has a workflow (a public one when there is), any item otherwise.
      const where = workflow ? { status: 'published', ...('disclosure' in list.fields ? { disclosure: 'proactive' } : {}) } : {};
      const row = (await delegate.findFirst({ where, orderBy: { id: 'asc' } })) as Record<string, unknown> | null;
      expect([relationship.listKey, row !== null]).toEqual([relationship.listKey, true]);
      const media = await upload(
        'jiuzhu',
        { title: `用于${relationship.listKey}.${relationship.fieldKey}`, kind: 'image', altText: '示意' },
        png(20_000),
        '示意.png',
      );
      const link = relationship.many ? { connect: [{ id: media.id }] } : { connect: { id: media.id } };
      await delegate.update({ where: { id: row!.id }, data: { [relationship.fieldKey]: link } });

      // S1: served to the public exactly when a public document or a published interpretation links it.
      const shown =
        (relationship.listKey === 'Document' &&
          row!.status === 'published' &&
          ['proactive', 'redacted'].includes(String(row!.disclosure))) ||
        (relationship.listKey === 'Interpretation' && row!.status === 'published');
      expect([relationship.fieldKey, (await served(media.file.url)).status]).toEqual([relationship.fieldKey, shown ? 200 : 404]);
      if (shown) shownPublicly++;

      const deleted = await as('bangongshi', deleteMedia, { id: media.id });
      expect(deleted.errors?.[0].message).toContain(`${list.ui.labels.singular}《`);
      const renamed = await as('jiuzhu', updateMedia, { id: media.id, data: { title: '改名' } });
      if (holdsItsMedia(row!)) expect(renamed.errors?.[0].message).toContain('不能修改或替换');
      else expect(renamed.data?.updateMedia.title).toBe('改名');
      expect(onDisk(media.file.filename)).toBe(true);

      await delegate.update({
        where: { id: row!.id },
        data: { [relationship.fieldKey]: relationship.many ? { disconnect: [{ id: media.id }] } : { disconnect: true } },
      });
      expect((await as('jiuzhu', deleteMedia, { id: media.id })).data?.deleteMedia.id).toBe(media.id);
      expect(onDisk(media.file.filename)).toBe(false);
    }
    // Document: attachments, inline media, a guide's forms; Interpretation: images, video, poster, captions, inline media.
    expect(shownPublicly).toBe(8);
  });
});
