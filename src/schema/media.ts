import { list } from '@keystone-6/core';
import { file, relationship, select, text, timestamp } from '@keystone-6/core/fields';
import { signedIn } from '../access/roles.js';
import { mediaKindOptions, type MediaKind } from '../content/vocabulary.js';
import { mediaDirectory } from '../config/env.js';
import { localMediaStorage, storedName } from '../media/local-storage.js';
import { checkUpload } from '../media/rules.js';
import { afterSiteWideChange } from '../site/invalidation.js';

// 媒体: images, videos, captions and attachments, stored on our own storage (no hot-linking).
export const Media = list({
  graphql: { plural: 'MediaItems' },
  access: {
    // The public site reads attachments of published documents through its own filtered queries.
    operation: { query: signedIn, create: signedIn, update: signedIn, delete: signedIn },
  },
  ui: { label: '媒体文件', singular: '媒体文件', plural: '媒体文件', labelField: 'title', listView: { initialColumns: ['title', 'kind', 'file', 'uploadedBy', 'createdAt'] } },
  fields: {
    title: text({ ui: { label: '标题' }, validation: { isRequired: true, length: { max: 200 } } }),
    kind: select({ ui: { label: '类型' }, type: 'string', options: [...mediaKindOptions], defaultValue: 'image', validation: { isRequired: true } }),
    file: file({ ui: { label: '文件' }, storage: localMediaStorage(mediaDirectory()), transformName: storedName }),
    altText: text({
      ui: { label: '替代文本', description: '图片必填：为看不见图片的读者描述图片内容（无障碍要求）' },
      validation: { length: { max: 500 } },
    }),
    caption: text({ ui: { label: '说明文字', displayMode: 'textarea' } }),
    uploadedBy: relationship({ ref: 'User', ui: { label: '上传人', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read' } } }),
    createdAt: timestamp({ defaultValue: { kind: 'now' }, ui: { label: '上传时间', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read' } } }),
  },
  hooks: {
    // A new file shows nowhere yet; a changed or deleted one may show on any page.
    afterOperation: (args) => (args.operation === 'create' ? undefined : afterSiteWideChange(args)),
    resolveInput: {
      create: ({ resolvedData, context }) => {
        const userId = (context.session as { itemId?: string } | undefined)?.itemId;
        return userId && !resolvedData.uploadedBy ? { ...resolvedData, uploadedBy: { connect: { id: userId } } } : resolvedData;
      },
    },
    validate: ({ operation, resolvedData, item, addValidationError }) => {
      if (operation === 'delete') return;
      const kind = (resolvedData.kind ?? item?.kind) as MediaKind;
      const filename = (resolvedData.file?.filename ?? item?.file_filename) as string | null | undefined;
      const size = Number(resolvedData.file?.filesize ?? item?.file_filesize ?? 0);
      if (!filename) return addValidationError('请上传文件');
      for (const problem of checkUpload(kind, filename, size)) addValidationError(problem);
      const altText = (resolvedData.altText ?? item?.altText ?? '') as string;
      if (kind === 'image' && !altText.trim()) addValidationError('图片必须填写替代文本');
    },
  },
});
