import type { Context, ListTypeInfo } from '../../db/prisma.js';
import { list } from '@keystone-6/core';
import { file, relationship, select, text, timestamp } from '@keystone-6/core/fields';
import { sessionOf, signedIn } from '../../access/roles.js';
import { mediaKindOptions, type MediaKind } from '../../content/vocabulary.js';
import { mediaChangeFilter } from '../access.js';
import { mediaStorage, receiptFor, storedName } from '../local-storage.js';
import { checkContent, checkUpload, isPicture } from '../rules.js';
import { describeUses, usesOfMedia } from '../usage.js';
import { afterSiteWideChange } from '../../page-cache/invalidation.js';

// Kept by the hooks from the session and the storage, never written through the API.
const systemOnly = { create: () => false, update: () => false };
const shownReadOnly = { createView: { fieldMode: 'hidden' as const }, itemView: { fieldMode: 'read' as const } };

type FileInput = { filename?: string | null; filesize?: number | null } | null | undefined;
type Data = Record<string, unknown>;

/**
 * The file an operation sets: a new stored name, null when the file is removed, undefined when the file is
 * not touched (Keystone then resolves the field to `{ filename: undefined, filesize: undefined }`).
 */
function newFile(resolvedData: Data): { filename: string | null; filesize: number } | undefined {
  const upload = resolvedData.file as FileInput;
  if (upload === undefined || upload?.filename === undefined) return undefined;
  return { filename: upload?.filename ?? null, filesize: Number(upload?.filesize) || 0 };
}

/** The uploader is whoever is signed in (an ownership field comes from the session, issue 14 #6). */
function withUploader<T extends Data>(resolvedData: T, context: Context): T {
  const userId = sessionOf(context)?.itemId;
  return userId && !resolvedData.uploadedBy ? { ...resolvedData, uploadedBy: { connect: { id: userId } } } : resolvedData;
}

/** The SHA-256 of a newly stored file, as the storage computed it while the bytes came in (issue 14 #2). */
function withChecksum<T extends Data>(resolvedData: T): T {
  const upload = newFile(resolvedData);
  if (!upload) return resolvedData;
  return { ...resolvedData, sha256: upload.filename ? (receiptFor(upload.filename)?.sha256 ?? '') : '' };
}

// 媒体: images, videos, captions and attachments, stored on our own storage (no hot-linking).
const pictureKinds = mediaKindOptions.filter((o) => isPicture(o.value)).map((o) => o.value);

export const Media = list<ListTypeInfo<'Media'>>({
  graphql: { plural: 'MediaItems' },
  access: {
    // The public site reads attachments of published documents through its own filtered queries.
    operation: { query: signedIn, create: signedIn, update: signedIn, delete: signedIn },
    // Changed or deleted only by the uploader's department or the office (issue 14 #6).
    filter: { update: mediaChangeFilter, delete: mediaChangeFilter },
  },
  ui: {
    label: '媒体文件',
    singular: '媒体文件',
    plural: '媒体文件',
    labelField: 'title',
    listView: { initialColumns: ['title', 'kind', 'file', 'uploadedBy', 'createdAt'] },
  },
  fields: {
    title: text({ ui: { label: '标题' }, validation: { isRequired: true, length: { max: 200 } } }),
    kind: select({
      ui: { label: '类型' },
      type: 'string',
      options: [...mediaKindOptions],
      defaultValue: 'image',
      validation: { isRequired: true },
    }),
    file: file({ ui: { label: '文件' }, storage: mediaStorage, transformName: storedName }),
    altText: text({
      ui: {
        label: '替代文本',
        description: '图片必填：为看不见图片的读者描述图片内容（无障碍要求）',
        // Issue 16: asked for in the form of a picture (also when an image is added from a document or an
        // interpretation), before anything is sent; the hook below checks again.
        createView: { isRequired: { kind: { in: [...pictureKinds] } } },
        itemView: { isRequired: { kind: { in: [...pictureKinds] } } },
      },
      validation: { length: { max: 500 } },
    }),
    caption: text({ ui: { label: '说明文字', displayMode: 'textarea' } }),
    // 文字版 of a 长图: all its text, shown beside the picture for screen readers and large text (N16).
    textVersion: text({
      ui: {
        label: '文字版',
        displayMode: 'textarea',
        description: '长图必填（提交审核前）：长图上的全部文字内容，按阅读顺序分段填写，网站在长图旁显示',
      },
      validation: { length: { max: 20000 } },
    }),
    uploadedBy: relationship({ ref: 'User', access: systemOnly, ui: { label: '上传人', ...shownReadOnly } }),
    createdAt: timestamp({ defaultValue: { kind: 'now' }, ui: { label: '上传时间', ...shownReadOnly } }),
    // SHA-256 of the bytes received, in hex.
    sha256: text({
      access: systemOnly,
      ui: {
        label: '文件校验值',
        description: '上传时按收到的内容计算，并已与写入磁盘的文件核对一致',
        ...shownReadOnly,
        listView: { fieldMode: 'hidden' },
      },
    }),
  },
  hooks: {
    // A new file shows nowhere yet; a changed or deleted one may show on any page.
    afterOperation: (args) => (args.operation === 'create' ? undefined : afterSiteWideChange(args)),
    resolveInput: {
      create: ({ resolvedData, context }) => withChecksum(withUploader(resolvedData, context)),
      update: ({ resolvedData }) => withChecksum(resolvedData),
    },
    validate: async ({ operation, resolvedData, item, context, addValidationError }) => {
      // Issue 14 #6: what uses a media item keeps it; what has left its draft keeps it as it is.
      if (operation === 'delete') {
        const uses = await usesOfMedia(context, String(item.id));
        if (uses.length) addValidationError(`该媒体文件正被${await describeUses(context, uses)}使用，不能删除；请先从这些内容中移除它`);
        return;
      }
      if (operation === 'update') {
        const held = (await usesOfMedia(context, String(item.id))).filter((use) => use.holds);
        if (held.length) {
          addValidationError(
            `该媒体文件已被已提交审核或已发布的${await describeUses(context, held)}使用，不能修改或替换；如需更新，请上传新的媒体文件，在草稿或修订稿中替换后提交审核发布`,
          );
        }
      }
      const upload = newFile(resolvedData);
      const kind = (resolvedData.kind ?? item?.kind) as MediaKind;
      const filename = (upload ? upload.filename : item?.file_filename) as string | null | undefined;
      const size = upload ? upload.filesize : Number(item?.file_filesize) || 0;
      if (!filename) return addValidationError('请上传文件');
      for (const problem of checkUpload(kind, filename, size)) addValidationError(problem);
      // Issue 14 #2: the file on disk is exactly what the client sent, or the item is not saved.
      if (upload?.filename) {
        const stored = receiptFor(upload.filename);
        if (!stored || stored.size !== size)
          addValidationError(`文件未完整接收（收到 ${size} 字节，保存了 ${stored?.size ?? 0} 字节），请重新上传`);
        // Checked by what the bytes are, not by the name the file was given (the stored name keeps its extension).
        const title = String(resolvedData.title ?? item?.title ?? '');
        if (stored) for (const problem of checkContent(upload.filename, title, stored.content)) addValidationError(problem);
      }
      const altText = (resolvedData.altText ?? item?.altText ?? '') as string;
      if (isPicture(kind) && !altText.trim()) {
        // Named, so that a refusal of a document or interpretation saved with new images says which one.
        const title = String(resolvedData.title ?? item?.title ?? '').trim();
        addValidationError(
          `${kind === 'longImage' ? '长图' : '图片'}${title ? `“${title}”` : ''}没有替代文本：请填写“替代文本”，为看不见图片的读者描述图片内容`,
        );
      }
    },
  },
});
