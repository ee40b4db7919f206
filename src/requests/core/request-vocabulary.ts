/*
 * N13, N14: requests for disclosure (依申请公开), with applicant types and outcomes exactly as the
 * rows and columns of table 三 of the annual report format (国办公开办函〔2021〕30号), numbering
 * included, so a request's recorded outcome is one cell of that table.
 */

/** The columns of table 三: 自然人, then the five kinds of 法人或其他组织. */
export const applicantTypeOptions = [
  { value: 'naturalPerson', label: '自然人', group: null },
  { value: 'business', label: '商业企业', group: '法人或其他组织' },
  { value: 'research', label: '科研机构', group: '法人或其他组织' },
  { value: 'publicInterest', label: '社会公益组织', group: '法人或其他组织' },
  { value: 'legalServices', label: '法律服务机构', group: '法人或其他组织' },
  { value: 'otherOrganization', label: '其他', group: '法人或其他组织' },
] as const;
export type ApplicantType = (typeof applicantTypeOptions)[number]['value'];
export const applicantTypes: readonly ApplicantType[] = applicantTypeOptions.map((o) => o.value);

interface OutcomeItem {
  readonly value: string;
  readonly number: string;
  readonly label: string;
}
export interface OutcomeGroup {
  readonly value: string;
  readonly number: string;
  readonly label: string;
  /** Empty when the group is itself an outcome ((一), (二)). */
  readonly items: readonly OutcomeItem[];
}

/** 三、本年度办理结果: groups (一) to (六), in the official order; (七) 总计 is their sum. */
export const requestOutcomeGroups = [
  { value: 'disclosed', number: '（一）', label: '予以公开', items: [] },
  { value: 'partlyDisclosed', number: '（二）', label: '部分公开（区分处理的，只计这一情形，不计其他情形）', items: [] },
  {
    value: 'withheld',
    number: '（三）',
    label: '不予公开',
    items: [
      { value: 'withheldStateSecret', number: '1.', label: '属于国家秘密' },
      { value: 'withheldProhibitedByLaw', number: '2.', label: '其他法律行政法规禁止公开' },
      { value: 'withheldSecurityStability', number: '3.', label: '危及“三安全一稳定”' },
      { value: 'withheldThirdPartyRights', number: '4.', label: '保护第三方合法权益' },
      { value: 'withheldInternalAffairs', number: '5.', label: '属于三类内部事务信息' },
      { value: 'withheldProcessInformation', number: '6.', label: '属于四类过程性信息' },
      { value: 'withheldEnforcementFile', number: '7.', label: '属于行政执法案卷' },
      { value: 'withheldAdministrativeQuery', number: '8.', label: '属于行政查询事项' },
    ],
  },
  {
    value: 'unavailable',
    number: '（四）',
    label: '无法提供',
    items: [
      { value: 'unavailableNotHeld', number: '1.', label: '本机关不掌握相关政府信息' },
      { value: 'unavailableNeedsCreation', number: '2.', label: '没有现成信息需要另行制作' },
      { value: 'unavailableUnclear', number: '3.', label: '补正后申请内容仍不明确' },
    ],
  },
  {
    value: 'notProcessed',
    number: '（五）',
    label: '不予处理',
    items: [
      { value: 'notProcessedPetition', number: '1.', label: '信访举报投诉类申请' },
      { value: 'notProcessedRepeated', number: '2.', label: '重复申请' },
      { value: 'notProcessedPublication', number: '3.', label: '要求提供公开出版物' },
      { value: 'notProcessedExcessive', number: '4.', label: '无正当理由大量反复申请' },
      { value: 'notProcessedConfirmation', number: '5.', label: '要求行政机关确认或重新出具已获取信息' },
    ],
  },
  {
    value: 'otherHandling',
    number: '（六）',
    label: '其他处理',
    items: [
      { value: 'otherNoCorrection', number: '1.', label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
      { value: 'otherFeeUnpaid', number: '2.', label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
      { value: 'otherOther', number: '3.', label: '其他' },
    ],
  },
] as const satisfies readonly OutcomeGroup[];

type Group = (typeof requestOutcomeGroups)[number];
/** A leaf of the outcome table: a group without items, or one item of a group. */
export type RequestOutcome = Group extends infer G
  ? G extends { items: readonly []; value: infer V }
    ? V
    : G extends { items: readonly (infer I)[] }
      ? I extends { value: infer V }
        ? V
        : never
      : never
  : never;
export type RequestOutcomeGroup = Group['value'];

/** The outcomes as one option list for a select field, labelled with their group. */
export const requestOutcomeOptions: readonly { value: RequestOutcome; label: string; group: RequestOutcomeGroup }[] =
  requestOutcomeGroups.flatMap((g: OutcomeGroup) =>
    g.items.length === 0
      ? [{ value: g.value as RequestOutcome, label: `${g.number}${g.label}`, group: g.value as RequestOutcomeGroup }]
      : g.items.map((i) => ({
          value: i.value as RequestOutcome,
          label: `${g.number}${g.label}：${i.number}${i.label}`,
          group: g.value as RequestOutcomeGroup,
        })),
  );

export const requestOutcomes: readonly RequestOutcome[] = requestOutcomeOptions.map((o) => o.value);

export function outcomeGroupOf(outcome: RequestOutcome): RequestOutcomeGroup {
  const option = requestOutcomeOptions.find((o) => o.value === outcome);
  if (!option) throw new Error(`Invalid request outcome ${JSON.stringify(outcome)}`);
  return option.group;
}
