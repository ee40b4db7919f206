// First: MEDIA_DIR is set before any module of ours is loaded.
import { mediaDir } from '../../helpers/media-dir.js';
import fs from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { seededApi } from '../../helpers/seeded-api.js';
import { mp4Bytes, pngBytes, webvttBytes } from '../../helpers/media-fixtures.js';
import { renderChartSvg } from '../../../src/platform/charts/svg.js';
import { parseChart } from '../../../src/platform/charts/table.js';
import { chartFigure } from '../../../src/platform/content/rich-html.js';

/*
 * Issue 19 items 1–2 through the real surface: chart blocks saved through GraphQL and drawn on the public
 * page, at their SVG address and in the feeds; uploads refused by their content; videos without captions or
 * a poster and 长图 without 文字版 refused at submission (N16).
 */

const { state, as, act } = seededApi(['jiuzhu', 'bangongshi', 'lingdao']);

type Body = { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };

const png = () => pngBytes(2000);
const mp4 = () => mp4Bytes(4000);
const webvtt = () => webvttBytes('城市低保标准由每人每月800元提高到840元。');

const createMedia = 'mutation($data: MediaCreateInput!) { createMedia(data: $data) { id } }';

async function uploadAs(user: string, data: Record<string, unknown>, bytes: Buffer, filename: string): Promise<Body> {
  const req = request(state.app).post('/api/graphql').set('apollo-require-preflight', 'true').set('cookie', state.cookies[user]);
  req
    .field('operations', JSON.stringify({ query: createMedia, variables: { data: { ...data, file: { upload: null } } } }))
    .field('map', JSON.stringify({ 0: ['variables.data.file.upload'] }));
  req.attach('0', bytes, filename);
  return (await req).body as Body;
}

async function upload(data: Record<string, unknown>, bytes: Buffer, filename: string): Promise<string> {
  const body = await uploadAs('jiuzhu', data, bytes, filename);
  if (!body.data?.createMedia) throw new Error(JSON.stringify(body.errors));
  return body.data.createMedia.id;
}

const chartBlock = (props: Record<string, string>) => chartFigure(props);
const standards = {
  kind: 'compare',
  title: '特困人员基本生活标准调整（每人每月）',
  unit: '元',
  source: '临沧市民政局社会救助科',
  data: '类别\t调整前\t调整后\n城市特困人员\t1040\t1092\n农村特困人员\t650\t689',
};

/** A draft interpretation of the demo's published 低保 document, by 社会救助科. */
async function draftInterpretation(data: Record<string, unknown>): Promise<string> {
  const doc = await state.t.context.prisma.document.findFirstOrThrow({
    where: { title: { contains: '最低生活保障标准' }, status: 'published' },
  });
  const body = await as('jiuzhu', 'mutation($data: InterpretationCreateInput!) { createInterpretation(data: $data) { id } }', {
    data: {
      documents: { connect: [{ id: doc.id }] },
      body: '<p>问：特困人员的标准调整了吗？答：同步提高。</p>',
      ...data,
    },
  });
  if (!body.data?.createInterpretation) throw new Error(JSON.stringify(body.errors));
  return body.data.createInterpretation.id;
}

async function publishInterpretation(id: string): Promise<Body> {
  const submitted = await act('jiuzhu', 'submitInterpretation', id);
  if (submitted.errors) return submitted;
  await act('bangongshi', 'officeApproveInterpretation', id, ', confidentialityConclusion: "不涉密，同意公开"');
  return act('lingdao', 'approveInterpretation', id);
}

const filesOnDisk = () => fs.readdirSync(mediaDir).length;

describe('issue 19: uploads are checked by their content, not their name', () => {
  test('N16: a picture renamed to .mp4 is refused with what it really is, and leaves no row and no file', async () => {
    const [rows, files] = [await state.t.context.prisma.media.count(), filesOnDisk()];
    const refused = await uploadAs('jiuzhu', { title: '解读视频', kind: 'video' }, png(), '解读视频.mp4');
    expect(refused.data?.createMedia ?? null).toBeNull();
    expect(refused.errors?.[0].message).toContain(
      '文件“解读视频”（.mp4）的内容不是MP4 视频，实际内容是 PNG 格式：请上传真实的MP4 视频，不能只改文件扩展名',
    );
    const notCaptions = await uploadAs(
      'jiuzhu',
      { title: '解读字幕', kind: 'captions' },
      Buffer.from('1\n00:00:00,000 --> 00:00:02,000\n字幕\n'),
      '字幕.vtt',
    );
    expect(notCaptions.errors?.[0].message).toContain('字幕文件“解读字幕”（.vtt）不是 WebVTT 格式');
    expect(await state.t.context.prisma.media.count()).toBe(rows);
    expect(filesOnDisk()).toBe(files);
  });

  test('files whose bytes are what their names say are stored', async () => {
    expect(await upload({ title: '视频', kind: 'video' }, mp4(), '视频.mp4')).toBeTruthy();
    expect(await upload({ title: '字幕', kind: 'captions' }, webvtt(), '字幕.vtt')).toBeTruthy();
  });
});

describe('issue 19: a video needs captions and a poster, a 长图 its 文字版 (N16)', () => {
  test('N16: a video interpretation without captions cannot be submitted; with captions and a poster it is published and played natively', async () => {
    const video = await upload({ title: '低保提标解读视频', kind: 'video' }, mp4(), '解读.mp4');
    const poster = await upload({ title: '视频封面', kind: 'image', altText: '低保提标解读视频封面' }, png(), '封面.png');
    const id = await draftInterpretation({ title: '视频解读：特困人员供养标准提高了', form: 'video', video: { connect: { id: video } } });

    const withoutEither = await act('jiuzhu', 'submitInterpretation', id);
    expect(withoutEither.errors?.[0].extensions?.code).toBe('WORKFLOW_CHECKS_FAILED');
    expect(withoutEither.errors?.[0].message).toContain('视频“低保提标解读视频”没有字幕：请上传 WebVTT（.vtt）格式的字幕文件');
    expect(withoutEither.errors?.[0].message).toContain('视频“低保提标解读视频”没有封面');

    await as(
      'jiuzhu',
      'mutation($id: ID!, $poster: ID!) { updateInterpretation(where: { id: $id }, data: { videoPoster: { connect: { id: $poster } } }) { id } }',
      { id, poster },
    );
    const withoutCaptions = await act('jiuzhu', 'submitInterpretation', id);
    expect(withoutCaptions.errors?.[0].extensions?.code).toBe('WORKFLOW_CHECKS_FAILED');
    expect(withoutCaptions.errors?.[0].message).toContain('没有字幕');
    expect(withoutCaptions.errors?.[0].message).not.toContain('没有封面');
    expect((await state.t.context.prisma.interpretation.findUniqueOrThrow({ where: { id } })).status).toBe('draft');

    const captions = await upload({ title: '解读视频字幕', kind: 'captions' }, webvtt(), '解读.vtt');
    await as(
      'jiuzhu',
      'mutation($id: ID!, $captions: ID!) { updateInterpretation(where: { id: $id }, data: { videoCaptions: { connect: { id: $captions } } }) { id } }',
      { id, captions },
    );
    expect((await publishInterpretation(id)).data?.approveInterpretation.status).toBe('published');
    const page = await request(state.app).get(`/interpretations/${id}`);
    expect(page.text).toMatch(/<video controls preload="none" playsinline poster="\/media\/[\w.-]+\.png"/);
    expect(page.text).toMatch(/<track kind="captions" src="\/media\/[\w.-]+\.vtt" srclang="zh" label="中文字幕" default>/);
  });

  test('N16: a 长图 without its 文字版 cannot be submitted; with it, the page shows the text beside the picture', async () => {
    const longImage = await upload(
      { title: '一图读懂特困供养标准', kind: 'longImage', altText: '特困人员供养标准调整长图' },
      png(),
      '长图.png',
    );
    const id = await draftInterpretation({
      title: '图解：特困人员供养标准提高了',
      form: 'graphic',
      images: { connect: [{ id: longImage }] },
    });
    const refused = await act('jiuzhu', 'submitInterpretation', id);
    expect(refused.errors?.[0].extensions?.code).toBe('WORKFLOW_CHECKS_FAILED');
    expect(refused.errors?.[0].message).toContain(
      '长图“一图读懂特困供养标准”没有文字版：请在媒体文件的“文字版”中按阅读顺序填写长图上的全部文字',
    );
    const findings = await as('jiuzhu', 'query($id: ID!) { interpretation(where: { id: $id }) { status preflightFindings } }', { id });
    expect(findings.data?.interpretation).toEqual({
      status: 'draft',
      preflightFindings: [expect.objectContaining({ rule: 'N16', code: 'LONG_IMAGE_TEXT_MISSING', blocking: true })],
    });

    const text = '特困人员基本生活标准同步提高。\n城市特困人员每人每月1092元，农村特困人员每人每月689元。';
    await as('jiuzhu', 'mutation($id: ID!, $text: String) { updateMedia(where: { id: $id }, data: { textVersion: $text }) { id } }', {
      id: longImage,
      text,
    });
    expect((await publishInterpretation(id)).data?.approveInterpretation.status).toBe('published');
    const page = await request(state.app).get(`/interpretations/${id}`);
    expect(page.text).toContain('<div class="long-image">');
    expect(page.text).toContain(
      '<h2 id="text-version-0">文字版：一图读懂特困供养标准</h2><p>特困人员基本生活标准同步提高。</p><p>城市特困人员每人每月1092元，农村特困人员每人每月689元。</p>',
    );
  });
});

describe('issue 19: charts from data', () => {
  test('N16: a chart block with bad data cannot be submitted, and says what to fix', async () => {
    const id = await draftInterpretation({
      title: '图表解读：数据有误的图表',
      form: 'chart',
      body: '<p>见下图。</p>' + chartBlock({ ...standards, data: '类别\t调整前\t调整后\n城市特困人员\t1040\t约1092' }),
    });
    const refused = await act('jiuzhu', 'submitInterpretation', id);
    expect(refused.errors?.[0].extensions?.code).toBe('WORKFLOW_CHECKS_FAILED');
    expect(refused.errors?.[0].message).toContain(
      '解读正文中的第 1 个图表“特困人员基本生活标准调整（每人每月）”数据有误：第 2 行“调整后”列的“约1092”不是数字',
    );
  });

  test('N16: a chart entered as a table is drawn on the page with its sentence and data, served as the same SVG bytes, and in the feeds as an image with alt text', async () => {
    const id = await draftInterpretation({
      title: '图表解读：特困人员供养标准提高了',
      form: 'chart',
      body: '<p>问：调整了多少？</p>' + chartBlock(standards),
    });
    expect((await publishInterpretation(id)).data?.approveInterpretation.status).toBe('published');

    const page = await request(state.app).get(`/interpretations/${id}`);
    expect(page.text).toContain(
      '<p class="chart-summary">城市特困人员由1040元提高到1092元，增幅5%；农村特困人员由650元提高到689元，增幅6%。</p>',
    );
    expect(page.text).toContain(
      '<tr><th scope="row">城市特困人员</th><td>1040</td><td>1092</td></tr><tr><th scope="row">农村特困人员</th><td>650</td><td>689</td></tr>',
    );

    const expected = await renderChartSvg(parseChart(standards).chart!);
    const svg = await request(state.app).get(`/interpretations/${id}/charts/1.svg`).buffer(true);
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(svg.body.toString()).toBe(expected);
    expect(page.text).toContain(expected);
    expect((await request(state.app).get(`/interpretations/${id}/charts/2.svg`)).status).toBe(404);
    expect((await request(state.app).get(`/interpretations/${id}/charts/x.svg`)).status).toBe(404);

    const rss = (await request(state.app).get('/feed.xml')).text;
    const alt =
      '两值对比“特困人员基本生活标准调整（每人每月）”。城市特困人员由1040元提高到1092元，增幅5%；农村特困人员由650元提高到689元，增幅6%。数据：城市特困人员：调整前1040元，调整后1092元；农村特困人员：调整前650元，调整后689元。数据来源：临沧市民政局社会救助科。';
    // The description is HTML, escaped once more as XML text.
    expect(rss).toContain(`&lt;img src=&quot;http://localhost:3000/interpretations/${id}/charts/1.svg&quot; alt=&quot;${alt}&quot;&gt;`);
    const atom = (await request(state.app).get('/atom.xml')).text;
    expect(atom).toContain(`<content type="html">`);
    expect(atom).toContain(`/interpretations/${id}/charts/1.svg&quot; alt=&quot;${alt}`);
  });

  test('N16: a document draws the charts of the text the public reads: the body, or only the redacted text of 删减后公开 (S1)', async () => {
    const create = async (data: Record<string, unknown>) => {
      const body = await as('jiuzhu', 'mutation($data: DocumentCreateInput!) { createDocument(data: $data) { id } }', { data });
      if (!body.data?.createDocument) throw new Error(JSON.stringify(body.errors));
      const id: string = body.data.createDocument.id;
      await act('jiuzhu', 'submitDocument', id);
      await act('bangongshi', 'officeApproveDocument', id, ', confidentialityConclusion: "不涉密，同意公开"');
      expect((await act('lingdao', 'approveDocument', id)).data?.approveDocument.status).toBe('published');
      return id;
    };
    const longImage = await upload(
      { title: '特困供养标准长图', kind: 'longImage', altText: '特困供养标准调整长图', textVersion: '城市特困人员每人每月1092元。' },
      png(),
      '长图.png',
    );
    const proactive = await create({
      title: '关于调整特困人员基本生活标准的通知',
      disclosure: 'proactive',
      body: '<p>标准调整如下。</p>' + chartBlock(standards),
      attachments: { connect: [{ id: longImage }] },
    });
    const docPage = (await request(state.app).get(`/documents/${proactive}`)).text;
    expect(docPage).toContain('<p class="chart-summary">城市特困人员由1040元提高到1092元，增幅5%');
    // A 长图 attached to a document shows beside its 文字版 too.
    expect(docPage).toContain('<h2 id="text-version-0">文字版：特困供养标准长图</h2><p>城市特困人员每人每月1092元。</p>');
    expect((await request(state.app).get(`/documents/${proactive}/charts/1.svg`)).status).toBe(200);

    const inside = { ...standards, title: '内部测算（不公开）', data: '类别\t调整前\t调整后\n内部口径\t1\t2' };
    const redacted = await create({
      title: '关于特困人员供养资金测算的通知',
      disclosure: 'redacted',
      disclosureReason: '含内部测算数据，删减后公开',
      body: chartBlock(inside),
      redactedBody: '<p>标准调整如下。</p>' + chartBlock(standards),
    });
    const page = (await request(state.app).get(`/documents/${redacted}`)).text;
    expect(page).toContain('城市特困人员由1040元提高到1092元');
    expect(page).not.toContain('内部测算');
    const svg = (await request(state.app).get(`/documents/${redacted}/charts/1.svg`).buffer(true)).body.toString();
    expect(svg).toContain('特困人员基本生活标准调整');
    expect(svg).not.toContain('内部');
  });

  test("a draft's chart is not served, and the demo 图解 shows two charts from its own figures", async () => {
    const draft = await draftInterpretation({ title: '图表解读：草稿', form: 'chart', body: chartBlock(standards) });
    expect((await request(state.app).get(`/interpretations/${draft}/charts/1.svg`)).status).toBe(404);

    const demo = await state.t.context.prisma.interpretation.findFirstOrThrow({
      where: { title: { startsWith: '图解：' }, status: 'published' },
    });
    const page = await request(state.app).get(`/interpretations/${demo.id}`);
    expect(page.text.match(/<figure class="chart">/g)).toHaveLength(2);
    expect(page.text).toContain('城市低保标准由800元提高到840元，增幅5%；农村低保标准由500元提高到530元，增幅6%。');
    expect(page.text).toContain('人数最高的是农村低保对象（17.3万人），最低的是城市低保对象（1.06万人）。');
  });
});
