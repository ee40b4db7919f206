/** The Chinese messages of a Keystone action button and its confirmation dialog, from its label. */
export function actionMessages(label: string, prompt = `确定对“{itemLabel}”执行“${label}”吗？`) {
  return {
    promptTitle: `${label}：{itemLabel}`,
    prompt,
    promptConfirmLabel: `确定${label}`,
    fail: `未能${label}`,
    success: `已${label}`,
    promptTitleMany: `${label} {count} 项`,
    promptMany: `确定对 {count} 项执行“${label}”吗？`,
    promptConfirmLabelMany: `确定${label}`,
    failMany: `{countFail} 项未能${label}`,
    successMany: `已${label} {countSuccess} 项`,
  };
}
