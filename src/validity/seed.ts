import type { DemoDocument } from '../workflow/seed-types.js';

/*
 * N19: the demo's normative documents in every validity status — a repealed one and what replaced it, an
 * amended one and the amending decision, one expired, one whose validity ends within 60 days (on the
 * clean-up queue) — and the validity of documents the demo already has.
 */

export interface DemoValidity {
  regulatoryKind?: 'rule' | 'normativeDocument';
  effectiveFrom?: string;
  validUntil?: string;
  status?: 'current' | 'amended' | 'repealed' | 'expired';
  repealedOn?: string;
  /** DemoDocument.key of the document that amended or replaced it. */
  replacedBy?: string;
  /**
   * Its days move with the day of seeding, as publication dates do (the story needs them at a fixed distance
   * from today); otherwise they move by whole years, as the years named in texts do, so that a date the
   * text states (自2026年7月1日起施行) and the metadata agree.
   */
  movesWithToday?: boolean;
}

/** Validity of documents the demo had before (by key): time-limited items past their time included. */
export const demoValidityOfExisting: Record<string, DemoValidity> = {
  'dibao-standard-2026': { regulatoryKind: 'normativeDocument', effectiveFrom: '2026-07-01' },
  'implementation-rules': { regulatoryKind: 'normativeDocument', effectiveFrom: '2017-06-24' },
  // 招聘 and 公示 whose period has ended, still published: the clean-up queue and the monitor find them.
  'recruitment-2026': { validUntil: '2026-05-22' },
  'linshi-publicity-2026q3': { validUntil: '2026-10-22' },
};

const common = {
  issuingAuthority: '临沧市民政局',
  topic: '民政、扶贫、救灾',
  openCategory: 'decision' as const,
  disclosure: 'proactive' as const,
};

export const demoValidityDocuments: (DemoDocument & { validity: DemoValidity })[] = [
  {
    ...common,
    key: 'dibao-measures-2019',
    title: '临沧市最低生活保障实施办法',
    documentNumber: '临民规〔2019〕1号',
    formationDate: '2019-05-20',
    publishedAt: '2019-05-24T10:00:00+08:00',
    paragraphs: [
      '第一条　为规范最低生活保障工作，保障困难群众基本生活，根据《社会救助暂行办法》和《云南省最低生活保障实施办法》，结合本市实际，制定本办法。',
      '第二条　持有本市常住户口的居民，共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定的，可以申请最低生活保障。',
      '第三条　本办法自2019年7月1日起施行。',
    ],
    columns: ['zcwj', 'dibao'],
    department: 'assistance',
    drafter: 'jiuzhu',
    validity: {
      regulatoryKind: 'normativeDocument',
      effectiveFrom: '2019-07-01',
      status: 'repealed',
      repealedOn: '2026-07-01',
      replacedBy: 'dibao-measures-2026',
    },
  },
  {
    ...common,
    key: 'dibao-measures-2026',
    title: '临沧市最低生活保障审核确认实施办法',
    documentNumber: '临民规〔2026〕1号',
    formationDate: '2026-06-10',
    publishedAt: '2026-06-15T10:00:00+08:00',
    paragraphs: [
      '第一条　为规范最低生活保障审核确认工作，根据民政部《最低生活保障审核确认办法》和《云南省最低生活保障审核确认办法》，结合本市实际，制定本办法。',
      '第二条　申请最低生活保障以家庭为单位，由申请家庭确定一名共同生活的家庭成员作为申请人，向户籍所在地或者经常居住地乡镇人民政府（街道办事处）提出书面申请，也可以通过一网通办在线申请。',
      '第三条　乡镇人民政府（街道办事处）应当自受理之日起20个工作日内完成审核确认；情况复杂的，可以延长至30个工作日。',
      '第四条　本办法自2026年7月1日起施行，有效期5年。《临沧市最低生活保障实施办法》（临民规〔2019〕1号）同时废止。',
    ],
    columns: ['zcwj', 'dibao'],
    department: 'assistance',
    drafter: 'jiuzhu',
    validity: { regulatoryKind: 'normativeDocument', effectiveFrom: '2026-07-01', validUntil: '2031-06-30' },
  },
  {
    ...common,
    key: 'gaoling-measures-2021',
    title: '临沧市高龄津贴发放管理办法',
    documentNumber: '临民规〔2021〕2号',
    formationDate: '2021-08-16',
    publishedAt: '2021-08-20T10:00:00+08:00',
    paragraphs: [
      '第一条　为弘扬中华民族敬老、养老、助老的传统美德，保障高龄老年人权益，根据《中华人民共和国老年人权益保障法》，制定本办法。',
      '第二条　具有本市户籍、年满80周岁的老年人，按月享受高龄津贴。80至89周岁每人每月50元，90至99周岁每人每月100元，100周岁以上每人每月300元。',
      '第三条　本办法自2021年10月1日起施行。',
    ],
    columns: ['zcwj', 'jjsq'],
    department: 'elderly',
    drafter: 'yanglao',
    validity: { regulatoryKind: 'normativeDocument', effectiveFrom: '2021-10-01', status: 'amended', replacedBy: 'gaoling-amend-2026' },
  },
  {
    ...common,
    key: 'gaoling-amend-2026',
    title: '临沧市民政局关于修改《临沧市高龄津贴发放管理办法》的决定',
    documentNumber: '临民规〔2026〕2号',
    formationDate: '2026-08-20',
    publishedAt: '2026-08-25T10:00:00+08:00',
    paragraphs: [
      '经局长办公会研究，决定对《临沧市高龄津贴发放管理办法》（临民规〔2021〕2号）作如下修改：',
      '将第二条中的“80至89周岁每人每月50元”修改为“80至89周岁每人每月60元”；“90至99周岁每人每月100元”修改为“90至99周岁每人每月120元”。',
      '本决定自2026年10月1日起施行。',
    ],
    columns: ['zcwj', 'jjsq'],
    department: 'elderly',
    drafter: 'yanglao',
    validity: { regulatoryKind: 'normativeDocument', effectiveFrom: '2026-10-01' },
  },
  {
    ...common,
    key: 'linshi-rules-2021',
    title: '临沧市临时救助实施细则（试行）',
    documentNumber: '临民规〔2021〕3号',
    formationDate: '2021-06-08',
    publishedAt: '2021-06-11T10:00:00+08:00',
    paragraphs: [
      '第一条　为规范临时救助工作，根据《社会救助暂行办法》和《国务院关于全面建立临时救助制度的通知》，制定本细则。',
      '第二条　因意外事件、突发重大疾病等原因导致基本生活暂时出现严重困难的家庭或者个人，可以申请临时救助。',
      '第三条　本细则自2021年7月1日起施行，有效期至2026年6月30日。',
    ],
    columns: ['zcwj', 'linshi'],
    department: 'assistance',
    drafter: 'jiuzhu',
    validity: { regulatoryKind: 'normativeDocument', effectiveFrom: '2021-07-01', validUntil: '2026-06-30', status: 'expired' },
  },
  {
    ...common,
    key: 'yljg-subsidy-2022',
    title: '临沧市养老机构运营补贴办法',
    documentNumber: '临民规〔2021〕4号',
    formationDate: '2021-12-20',
    publishedAt: '2021-12-24T10:00:00+08:00',
    paragraphs: [
      '第一条　为支持养老机构持续健康运营，提高服务质量，制定本办法。',
      '第二条　经备案的养老机构，按照实际收住老年人数和服务质量等级给予运营补贴。',
      '第三条　本办法由临沧市民政局负责解释，施行日期和有效期以本页所列为准。',
    ],
    columns: ['zcwj', 'yljg'],
    department: 'elderly',
    drafter: 'yanglao',
    // On the clean-up queue: its validity ends 37 days after the day of seeding.
    validity: { regulatoryKind: 'normativeDocument', effectiveFrom: '2022-01-01', validUntil: '2026-12-31', movesWithToday: true },
  },
];
