import { select } from '@keystone-6/core/fields';
import { statusOptions } from '../content/vocabulary.js';

/** The workflow status of documents and interpretations: it changes only through the workflow, never by editing. */
export function workflowStatus() {
  return select({
    type: 'string',
    options: [...statusOptions],
    defaultValue: 'draft',
    validation: { isRequired: true },
    access: { create: () => false, update: () => false },
    ui: { label: '状态', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read' } },
  });
}
