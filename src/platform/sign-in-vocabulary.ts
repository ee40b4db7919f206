/** What became of a sign-in (登录记录's 结果). */
export const signInOutcomeOptions = [
  { value: 'pending', label: '校验中' },
  { value: 'success', label: '成功' },
  { value: 'failure', label: '登录名或密码不正确' },
  { value: 'locked', label: '已锁定，未校验密码' },
] as const;

export type SignInOutcome = (typeof signInOutcomeOptions)[number]['value'];
