import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../platform/db/prisma.js';
import { relationship, select, text, timestamp } from '@keystone-6/core/fields';
import { sessionOf, signedIn } from '../../platform/access/roles.js';
import { interpretationFormOptions } from '../../platform/content/vocabulary.js';
import { withDrafter, withSearchText } from './ownership.js';
import { richText } from './rich-text.js';
import { inlineMediaRefusal, publicInterpretationText, withInlineMedia } from './inline-media.js';
import { workflowFields } from './workflow-fields.js';
import { trailFields } from './item-trail.js';
import {
  deletableReach,
  editableInForm,
  mayCreate,
  ownDraftsOnly,
  publicInterpretation,
  readFilter,
  signedInStaff,
} from '../../platform/access/documents.js';
import { workflowActionsFor } from '../keystone-actions.js';
import { afterPublicItemChange } from '../../platform/page-cache/invalidation.js';
import { formSections } from '../../platform/admin-ui/form-layout.js';
import { interpretationForm } from './form-layouts.js';
import { recordDeletion } from '../operations/deletion.js';
import { workflowItemDeletionRefusal } from '../operations/deletion.js';

const internalOnly = { read: signedIn };

// 政策解读: linked both ways with its documents (N11), drafted by the drafting department (S5).
export const Interpretation = list<ListTypeInfo<'Interpretation'>>({
  access: {
    operation: { query: () => true, create: mayCreate, update: signedInStaff, delete: signedInStaff },
    filter: { query: readFilter(publicInterpretation), update: ownDraftsOnly, delete: deletableReach },
  },
  fieldDefaults: { ui: { itemView: { fieldMode: editableInForm } } },
  actions: workflowActionsFor('Interpretation'),
  ui: {
    label: '政策解读',
    singular: '政策解读',
    plural: '政策解读',
    labelField: 'title',
    listView: { initialColumns: ['title', 'form', 'documents', 'status', 'flowMark', 'department', 'publishedAt'] },
  },
  fields: formSections(
    {
      title: text({ ui: { label: '标题' }, validation: { isRequired: true, length: { max: 300 } } }),
      documents: relationship({ ui: { label: '解读的文件' }, ref: 'Document.interpretations', many: true }),
      form: select({
        ui: { label: '解读形式' },
        type: 'string',
        options: [...interpretationFormOptions],
        defaultValue: 'text',
        validation: { isRequired: true },
      }),
      body: richText('解读正文', undefined, { charts: true, media: true }),
      // Kept from the body by the hooks below (inline-media.ts): what lets the public load its images.
      inlineMedia: relationship({
        ref: 'Media',
        many: true,
        access: { create: () => false, update: () => false },
        ui: { label: '正文图片与附件', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read', fieldPosition: 'sidebar' } },
      }),
      images: relationship({ ui: { label: '图片、图表与图解' }, ref: 'Media', many: true }),
      video: relationship({ ui: { label: '视频' }, ref: 'Media' }),
      videoPoster: relationship({ ui: { label: '视频封面' }, ref: 'Media' }),
      videoCaptions: relationship({ ui: { label: '视频字幕' }, ref: 'Media' }),
      // Set from the session on create, never typed (src/workflow/lists/ownership.ts): 谁起草谁解读 follows from it.
      department: relationship({ ui: { label: '解读科室' }, ref: 'Department', access: internalOnly }),
      drafter: relationship({ ref: 'User', access: internalOnly, ui: { label: '起草人', createView: { fieldMode: 'hidden' } } }),
      ...workflowFields<ListTypeInfo<'Interpretation'>>(),
      ...trailFields('Interpretation'),
      // What search matches; kept by the hooks below, never exposed through the API.
      searchText: text({
        graphql: { omit: true },
        ui: { createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'hidden' }, listView: { fieldMode: 'hidden' } },
      }),
      createdAt: timestamp({
        defaultValue: { kind: 'now' },
        access: internalOnly,
        ui: { label: '创建时间', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read', fieldPosition: 'sidebar' } },
      }),
    },
    interpretationForm,
  ),
  hooks: {
    afterOperation: async (args) => {
      await afterPublicItemChange('interpretations')(args);
      await recordDeletion('Interpretation')(args);
    },
    resolveInput: {
      create: (args) =>
        withInlineMedia('Interpretation', { ...args, resolvedData: withSearchText(withDrafter(args)) }, publicInterpretationText),
      update: (args) =>
        withInlineMedia(
          'Interpretation',
          { ...args, resolvedData: withSearchText(args.resolvedData, args.item) },
          publicInterpretationText,
        ),
    },
    // S5 谁起草谁解读 is kept by the rule of links (src/workflow/lists/ownership.ts): an editor links only his
    // department's documents, with connect, set or disconnect, from either side.
    validate: async ({ operation, item, resolvedData, context, addValidationError }) => {
      if (operation !== 'delete') {
        const foreignMedia = await inlineMediaRefusal('Interpretation', { context, resolvedData, item });
        if (foreignMedia) addValidationError(foreignMedia);
        return;
      }
      if (context.__internal.sudo) return;
      // Published interpretations are withdrawn (撤回), never deleted.
      const refusal = workflowItemDeletionRefusal('解读', item, sessionOf(context));
      if (refusal) addValidationError(refusal);
    },
  },
});
