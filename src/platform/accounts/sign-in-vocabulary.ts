/** What became of a sign-in (登录记录's 结果): short, for the list's column. */
export const signInOutcomeOptions = [
  // Recorded before the password is checked; stays so only if the server stopped meanwhile.
  { value: 'pending', label: '校验中' },
  { value: 'success', label: '成功' },
  { value: 'failure', label: '失败' },
  // Refused during a lock-out without checking the password.
  { value: 'locked', label: '已锁定' },
] as const;

export type SignInOutcome = (typeof signInOutcomeOptions)[number]['value'];
