import type { Context, ListTypeInfo } from '../platform/db/prisma.js';
import { action } from '@keystone-6/core';
import { isEditorOf, memberOf } from '../platform/access/roles.js';
import { signedInStaff } from '../platform/access/documents.js';
import { itemAction, textArg, type ActionArgs } from '../platform/admin-ui/item-actions.js';
import { statusOf } from '../platform/content/vocabulary.js';
import { actionLabels, availableActions, roleTakes, type WorkflowAction } from './core/state-machine.js';
import { startRevision } from './operations/revisions.js';
import { transition, type WorkflowListKey } from './operations/transition.js';

const confidentialityDefault = '经保密审查，不涉及国家秘密、工作秘密和个人隐私，同意公开';

const required = { required: true };

/** The arguments asked by the workflow's actions, for either list; the reasons the state machine requires are required in the dialog too. */
const argsFor = <K extends WorkflowListKey>(): Partial<Record<WorkflowAction, ActionArgs<K>>> => ({
  returnToDrafter: { reason: textArg<K>('退文原因', '说明需要修改的内容，起草人将看到', required) },
  withdraw: { reason: textArg<K>('撤回原因', '说明撤回的理由，记入流转记录', required) },
  // S4: no review passes without its conclusion.
  officeApprove: { confidentialityConclusion: textArg<K>('保密审查结论（S4）', `例如：${confidentialityDefault}`, required) },
});

const prompts: Partial<Record<WorkflowAction, string>> = {
  submit: '提交后文件将送局办公室审核，确定提交“{itemLabel}”吗？',
  approve: '审批后文件（及其解读）将发布或按计划时间发布，确定审批“{itemLabel}”吗？',
  startReview: '开始审核“{itemLabel}”？',
  recallSubmission: '撤回后“{itemLabel}”回到草稿，可修改后重新提交。确定撤回提交吗？',
};

/** The workflow actions of a list, as Keystone actions: a button each in the Admin UI, a mutation each in GraphQL. */
export function workflowActionsFor<K extends WorkflowListKey>(listKey: K) {
  const args = argsFor<K>();
  const entries = (Object.keys(actionLabels) as WorkflowAction[]).map((key) => [
    key,
    itemAction(listKey, {
      label: actionLabels[key],
      prompt: prompts[key],
      args: args[key],
      access: signedInStaff,
      // Only the actions open to this user on this item in its state are shown.
      shown: (session, item) => {
        const actor = memberOf(session);
        const status = statusOf(item.status);
        return actor !== null && status !== null && availableActions({ status, departmentId: item.departmentId }, actor).includes(key);
      },
      // The list offers the action on its selected items to the roles that take it; each item is refused or
      // done by the same transition as on its own page.
      bulk: (session) => {
        const actor = memberOf(session);
        return actor !== null && roleTakes(key, actor.role);
      },
      run: (context, id, args) => transition(context, listKey, id, key, args as { reason?: string; confidentialityConclusion?: string }),
    }),
  ]);
  return Object.fromEntries(listKey === 'Document' ? [...entries, ['revise', reviseAction()]] : entries);
}

/** 修订: opens (or reopens) the draft copy of a published document; the original stays public. */
function reviseAction() {
  return action<ListTypeInfo<'Document'>>({
    access: signedInStaff,
    async resolve({ where }, context: Context) {
      const copyId = await startRevision(context, String((where as { id?: unknown }).id ?? ''));
      return context.sudo().db.Document.findOne({ where: { id: copyId } });
    },
    ui: {
      label: '修订',
      messages: {
        promptTitle: '修订：{itemLabel}',
        prompt: '将建立一份修订稿，审批通过后替换已发布的内容；在此之前公开的仍是原文。确定修订吗？',
        promptConfirmLabel: '确定修订',
        fail: '未能修订',
        success: '已建立修订稿',
        promptTitleMany: '修订 {count} 项',
        promptMany: '确定修订 {count} 项吗？',
        promptConfirmLabelMany: '确定修订',
        failMany: '{countFail} 项未能修订',
        successMany: '已修订 {countSuccess} 项',
      },
      itemView: {
        navigation: 'follow',
        actionMode: ({ session, item }) =>
          item?.status === 'published' && isEditorOf(memberOf(session), item.departmentId) ? 'enabled' : 'hidden',
      },
      listView: { actionMode: 'hidden' },
    },
  });
}
