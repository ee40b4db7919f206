import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../platform/db/prisma.js';
import { calendarDay, checkbox, relationship, select, text, timestamp } from '@keystone-6/core/fields';
import { sessionOf, signedIn } from '../../platform/access/roles.js';
import {
  disclosureOptions,
  openCategoryOptions,
  originOptions,
  regulatoryKindOptions,
  type Disclosure,
} from '../../platform/content/vocabulary.js';
import { disclosureProblems, richTextHasContent } from '../core/disclosure.js';
import { withDrafter, withSearchText } from './ownership.js';
import { richText } from './rich-text.js';
import { inlineMediaRefusal, publicDocumentText, withInlineMedia } from './inline-media.js';
import { workflowFields } from './workflow-fields.js';
import { previewField, trailFields } from './item-trail.js';
import {
  deletableReach,
  editableInForm,
  mayCreate,
  ownDraftsOnly,
  publicDocument,
  readFilter,
  signedInStaff,
} from '../../platform/access/documents.js';
import { workflowActionsFor } from '../keystone-actions.js';
import { deadlineField } from '../deadline-field.js';
import { afterPublicItemChange } from '../../platform/page-cache/invalidation.js';
import { rememberDeletedReprint } from '../../../syndication/store.js';
import { formSections } from '../../platform/admin-ui/form-layout.js';
import { documentForm } from './form-layouts.js';
import { calendarDayOf } from '../../platform/db/calendar-day.js';
import { recordDeletion } from '../operations/deletion.js';
import { workflowItemDeletionRefusal } from '../operations/deletion.js';
import { guideFields } from '../../guides/lists/guide-fields.js';
import { validityFields, validityInputProblems } from '../../validity/lists/validity-fields.js';

const internalOnly = { read: signedIn };

// 文件: a document drafted by a department into one or more columns.
// Reprint-only fields (来源, 原文链接, 转载正文, 正文图片) show only when 来源类型 is 转载, in the form as it is filled in.
const notReprint = { origin: { not: { equals: 'reprint' } } };
const onlyOnReprints = { createView: { fieldMode: { hidden: notReprint } }, itemView: { fieldMode: { hidden: notReprint } } };
const notRedacted = { disclosure: { not: { equals: 'redacted' } } };
const onlyWhenRedacted = {
  createView: { fieldMode: { hidden: notRedacted } },
  // Editable or read-only as every field of the form is (editableInForm), and hidden unless 删减后公开.
  itemView: { fieldMode: (args: Parameters<typeof editableInForm>[0]) => ({ read: editableInForm(args) === 'read', hidden: notRedacted }) },
};

/** A choice the form requires (issue 16), where the database keeps older rows without one valid. */
const requiredChoice = { createView: { isRequired: true }, itemView: { isRequired: true } } as const;

export const Document = list<ListTypeInfo<'Document'>>({
  access: {
    operation: { query: () => true, create: mayCreate, update: signedInStaff, delete: signedInStaff },
    filter: { query: readFilter(publicDocument), update: ownDraftsOnly, delete: deletableReach },
  },
  fieldDefaults: { ui: { itemView: { fieldMode: editableInForm } } },
  actions: workflowActionsFor('Document'),
  ui: {
    label: '文件',
    singular: '文件',
    plural: '文件',
    labelField: 'title',
    listView: {
      initialColumns: ['title', 'status', 'flowMark', 'disclosure', 'deadline', 'department', 'publishedAt'],
      initialSort: { field: 'updatedAt', direction: 'DESC' },
    },
  },
  fields: formSections(
    {
      title: text({ ui: { label: '标题' }, validation: { isRequired: true, length: { max: 300 } } }),
      documentNumber: text({ ui: { label: '发文字号', description: '例如：临民发〔2026〕12号' } }),
      issuingAuthority: text({ ui: { label: '发文机关' }, defaultValue: '临沧市民政局' }),
      formationDate: calendarDay({ ui: { label: '成文日期' } }),
      indexNumber: text({ ui: { label: '索引号' }, isIndexed: 'unique', db: { isNullable: true }, validation: { isRequired: false } }),
      topic: text({ ui: { label: '主题分类' } }),
      // Issue 16: required choices are plain pickers the form checks (请选择…), not greyed out behind a 留空 box.
      // Kept nullable in the database (older documents may have none; no category is a safe guess), and an
      // older document without one can still be saved (Keystone only checks a value the editor changed).
      openCategory: select({ ui: { label: '五公开类别', ...requiredChoice }, type: 'string', options: [...openCategoryOptions] }),
      // N14 年度报告 二、第二十条第（一）项: counted as issued in the year of its 成文日期, repealed on repealedOn.
      regulatoryKind: select({
        ui: {
          label: '规章或规范性文件',
          description: '属于规章或行政规范性文件的，计入政府信息公开工作年度报告',
          views: './admin/fields/regulatory-kind',
        },
        type: 'string',
        options: [...regulatoryKindOptions],
      }),
      repealedOn: calendarDay({ ui: { label: '废止日期', description: '规章、规范性文件废止的日期' } }),
      ...validityFields<ListTypeInfo<'Document'>>(),
      disclosure: select({
        type: 'string',
        options: [...disclosureOptions],
        ui: {
          label: '公开属性',
          ...requiredChoice,
          displayMode: 'segmented-control',
          description: '依《政府信息公开条例》明确公开属性；除主动公开外须说明理由',
        },
      }),
      disclosureReason: text({ ui: { label: '不公开或删减理由', displayMode: 'textarea' }, access: internalOnly }),
      // The full text of a 删减后公开 document is never public: the public reads redactedBody.
      body: richText(
        '正文',
        {
          read: (args) => signedIn(args) || ('item' in args && (args.item as { disclosure?: string }).disclosure === 'proactive'),
        },
        { charts: true, media: true },
      ),
      // Shown only while the form's 公开属性 is 删减后公开, the one case it is asked for (S1).
      redactedBody: richText('删减后公开文本', undefined, { charts: true, media: true, fieldModes: onlyWhenRedacted }),
      attachments: relationship({ ui: { label: '附件' }, ref: 'Media', many: true }),
      columns: relationship({ ui: { label: '所属栏目' }, ref: 'Column.documents', many: true }),
      catalogueEntries: relationship({ ui: { label: '主动公开目录事项' }, ref: 'CatalogueEntry.documents', many: true }),
      // Set from the session on create, never typed (src/workflow/lists/ownership.ts).
      department: relationship({ ui: { label: '起草科室' }, ref: 'Department', access: internalOnly }),
      drafter: relationship({ ref: 'User', access: internalOnly, ui: { label: '起草人', createView: { fieldMode: 'hidden' } } }),
      ...guideFields<ListTypeInfo<'Document'>>(),
      requiresInterpretation: checkbox({ ui: { label: '需要政策解读' }, defaultValue: false }),
      revisionOf: relationship({
        ref: 'Document.revisions',
        access: { create: () => false, update: () => false },
        ui: { label: '修订的原文', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read', fieldPosition: 'sidebar' } },
      }),
      revisions: relationship({
        ref: 'Document.revisionOf',
        many: true,
        access: { create: () => false, update: () => false, read: signedIn },
        ui: { label: '修订稿', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read', fieldPosition: 'sidebar' } },
      }),
      interpretations: relationship({ ui: { label: '政策解读' }, ref: 'Interpretation.documents', many: true }),
      ...workflowFields<ListTypeInfo<'Document'>>(),
      ...previewField(),
      ...trailFields('Document'),
      deadline: deadlineField(),
      // What search matches; kept by the hooks below, never exposed through the API.
      searchText: text({
        graphql: { omit: true },
        ui: { createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'hidden' }, listView: { fieldMode: 'hidden' } },
      }),
      origin: select({
        ui: { label: '来源类型' },
        type: 'string',
        options: [...originOptions],
        defaultValue: 'local',
        validation: { isRequired: true },
      }),
      sourceName: text({ ui: { label: '来源', ...onlyOnReprints } }),
      // A reprint keeps the upstream body as sanitized HTML (faithful: tables and all); re-sanitized when shown.
      reprintBody: text({
        ui: { label: '转载正文（网页源码）', displayMode: 'textarea', description: '转载文件的上游正文，采集时已净化', ...onlyOnReprints },
      }),
      // Kept by the hooks (inline-media.ts) for a local document, by syndication for a reprint; never typed.
      inlineMedia: relationship({
        ref: 'Media',
        many: true,
        access: { create: () => false, update: () => false },
        ui: { label: '正文图片', description: '转载正文中的图片（已复制到本站）', ...onlyOnReprints },
      }),
      sourceUrl: text({
        ui: { label: '原文链接', ...onlyOnReprints },
        validation: { match: { regex: /^(https?:\/\/\S+)?$/, explanation: '原文链接必须是 http:// 或 https:// 开头的网址' } },
      }),
      // Written by syndication only: it ties a reprint to its 转载条目 (采用上游修改 checks it).
      upstreamId: text({
        ui: {
          label: '上游标识',
          description: '转载时上级网站上的文件标识',
          createView: { fieldMode: 'hidden' },
          itemView: { fieldMode: { read: true, hidden: notReprint }, fieldPosition: 'sidebar' },
        },
        isIndexed: true,
        access: internalOnly,
        graphql: { omit: { create: true, update: true } },
      }),
      createdAt: timestamp({
        defaultValue: { kind: 'now' },
        access: internalOnly,
        ui: { label: '创建时间', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read', fieldPosition: 'sidebar' } },
      }),
      updatedAt: timestamp({
        db: { updatedAt: true },
        access: internalOnly,
        ui: { label: '更新时间', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read', fieldPosition: 'sidebar' } },
      }),
    },
    documentForm,
  ),
  hooks: {
    beforeOperation: rememberDeletedReprint,
    afterOperation: async (args) => {
      await afterPublicItemChange('documents')(args);
      await recordDeletion('Document')(args);
    },
    resolveInput: {
      create: (args) => withInlineMedia('Document', { ...args, resolvedData: withSearchText(withDrafter(args)) }, publicDocumentText),
      update: (args) =>
        withInlineMedia('Document', { ...args, resolvedData: withSearchText(args.resolvedData, args.item) }, publicDocumentText),
    },
    validate: async ({ operation, resolvedData, item, context, addValidationError }) => {
      if (operation === 'delete') {
        // Published documents are withdrawn (撤回), never deleted.
        const refusal = context.__internal.sudo ? null : workflowItemDeletionRefusal('文件', item, sessionOf(context));
        if (refusal) addValidationError(refusal);
        return;
      }
      const disclosure = (resolvedData.disclosure ?? item?.disclosure) as Disclosure | null;
      const reason = (resolvedData.disclosureReason ?? item?.disclosureReason) as string | null;
      const redactedBody = resolvedData.redactedBody ?? item?.redactedBody;
      for (const problem of disclosureProblems({
        disclosure,
        disclosureReason: reason,
        hasRedactedBody: richTextHasContent(redactedBody),
      })) {
        addValidationError(problem);
      }
      // N14: a repeal before issue would make the annual report's 现行有效件数 wrong.
      const repealedOn = calendarDayOf(resolvedData.repealedOn !== undefined ? resolvedData.repealedOn : item?.repealedOn);
      const formationDate = calendarDayOf(resolvedData.formationDate !== undefined ? resolvedData.formationDate : item?.formationDate);
      if (repealedOn && formationDate && repealedOn < formationDate) addValidationError('废止日期不能早于成文日期');
      for (const problem of validityInputProblems(resolvedData, item)) addValidationError(problem);
      const origin = resolvedData.origin ?? item?.origin;
      if (origin === 'reprint' && !((resolvedData.sourceName ?? item?.sourceName) && (resolvedData.sourceUrl ?? item?.sourceUrl))) {
        addValidationError('转载的文件必须注明来源和原文链接');
      }
      const foreignMedia = await inlineMediaRefusal('Document', { context, resolvedData, item });
      if (foreignMedia) addValidationError(foreignMedia);
    },
  },
});
