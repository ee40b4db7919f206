import type { FormLayout } from '../../platform/admin-ui/form-layout.js';
import { guideFieldKeys } from '../../guides/lists/guide-fields.js';

/** The workflow's fields, in the sidebar of documents and interpretations: where the item stands first. */
const workflowSidebar = [
  'status',
  'flowMark',
  'lastReturnReason',
  'preflightFindings',
  'scheduledAt',
  'publishedAt',
  'confidentialityConclusion',
  'confidentialityReviewedBy',
  'confidentialityReviewedAt',
];

/** 发文稿纸: the sections of the document form, in the order of the bureau's paper form. */
export const documentForm: FormLayout = {
  sections: [
    {
      label: '一、文件信息',
      description:
        '发文稿纸的文头：标题、发文字号、发文机关、成文日期、索引号、分类（含规章、规范性文件及其施行日期、有效期和效力状态）与所属栏目',
      fields: [
        'title',
        'documentNumber',
        'issuingAuthority',
        'formationDate',
        'indexNumber',
        'topic',
        'openCategory',
        'regulatoryKind',
        'repealedOn',
        'effectiveFrom',
        'validUntil',
        'validity',
        'replacedBy',
        'columns',
        'catalogueEntries',
        'department',
        'drafter',
        'origin',
        'sourceName',
        'sourceUrl',
      ],
    },
    { label: '二、公开属性与理由', fields: ['disclosure', 'disclosureReason'] },
    {
      label: '三、正文',
      description: '删减后公开的文件，另填删减后公开的文本：公众只能看到它；转载文件的正文是上游网页的正文',
      fields: ['body', 'redactedBody', 'reprintBody'],
    },
    {
      label: '四、附件',
      description: '正文中的图片和附件可在正文编辑器里直接上传插入；这里列出文后的附件（在“媒体文件”中上传后关联）',
      fields: ['attachments', 'inlineMedia'],
    },
    {
      label: '五、政策解读',
      description: '需要解读的文件，解读与文件同步起草、同步审批、同步发布',
      fields: ['requiresInterpretation', 'interpretations'],
    },
    {
      label: '六、办事指南',
      description:
        '文件类型选“办事指南”的，须填写全部要素（N6）：事项名称、设定依据、申请条件、办理材料、办理地点、办理机构、收费标准及依据、办理时间、咨询和投诉电话、办理流程、法定和承诺时限、在线办理地址',
      fields: [...guideFieldKeys],
    },
  ],
  then: [
    'status',
    'preview',
    'deadline',
    ...workflowSidebar.slice(1),
    'revisionOf',
    'revisions',
    'upstreamId',
    'createdAt',
    'updatedAt',
    'trail',
  ],
};

/** The sections of the interpretation form. */
export const interpretationForm: FormLayout = {
  sections: [
    {
      label: '一、解读信息',
      description: '谁起草谁解读：解读科室应为所解读文件的起草（牵头）科室',
      fields: ['title', 'documents', 'form', 'department', 'drafter'],
    },
    { label: '二、解读正文', fields: ['body'] },
    {
      label: '三、图片、图表与视频',
      description: '图片须填写替代文本，视频须配字幕（无障碍要求）',
      fields: ['images', 'video', 'videoPoster', 'videoCaptions'],
    },
  ],
  then: [...workflowSidebar, 'createdAt', 'trail'],
};
