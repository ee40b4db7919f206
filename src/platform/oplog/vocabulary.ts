/** 操作日志 (N20): the outcome of an operation. */
export const operationOutcomeOptions = [
  { value: 'success', label: '成功' },
  { value: 'failure', label: '失败' },
] as const;
export type OperationOutcome = (typeof operationOutcomeOptions)[number]['value'];

/** The Chinese name of a GraphQL mutation: create/update/delete of a list, sign-in and sign-out; others by their own name. */
export function actionLabel(mutation: string): string {
  if (/^authenticate\w+WithPassword$/.test(mutation)) return '登录';
  if (mutation === 'endSession') return '退出登录';
  const crud = /^(create|update|delete)(\w+?)(s)?$/.exec(mutation);
  if (crud && ['create', 'update', 'delete'].includes(crud[1]))
    return `${{ create: '新增', update: '修改', delete: '删除' }[crud[1]]}${crud[3] ? '（批量）' : ''}`;
  return `操作 ${mutation}`;
}
