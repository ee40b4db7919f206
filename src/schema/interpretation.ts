import { list } from '@keystone-6/core';
import { relationship, select, text, timestamp } from '@keystone-6/core/fields';
import { signedIn } from '../access/roles.js';
import { interpretationFormOptions } from '../content/vocabulary.js';
import { withDrafter, withSearchText } from './ownership.js';
import { richText } from './rich-text.js';
import { workflowFields } from './workflow-fields.js';
import { editableInForm, mayCreate, ownDraftsOnly, readFilter, signedInStaff } from '../access/documents.js';
import { workflowActionsFor } from '../workflow/keystone-actions.js';
import { afterPublicItemChange } from '../site/invalidation.js';
import { formSections, interpretationForm } from '../admin-ui/form-layout.js';

const internalOnly = { read: signedIn };

/** What the public may query: published interpretations. */
export const publicInterpretationFilter = { status: { equals: 'published' } };

// 政策解读: linked both ways with its documents (N11), drafted by the drafting department (S5).
export const Interpretation = list({
  access: {
    operation: { query: () => true, create: mayCreate, update: signedInStaff, delete: signedInStaff },
    filter: { query: readFilter(publicInterpretationFilter), update: ownDraftsOnly, delete: ownDraftsOnly },
  },
  fieldDefaults: { ui: { itemView: { fieldMode: editableInForm } } },
  actions: workflowActionsFor('Interpretation'),
  ui: {
    label: '政策解读',
    singular: '政策解读',
    plural: '政策解读',
    labelField: 'title',
    listView: { initialColumns: ['title', 'form', 'documents', 'status', 'department', 'publishedAt'] },
  },
  fields: formSections({
    title: text({ ui: { label: '标题' }, validation: { isRequired: true, length: { max: 300 } } }),
    documents: relationship({ ui: { label: '解读的文件' }, ref: 'Document.interpretations', many: true }),
    form: select({ ui: { label: '解读形式' }, type: 'string', options: [...interpretationFormOptions], defaultValue: 'text', validation: { isRequired: true } }),
    body: richText('解读正文'),
    images: relationship({ ui: { label: '图片、图表与图解' }, ref: 'Media', many: true }),
    video: relationship({ ui: { label: '视频' }, ref: 'Media' }),
    videoPoster: relationship({ ui: { label: '视频封面' }, ref: 'Media' }),
    videoCaptions: relationship({ ui: { label: '视频字幕' }, ref: 'Media' }),
    department: relationship({ ui: { label: '解读科室' }, ref: 'Department', access: internalOnly }),
    drafter: relationship({ ref: 'User', access: internalOnly, ui: { label: '起草人', createView: { fieldMode: 'hidden' } } }),
    ...workflowFields(),
    // What search matches; kept by the hooks below, never exposed through the API.
    searchText: text({ graphql: { omit: true }, ui: { createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'hidden' }, listView: { fieldMode: 'hidden' } } }),
    createdAt: timestamp({ defaultValue: { kind: 'now' }, access: internalOnly, ui: { label: '创建时间', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read', fieldPosition: 'sidebar' } } }),
  }, interpretationForm),
  hooks: {
    afterOperation: afterPublicItemChange('interpretations'),
    resolveInput: {
      create: (args) => withSearchText(withDrafter(args)),
      update: ({ resolvedData, item }) => withSearchText(resolvedData, item),
    },
    // S5 谁起草谁解读: an interpretation belongs to the department that drafted (led) its documents.
    validate: async ({ operation, resolvedData, item, context, addValidationError }) => {
      if (operation === 'delete') return;
      const departmentId = (resolvedData.department as { connect?: { id: string } } | undefined)?.connect?.id ?? (item?.departmentId as string | null | undefined);
      const linked = (resolvedData.documents as { connect?: { id: string }[] } | undefined)?.connect?.map((d) => d.id) ?? [];
      if (!departmentId || linked.length === 0) return;
      const documents = (await context.prisma.document.findMany({ where: { id: { in: linked } }, select: { title: true, departmentId: true } })) as { title: string; departmentId: string | null }[];
      for (const doc of documents) {
        if (doc.departmentId && doc.departmentId !== departmentId) addValidationError(`谁起草谁解读：《${doc.title}》的解读应由其起草（牵头）科室负责`);
      }
    },
  },
});
