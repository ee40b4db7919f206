// First: MEDIA_DIR is set before any module of ours is loaded.
import '../../helpers/media-dir.js';
import { describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { translateMessage } from '../../../src/platform/admin-ui/runtime/zh-cn.js';
import { seededApi } from '../../helpers/seeded-api.js';
import { pngBytes } from '../../helpers/media-fixtures.js';

/*
 * Issue 16 at the schema: which fields and action arguments the Admin UI's forms and dialogs require (its
 * admin metadata), that older rows without those choices stay valid, and that a picture refused for want of
 * alt text is named, in Chinese, also when it comes nested in an interpretation.
 */

const { state, as } = seededApi(['jiuzhu', 'bangongshi']);

interface FieldMeta {
  key: string;
  createView: { isRequired: unknown };
  itemView: { isRequired: unknown } | null;
  customViewsIndex: number | null;
}

async function fieldsOf(list: string): Promise<Record<string, FieldMeta>> {
  const body = await as(
    'bangongshi',
    `{ keystone { adminMeta { list(key: "${list}") { fields { key customViewsIndex createView { isRequired } itemView { isRequired } } } } } }`,
  );
  expect(body.errors).toBeUndefined();
  const fields = body.data!.keystone.adminMeta.list.fields as FieldMeta[];
  return Object.fromEntries(fields.map((f) => [f.key, f]));
}

async function actionArgs(list: string, action: string): Promise<Record<string, unknown>> {
  const body = await as(
    'bangongshi',
    `{ keystone { adminMeta { list(key: "${list}") { actions { key graphql { arguments { name source } } } } } } }`,
  );
  expect(body.errors).toBeUndefined();
  const found = (
    body.data!.keystone.adminMeta.list.actions as { key: string; graphql: { arguments: { name: string; source: unknown }[] } }[]
  ).find((a) => a.key === action);
  return Object.fromEntries(found!.graphql.arguments.map((a) => [a.name, a.source]));
}

/** Whether an action argument's field is required in the dialog. */
const requiredInDialog = (source: unknown) => (source as { field: { createView: { isRequired: unknown } } }).field.createView.isRequired;

describe('issue 16: honest form fields', () => {
  test('公开属性 and 五公开类别 are required choices in the form; 规章或规范性文件 is one picker and stays optional', async () => {
    const fields = await fieldsOf('Document');
    expect([fields.disclosure.createView.isRequired, fields.disclosure.itemView?.isRequired]).toEqual([true, true]);
    expect([fields.openCategory.createView.isRequired, fields.openCategory.itemView?.isRequired]).toEqual([true, true]);
    expect([fields.regulatoryKind.createView.isRequired, fields.regulatoryKind.customViewsIndex !== null]).toEqual([false, true]);
  });

  test('older documents without those choices stay valid: created and edited through the API, null kept', async () => {
    const created = await as('jiuzhu', 'mutation { createDocument(data: { title: "旧草稿：未选公开属性" }) { id } }');
    expect(created.errors).toBeUndefined();
    const id = created.data!.createDocument.id as string;
    const edited = await as(
      'jiuzhu',
      'mutation($id: ID!) { updateDocument(where: { id: $id }, data: { title: "旧草稿：已改标题" }) { title } }',
      {
        id,
      },
    );
    expect(edited.errors).toBeUndefined();
    const row = await state.t.context.prisma.document.findUnique({
      where: { id },
      select: { title: true, disclosure: true, openCategory: true, regulatoryKind: true },
    });
    expect(row).toEqual({ title: '旧草稿：已改标题', disclosure: null, openCategory: null, regulatoryKind: null });
  });

  test('the reasons and choices an action needs are required in its dialog (S4 保密审查结论, 退文原因, 办理结果)', async () => {
    expect(requiredInDialog((await actionArgs('Document', 'officeApprove')).confidentialityConclusion)).toBe(true);
    expect(requiredInDialog((await actionArgs('Document', 'returnToDrafter')).reason)).toBe(true);
    expect(requiredInDialog((await actionArgs('Document', 'withdraw')).reason)).toBe(true);
    expect(requiredInDialog((await actionArgs('Message', 'returnReply')).reason)).toBe(true);
    const answer = await actionArgs('DisclosureRequest', 'answer');
    expect([requiredInDialog(answer.outcome), requiredInDialog(answer.closedOn), requiredInDialog(answer.replyText)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  test('alt text: a picture is required to have it in its form, and an interpretation saved with a new one without it is refused naming it, in Chinese', async () => {
    const media = await fieldsOf('Media');
    expect(media.altText.createView.isRequired).toEqual({ kind: { in: ['image', 'longImage'] } });
    const req = request(state.app).post('/api/graphql').set('apollo-require-preflight', 'true').set('cookie', state.cookies.jiuzhu);
    const query = 'mutation($data: InterpretationCreateInput!) { createInterpretation(data: $data) { id } }';
    const variables = {
      data: { title: '图解：没有替代文本', images: { create: [{ title: '低保标准示意图', kind: 'image', file: { upload: null } }] } },
    };
    req
      .field('operations', JSON.stringify({ query, variables }))
      .field('map', JSON.stringify({ 0: ['variables.data.images.create.0.file.upload'] }))
      .attach('0', pngBytes(40_000), '示意图.png');
    const body = (await req).body as { errors?: { message: string }[] };
    const message = body.errors?.[0].message ?? '';
    expect(message).toContain('图片“低保标准示意图”没有替代文本：请填写“替代文本”');
    // As the editor reads it: no English left, the image named once.
    const shown = translateMessage(message);
    expect(shown).not.toMatch(/[A-Za-z]{2,}/);
    expect(shown.split('低保标准示意图').length - 1).toBe(1);
    expect(await state.t.context.prisma.interpretation.count({ where: { title: '图解：没有替代文本' } })).toBe(0);
  });
});
