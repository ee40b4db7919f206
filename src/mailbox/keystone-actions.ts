import { action, g } from '@keystone-6/core';
import { text } from '@keystone-6/core/fields';
import type { KeystoneContext } from '@keystone-6/core/types';
import { signedIn, type SessionData } from '../access/roles.js';
import { actionMessages } from '../content/action-messages.js';
import { messageActionLabels, messageActions as actionKeys, messageActionsFor, type MessageAction, type MessageFacts } from './rules.js';
import { actOnMessage } from './store.js';

function textArg(label: string, description: string) {
  return { graphql: g.arg({ type: g.String }), ui: { source: { field: text({ ui: { label, description, displayMode: 'textarea' } }) } } };
}

const argsFor: Partial<Record<MessageAction, Record<string, ReturnType<typeof textArg>>>> = {
  returnReply: { reason: textArg('退回原因', '必填，承办科室将看到此原因') },
  withdrawReply: { reason: textArg('撤回公开的理由', '必填，例如：涉及个人隐私') },
};

const prompts: Partial<Record<MessageAction, string>> = {
  assign: '确定将“{itemLabel}”分办给所选承办科室吗？',
  approveReply: '确定审核通过“{itemLabel}”的答复吗？勾选“公开答复”的将立即在网站公开（显示留言时间和答复时间）。',
};

/** 分办, 提交答复审核, 审核通过并公开, 退回修改, 撤回公开, 公开答复: a button each on the 留言 page. */
export function messageActions() {
  return Object.fromEntries(
    actionKeys.map((key) => [
      key,
      action({
        access: signedIn,
        args: argsFor[key] ?? {},
        async resolve({ where, args }, context: KeystoneContext) {
          const id = String((where as { id?: unknown }).id ?? '');
          await actOnMessage(context, id, key, (args ?? {}) as { reason?: string });
          return context.sudo().db.Message.findOne({ where: { id } });
        },
        ui: {
          label: messageActionLabels[key],
          messages: actionMessages(messageActionLabels[key], prompts[key]),
          itemView: {
            navigation: 'refetch',
            actionMode: ({ session, item }) => {
              const s = session as SessionData | undefined;
              const actor = s?.data?.isActive ? { role: s.data.role, departmentId: s.data.department?.id ?? null } : null;
              return item && messageActionsFor(item as unknown as MessageFacts, actor).includes(key) ? 'enabled' : 'hidden';
            },
          },
          listView: { actionMode: 'hidden' },
        },
      }),
    ]),
  );
}
