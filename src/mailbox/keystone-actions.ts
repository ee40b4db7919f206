import { memberOf } from '../platform/access/roles.js';
import { itemAction, textArg, type ActionArgs } from '../platform/admin-ui/item-actions.js';
import {
  messageActionLabels,
  messageActions as actionKeys,
  messageActionsFor,
  type MessageAction,
  type MessageFacts,
} from './core/rules.js';
import { actOnMessage } from './store.js';

const argsFor: Partial<Record<MessageAction, ActionArgs<'Message'>>> = {
  returnReply: { reason: textArg<'Message'>('退回原因', '承办科室将看到此原因', { required: true }) },
  withdrawReply: { reason: textArg<'Message'>('撤回公开的理由', '例如：涉及个人隐私', { required: true }) },
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
      itemAction('Message', {
        label: messageActionLabels[key],
        prompt: prompts[key],
        args: argsFor[key],
        shown: (session, item) => {
          return messageActionsFor(item as unknown as MessageFacts, memberOf(session)).includes(key);
        },
        run: (context, id, args) => actOnMessage(context, id, key, args as { reason?: string }),
      }),
    ]),
  );
}
