// Demo content for the 临沧市民政局 政务公开 demo site (used by `gongkai seed --demo`).
// Pure data: no runtime imports, no side effects. All people named here are fictional; the only
// telephone number used is the fictional office landline 0883-2123456 (for the privacy-masking demo).
// Dates are written as of the story day (demo-clock.ts, 2026-11-24) and move with the day of seeding,
// and so do the years from 2024 on named in texts: state a real-world fact (a law's effective date)
// without such a year, and date news by "近日" rather than by the day.

import type { ColumnKind, Disclosure, OpenCategory } from '../platform/content/vocabulary.js';
export type { ColumnKind };
import { demoGuides, marriageGuide, type DemoGuide } from '../guides/seed.js';
import { demoValidityDocuments, demoValidityOfExisting, type DemoValidity } from '../validity/seed.js';
export interface DemoColumn { slug: string; name: string; kind: ColumnKind; internal?: boolean; children?: DemoColumn[] }
export interface DemoDepartment { code: string; name: string }
export type DemoRole = 'admin' | 'infoSection' | 'officeReviewer' | 'leader' | 'editor';
export interface DemoUser { username: string; name: string; role: DemoRole; department: string /* DemoDepartment.code */ }
export interface DemoDocument {
  key: string;                 // stable unique ascii key, used for idempotent seeding
  title: string;
  documentNumber?: string;     // 发文字号
  issuingAuthority: string;    // 发文机关
  formationDate: string;       // 成文日期, 'YYYY-MM-DD'
  publishedAt?: string;        // 发布日期, ISO 'YYYY-MM-DDTHH:mm:00+08:00'; absent = still a draft
  topic: string;               // 主题分类 (State Council 主题分类 style)
  openCategory: OpenCategory;
  disclosure: Disclosure;
  disclosureReason?: string;   // required when disclosure !== 'proactive'
  redactedParagraphs?: string[]; // required when disclosure === 'redacted': the withheld paragraphs (kept internally, never published)
  paragraphs: string[];        // body, one string per paragraph (for 'redacted': the public, 删减后 version)
  columns: string[];           // column slugs
  department: string;          // department code (the drafting 科室)
  drafter: string;             // username of an editor in that department
  requiresInterpretation?: boolean;
  reprint?: { sourceName: string; sourceUrl: string }; // 转载: where it was first published
  recurs?: 'yearly';           // published every year on the same day (the annual report): moves by whole years
  guide?: DemoGuide;           // a 办事指南 (N6): its elements
  validity?: DemoValidity;     // N19: 施行日期, 有效期至, 效力状态 and what replaced it
}
export interface DemoInterpretation {
  key: string; title: string; documents: string[] /* DemoDocument.key */; form: 'text' | 'chart' | 'graphic' | 'video';
  paragraphs: string[]; department: string; drafter: string; publishedAt?: string;
  /** Chart blocks (图表) drawn from the interpretation's own figures, each placed after paragraph `after` (from 0). */
  charts?: (DemoChart & { after: number })[];
}
/** What an editor types into a chart block; `data` as pasted from a spreadsheet (tab-separated). */
export interface DemoChart { kind: 'bar' | 'line' | 'pie' | 'compare'; title: string; unit: string; source: string; data: string }

export const demoDepartments: DemoDepartment[] = [
  { code: 'leaders', name: '局领导' },
  { code: 'office', name: '局办公室' },
  { code: 'planning', name: '规划财务与信息建设科' },
  { code: 'policy', name: '政策法规科' },
  { code: 'assistance', name: '社会救助科' },
  { code: 'elderly', name: '养老服务科' },
  { code: 'affairs', name: '社会事务科' },
  { code: 'orgs', name: '社会组织管理科' },
  { code: 'relief', name: '救灾科' },
];

export const demoUsers: DemoUser[] = [
  { username: 'admin', name: '李明', role: 'admin', department: 'planning' },
  { username: 'xinxi', name: '王芳', role: 'infoSection', department: 'planning' },
  { username: 'bangongshi', name: '张丽', role: 'officeReviewer', department: 'office' },
  { username: 'lingdao', name: '赵建国', role: 'leader', department: 'leaders' },
  { username: 'jiuzhu', name: '杨晓梅', role: 'editor', department: 'assistance' },
  { username: 'yanglao', name: '李娟', role: 'editor', department: 'elderly' },
  { username: 'shiwu', name: '周海燕', role: 'editor', department: 'affairs' },
  { username: 'fagui', name: '陈志强', role: 'editor', department: 'policy' },
  { username: 'zonghe', name: '刘静', role: 'editor', department: 'office' },
  { username: 'guihua', name: '段文斌', role: 'editor', department: 'planning' },
  { username: 'shezu', name: '罗红梅', role: 'editor', department: 'orgs' },
  { username: 'jiuzai', name: '杨建华', role: 'editor', department: 'relief' },
];

export const demoColumns: DemoColumn[] = [
  {
    slug: 'jggk', name: '机构概况', kind: 'general', children: [
      { slug: 'jgzn', name: '机构职能', kind: 'general' },
      { slug: 'ldxx', name: '领导信息', kind: 'general' },
      { slug: 'nsjg', name: '内设机构', kind: 'general' },
    ],
  },
  {
    slug: 'zfxxgk', name: '政府信息公开', kind: 'disclosure', children: [
      { slug: 'gkzn', name: '政府信息公开指南', kind: 'disclosure' },
      { slug: 'gkzd', name: '政府信息公开制度', kind: 'disclosure' },
      { slug: 'gkml', name: '法定主动公开内容', kind: 'disclosure' },
      { slug: 'gknb', name: '政府信息公开年报', kind: 'disclosure' },
    ],
  },
  { slug: 'zcwj', name: '政策文件', kind: 'policy' },
  { slug: 'zcjd', name: '政策解读', kind: 'interpretation' },
  { slug: 'tzgg', name: '通知公告', kind: 'notice' },
  { slug: 'mzdt', name: '民政动态', kind: 'news' },
  {
    slug: 'shjz', name: '社会救助', kind: 'policy', children: [
      { slug: 'dibao', name: '最低生活保障', kind: 'policy' },
      { slug: 'tekun', name: '特困人员救助供养', kind: 'policy' },
      { slug: 'linshi', name: '临时救助', kind: 'policy' },
    ],
  },
  {
    slug: 'ylfw', name: '养老服务', kind: 'policy', children: [
      { slug: 'yljg', name: '养老机构', kind: 'guide' },
      { slug: 'jjsq', name: '居家社区养老', kind: 'policy' },
    ],
  },
  { slug: 'hydj', name: '婚姻登记', kind: 'guide' },
  { slug: 'bzgl', name: '殡葬管理', kind: 'policy' },
  { slug: 'shzz', name: '社会组织', kind: 'notice' },
  { slug: 'rsxx', name: '人事信息', kind: 'personnel' },
  { slug: 'ghjh', name: '规划计划', kind: 'personnel' },
  { slug: 'bszn', name: '办事指南', kind: 'guide' },
  {
    slug: 'hdjl', name: '互动交流', kind: 'interaction', children: [
      { slug: 'ldxx-mail', name: '领导信箱', kind: 'mailbox' },
      { slug: 'zqyj', name: '征求意见', kind: 'consultation' },
      { slug: 'zxft', name: '在线访谈', kind: 'interaction' },
    ],
  },
  {
    slug: 'sjwj', name: '上级文件', kind: 'reprint', children: [
      { slug: 'gwy', name: '国务院文件', kind: 'reprint' },
      { slug: 'szf', name: '省政府文件', kind: 'reprint' },
      { slug: 'mzb', name: '民政部文件', kind: 'reprint' },
      { slug: 'shizf', name: '市政府文件', kind: 'reprint' },
      { slug: 'smzt', name: '省民政厅文件', kind: 'reprint' },
    ],
  },
  { slug: 'nbtz', name: '内部通知', kind: 'notice', internal: true },
];

const baseDocuments: DemoDocument[] = [
  {
    key: 'implementation-rules',
    title: '临沧市民政局关于全面推进民政政务公开工作的实施细则',
    documentNumber: '临民办发〔2017〕21号',
    issuingAuthority: '临沧市民政局',
    formationDate: '2017-06-24', publishedAt: '2017-06-26T10:00:00+08:00',
    topic: '综合政务',
    openCategory: 'management', disclosure: 'proactive',
    // Exactly the lines of /work/shared/seeds/000_6356417505f93028.txt, one paragraph per line,
    // with the spam string that had replaced the bureau's name restored to '临沧市民政局'.
    paragraphs: [
      "为贯彻落实《临沧市人民政府办公室关于全面推进全市政务公开工作实施细则的通知》(临政办发〔2017〕105号),进一步细化《临沧市民政局印发<关于全面推进民政政务公开工作实施方案>的通知》临民发〔2017〕95号,明确工作重点,层层分解任务,全面提升我市民政政务公开工作水平,制定本实施细则。",
      "一、全面推进“五公开”",
      "(一)严格审查公开属性",
      "各科室(单位)拟制公文时,必须明确公开属性,即“主动公开”“删减后公开”“依申请公开”“不公开”。拟明确为“删减后公开”“依申请公开”“不公开”属性的公文,要依法依规说明理由,报批前送局办公室审查。特别是拟报请以市政府或市政府办公室名义印发的公文,起草科室(单位)必须对公开属性提出明确建议,并说明理由。各科室(单位)拟制的公文未明确公开属性,或者未依法依规说明理由的,局办公室按照规定予以退文。(牵头单位:局办公室,责任单位:各科室、单位,完成时限:长期)",
      "(二)建立健全会议办理程序",
      "建立健全利益相关方、公众代表、专家、媒体等列席有关会议的制度,增强决策透明度。各科室(单位)拟通过局党组会或局长办公会审议的重要改革方案和政策措施,除依法应当保密的外,应在决策前向社会公布决策草案、决策依据,广泛听取公众意见。对涉及重大民生事项的会议议题,各科室(单位)制定会议方案时,应提出是否邀请有关方面人员列席会议、是否公开以及公开方式的意见,随会议方案一同报批;之前已公开征求意见的,应一并附上意见收集和采纳情况的说明。(牵头单位:政策法规科,责任单位:各科室、单位,完成时限:2017年底前)",
      "(三)完善主动公开目录",
      "坚持“公开为常态,不公开为例外”的原则,进一步明确各领域“五公开”的主体、内容、时限、方式等,推进主动公开目录体系建设,不断提升主动公开的标准化规范化水平。(牵头单位:局办公室,责任单位:各科室、单位,完成时限:2017年底前)",
      "(四)拓展公开范围",
      "根据党中央、国务院和省委、省政府,市委市政府对政务公开工作的新要求以及公众关切,明确政务公开年度工作重点,把握好公开力度和节奏,稳步有序拓展“五公开”范围,细化公开内容。各科室(单位)要对照“五公开”要求,每年对本科室(单位)不予公开的信息以及依申请公开较为集中的信息进行全面自查,发现应公开未公开的信息应当公开,可转为主动公开的应当主动公开,每半年将自查整改情况报送局办公室。局办公室定期督查,对发现的应公开未公开等问题及时督促整改。严格落实公开前保密审查机制,妥善处理好政务公开与保守国家秘密的关系。(牵头单位:局办公室,责任单位:各科室、单位,完成时限:长期)",
      "二、着力强化政策解读",
      "政策解读工作坚持“谁起草、谁解读”的原则,由政策文件起草科室(单位)负责组织实施;多科室(单位)会同起草的,由牵头科室(单位)牵头组织实施,其他科室(单位)配合。",
      "按照政策文件与解读方案、解读材料同步起草、同步审批、同步发布的“三同步”要求开展政策解读工作。拟印发的政策文件,报批时应当将解读方案、解读材料一并报分管局领导审签。上报材料不齐全的,局办公室按照规定予以退文。",
      "各科室(单位)在重要政策文件公布前,要做好政策吹风解读和预期引导;文件公布时,有关解读材料应与文件同步在政府网站和媒体发布;文件执行过程中,要密切跟踪舆情,分段、多次、持续开展解读,及时解疑释惑,不断增强主动性、针对性和时效性。要重视收集反馈的信息,针对社会关切事项,更详细、更及时地做好政策解读,减少误解猜疑,稳定预期。",
      "各科室(单位)要充分利用新闻媒体、政府网站、政务微信微博等传播媒介,做好重要政策的宣传解读工作。更多地运用图片、图表、图解、视频等可视化方式,不断拓展公众喜闻乐见的解读形式,特别是对一些专业性较强的政策,进行形象化、通俗化解读,多举实例,多讲故事,确保广大人民群众“听得懂、好明白、能理解”。(牵头单位:政策法规科,责任单位:各科室、单位,完成时限:长期)",
      "三、积极回应关切",
      "(一)明确舆情回应职责",
      "按照“分口管理、谁主管谁负责”的原则,做好政务舆情的回应工作,相关责任科室(单位)是第一责任主体。对涉及单一重要政策、重要决策部署的政务舆情,有关科室(单位)是回应主体;对涉及多个科室(单位)的政务舆情,有关各科室(单位)按照职责分工做好回应工作,相关科室(单位)之间应加强沟通协商,确保回应的信息准确一致。(牵头单位:局办公室,责任单位:各科室、单位,完成时限:长期)",
      "(二)突出舆情收集重点",
      "舆情收集应突出以下重点:涉及市委、市政府有关民政工作的重要决策部署、民政重要政策事项的政务舆情信息;涉及民政服务对象切身利益且可能产生较大影响的媒体报道;引发媒体和公众关切、可能影响民政形象和公信力的舆情信息;涉及民政重大突发事件处置和自然灾害应对的舆情信息;严重冲击社会道德底线的民生舆情信息。(牵头单位:局办公室、规划财务与信息建设科,责任单位:各科室、单位,完成时限:长期)",
      "(三)做好舆情研判处置",
      "依据《临沧市民政局舆情应对工作管理暂行办法》,区别不同情况,进行分类处置。对建设性意见建议,吸收采纳情况要对外公开。对群众反映的实际困难,研究解决的情况要对外公布。对群众反映的重大问题,调查处置情况要及时发布。对公众不了解情况、存在模糊认识的,要主动发布权威信息,解疑释惑,澄清事实。对错误看法,要及时发布信息进行引导和纠正。对虚假和不实信息,要在及时回应的同时,将涉嫌违法的有关情况和线索移交公安机关、网络监管部门依法依规进行查处。(牵头单位:局办公室,责任单位:各科室、单位,完成时限:长期)",
      "(四)提升舆情回应效果",
      "涉及特别重大、重大突发事件的政务舆情发生后,有关科室(单位)要快速反应,保证最迟要在5小时内发布权威信息,在24小时内举行新闻发布会,并根据工作进展情况,持续发布权威信息。要加强与有关新闻媒体和网站的沟通联系,着力提高回应的及时性、针对性、有效性。要通过购买服务、完善大数据技术支撑等方式,用好专业力量,提高舆情分析处置的信息化水平。(牵头单位:局办公室、规划财务与信息建设科,责任单位:各科室、单位,完成时限:长期)",
      "(五)加强舆情信息报告",
      "涉及民政的突发事件和重大政务舆情发生后,相关责任科室(单位)是舆情信息报告的第一责任主体。",
      "特别重大、重大突发事件发生后,相关科室(单位)要力争在20分钟内向局办公室电话报告、40分钟内书面报告,书面报告最迟不得超过2小时。较大突发事件发生后,相关科室(单位)应在20分钟内向局办公室书面报告。重大政务舆情出现后,相关科室(单位)应在50分钟内向局办公室书面报告。局办公室接报后,按照临沧市人民政府办公室转发的《云南省人民政府办公厅关于切实加强突发事件和政务舆情信息报告工作的通知》(云政办函〔2017〕41号)要求,向市政府办公室报告。自然灾害发生后,由救灾科按照原形式向市政府办公室报告。(牵头单位:局办公室,责任单位:各科室、单位,完成时限:长期)",
      "四、加强平台建设",
      "(一)强化临沧民政网站建设和管理",
      "局规划财务与信息建设科是临沧民政网站建设管理的第一责任主体,负责网站建设、运行维护和安全防范工作,并根据政务公开相关要求,及时对网站栏目设置进行更新调整,建立健全临沧民政网站日常监测机制,抓好网站问题的整改整治工作,确保网站达标合格。(牵头单位:,责任单位:局规划财务与信息建设科、各科室、单位,完成时限:长期)",
      "(二)加强网站之间协同联动",
      "局规划财务与信息建设科要不断优化临沧民政网站的功能设置,配合、协助各科室(单位)借助临沧民政网站,积极开展政务公开、数据共享、“互联网+政务服务”等工作,努力形成一体化政务服务网络。各科室(单位)提出意见要及时通过临沧民政网站转载国务院、省政府和民政部、市政府和省民政厅网站公开发布的相关文件,提升网站的集群效应。(牵头单位:局规划财务与信息建设科,责任单位:各科室、单位,完成时限:长期)",
      "(三)充分利用新闻媒体平台",
      "新闻媒体是政务公开的重要平台。各科室(单位)要加强与新闻媒体的沟通联系,充分运用新闻媒体资源,做好政务公开工作。要通过主动向媒体提供素材,召开媒体通气会,推荐掌握有关政策、熟悉有关领域业务的专家学者接受媒体访谈等方式,畅通媒体采访渠道,更好地发挥新闻媒体的公开平台作用。要积极安排省驻临和市级主流媒体记者列席有关会议,进一步扩大政务公开的覆盖面和影响力。(牵头单位:局办公室,责任单位:各科室、单位,完成时限:长期)",
      "五、扩大公众参与",
      "(一)明确公众参与事项范围",
      "围绕民政中心工作,细化公众参与事项的范围,让公众更大程度参与政策制定、执行和监督。各科室(单位)要重点围绕保障和改善民生、加强和创新社会治理、提供社会专项服务等重要政策措施创制、重大建设项目等重要决策事项,着力做好公众参与工作。(牵头单位:政策法规科,责任单位:各科室、单位,完成时限:长期)",
      "(二)规范公众参与方式",
      "建立公众参与事项制度,完善民意汇集机制,激发公众参与的积极性。涉及重大公共利益和公众权益的重要决策,除依法应当保密的外,须通过征求意见、听证座谈、咨询协商、列席会议、媒体吹风等方式扩大公众参与。要严格落实法律法规规定的听证程序,提高行政执法的透明度和认可度。发挥好人大代表、政协委员、民主党派、人民团体、社会公众、新闻媒体的监督作用,积极运用第三方评估等方式,做好对政策措施执行情况的评估和监督工作。公开征求意见的采纳情况应予公布,相对集中的意见建议不予采纳的,公布时要说明理由。(牵头单位:政策法规科,责任单位:各科室、单位,完成时限:2017年底前)",
      "(三)完善公众参与渠道",
      "积极探索公众参与新模式,不断拓展临沧民政网站的民意征集、网民留言办理等互动功能,积极利用新媒体搭建公众参与新平台,加强“96128”热线、领导信箱等平台建设,提高民政政策制定、管理、服务的响应速度,增进公众对民政工作的认同和支持。(牵头单位:局办公室、规划财务与信息建设科,责任单位:各科室、单位,完成时限:长期)",
      "六、加强组织领导",
      "(一)强化部门责任",
      "充分认识互联网环境下做好政务公开工作的重大意义,转变理念,提高认识,将政务公开纳入重要议事日程,部门主要负责人亲自抓,明确一名分管负责人具体抓,做好本部门信息公开、政策解读、回应关切等工作。主要负责人每年至少听取1次政务公开工作汇报,研究推动工作,有关情况和分管负责人工作分工对外公布。",
      "(二)完善政务公开工作机制",
      "明确办公室为承担政务公开工作的机构,明确专人负责政务公开工作。办公室负责组织协调、指导推进、监督检查本系统的政务公开工作,做好本行政机关信息公开、政府网站、政策解读、回应关切、公众参与等工作。完善信息发布协调机制。",
      "(三)加强政务公开教育培训",
      "制定政务公开专项业务培训计划,组织开展业务培训和研讨交流,加强对工作人员特别是领导干部政务公开知识的培训,增强公开意识,提高发布信息、解读政策、回应关切的能力。",
      "(四)强化考核问责机制",
      "将信息公开、政策解读、回应关切、媒体参与等方面情况作为政务公开的主要内容纳入绩效考核体系,分值权重不低于4%。强化责任追究,定期对政务公开工作开展情况进行督查,并给予通报。",
      "各科室(单位)要结合实际,抓好本细则贯彻落实,全面推进政务公开工作。",
      "临沧市民政局",
      "2017年6月24日",
      "(此件公开发布)",
    ],
    columns: ['gkzd', 'zcwj'],
    department: 'office', drafter: 'zonghe',
    requiresInterpretation: true,
  },
  {
    key: 'dibao-standard-2026',
    title: '临沧市民政局 临沧市财政局关于调整2026年全市城乡最低生活保障标准的通知',
    documentNumber: '临民发〔2026〕12号',
    issuingAuthority: '临沧市民政局 临沧市财政局',
    formationDate: '2026-06-18', publishedAt: '2026-06-22T09:30:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'decision', disclosure: 'proactive',
    paragraphs: [
      '各县(区)民政局、财政局：',
      '为贯彻落实《社会救助暂行办法》和《云南省最低生活保障实施办法》有关规定，统筹考虑全市经济社会发展水平、居民人均消费支出和物价变动等因素，经市人民政府同意，决定调整全市城乡最低生活保障标准。现将有关事项通知如下。',
      '一、调整标准。城市最低生活保障标准由每人每年9600元(每人每月800元)提高到每人每年10080元(每人每月840元)；农村最低生活保障标准由每人每年6000元(每人每月500元)提高到每人每年6360元(每人每月530元)。特困人员基本生活标准按照不低于当地最低生活保障标准1.3倍的原则同步调整，城市特困人员基本生活标准为每人每月1092元，农村特困人员基本生活标准为每人每月689元。各县(区)可结合实际制定高于本通知的标准，但不得低于本通知标准。',
      '二、执行时间。新标准自2026年7月1日起执行。已纳入保障范围的对象无需重新申请，由县(区)民政部门按新标准重新核定补助金额，7月份未能按新标准足额发放的，须在8月份一并补发到位。',
      '三、资金保障。提标所需资金按照现行社会救助资金分担机制，由中央、省级补助资金和县(区)财政共同承担。各县(区)财政部门要足额安排本级资金，确保按时足额发放；民政部门要加强资金监管，严禁挤占挪用、虚报冒领。',
      '四、工作要求。各县(区)要切实做好政策宣传解读，通过村(社区)公示栏、政务新媒体等渠道将新标准告知困难群众；要严格落实“三级审核、三级公示”要求，做到应保尽保、按标施保、动态管理，并于2026年7月31日前将标准调整落实情况报市民政局社会救助科。',
    ],
    columns: ['zcwj', 'dibao'],
    department: 'assistance', drafter: 'jiuzhu',
    requiresInterpretation: true,
  },
  {
    key: 'tekun-support-2026',
    title: '临沧市民政局关于进一步做好特困人员救助供养工作的通知',
    documentNumber: '临民发〔2026〕9号',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-04-10', publishedAt: '2026-04-14T10:00:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'execution', disclosure: 'proactive',
    paragraphs: [
      '各县(区)民政局：',
      '为进一步落实《云南省特困人员救助供养实施办法》，兜住兜准兜牢特困群众基本生活底线，现就做好2026年特困人员救助供养工作通知如下。',
      '一、精准认定救助供养对象。对同时具备无劳动能力、无生活来源、无法定赡养抚养扶养义务人或者其法定义务人无履行义务能力条件的城乡老年人、残疾人以及未满18周岁的未成年人，依法纳入特困人员救助供养范围。乡镇(街道)要依托低收入人口动态监测信息平台，每季度对辖区内特困人员开展一次走访核查，做到及时发现、及时认定、及时救助。',
      '二、足额落实供养标准。特困人员救助供养标准包括基本生活标准和照料护理标准。基本生活标准按照不低于当地最低生活保障标准的1.3倍确定；照料护理标准按照全自理、半失能、全失能三档分类制定，并根据生活自理能力评估结果动态调整。',
      '三、提升供养服务质量。对生活不能自理的特困人员，优先安排到具备失能照护能力的县级供养服务设施集中供养；选择分散供养的，由乡镇(街道)委托亲友、村(居)民委员会或者专业机构提供照料服务，并签订委托照料服务协议，明确服务内容和双方责任。',
      '四、加强督促检查。各县(区)民政局要于每季度末将特困人员认定、标准落实和照料服务情况报市民政局社会救助科，市民政局将结合日常督查和社会救助绩效评价通报工作进展。',
    ],
    columns: ['zcwj', 'tekun', 'gkml'],
    department: 'assistance', drafter: 'jiuzhu',
  },
  {
    key: 'linshi-publicity-2026q3',
    title: '临沧市本级2026年第三季度临时救助情况公示',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-10-16', publishedAt: '2026-10-16T15:00:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'result', disclosure: 'redacted',
    disclosureReason: '原件所附救助对象名单含姓名、家庭住址、患病情况及家庭经济状况等个人隐私信息，公开会对第三方合法权益造成损害，依据《中华人民共和国政府信息公开条例》第十五条规定，对涉及个人隐私的内容作删减处理后公开。',
    redactedParagraphs: [
      '救助对象明细(内部留存，不予公开)：1.临翔区忠义街道张德平，家庭人口3人，户主突发脑出血住院治疗，医保报销后自付费用较高，救助金额8000元；2.临翔区凤翔街道李秀芬，家庭人口4人，子女患急性白血病持续治疗，救助金额10000元；3.临翔区南美乡杨国富，家庭人口2人，住房因火灾受损，救助金额5000元。',
      '救助对象明细(续，内部留存，不予公开)：4.临翔区博尚镇赵春兰，家庭人口3人，配偶因交通事故重伤致家庭生活陷入困境，救助金额6000元；5.临翔区圈内乡罗新华，家庭人口5人，户主患尿毒症长期透析，救助金额9000元。',
    ],
    paragraphs: [
      '根据《社会救助暂行办法》和《临沧市临时救助实施细则》有关规定，现将临沧市本级2026年第三季度(7月至9月)临时救助情况公示如下。',
      '本季度共受理临时救助申请58件，经审核审批，对符合条件的51户困难家庭实施临时救助，支出临时救助资金31.6万元，户均救助6196元。其中，因病致困41户，因意外事故致困6户，因其他突发事件致困4户；对情况紧急的12户实行“先行救助”，事后补充完善了相关审批材料。',
      '按照政府信息公开和社会救助信息公示有关规定，救助对象姓名、家庭住址、患病情况及家庭经济状况等个人隐私信息已作删减处理，以下名单仅列明所在县(区)、致困类别和救助金额(节选)：临翔区，因病，8000元；临翔区，因病，10000元；临翔区，因灾，5000元；临翔区，意外事故，6000元；临翔区，因病，9000元。',
      '公示期为2026年10月16日至10月22日(5个工作日)。公示期间，对公示内容有异议的，可向临沧市民政局社会救助科实名反映，联系电话：0883-2123456。',
      '临沧市民政局',
      '2026年10月16日',
    ],
    columns: ['linshi'],
    department: 'assistance', drafter: 'jiuzhu',
  },
  {
    key: 'elderly-service-2026',
    title: '临沧市民政局关于推进2026年居家社区养老服务提升和养老机构服务质量建设的通知',
    documentNumber: '临民发〔2026〕17号',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-08-12', publishedAt: '2026-08-14T10:30:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'execution', disclosure: 'proactive',
    paragraphs: [
      '各县(区)民政局，各养老机构：',
      '为积极应对人口老龄化，加快健全居家社区机构相协调、医养康养相结合的养老服务体系，现就做好2026年居家社区养老服务提升和养老机构服务质量建设工作通知如下。',
      '一、扩大居家社区养老服务供给。每个县(区)至少建成1个具备全日托养、日间照料、上门服务等功能的县级综合养老服务中心；2026年全市新增社区老年助餐点30个，优先保障高龄、独居、失能和经济困难老年人就餐需求；完成特殊困难老年人家庭适老化改造800户。',
      '二、提升养老机构服务质量。全面落实《养老机构服务安全基本规范》，重点排查消防安全、食品安全和服务安全隐患，对排查出的问题建立台账、限期整改；稳步推进养老机构等级评定，引导公办养老机构提高护理型床位占比，优先接收经济困难的失能、高龄老年人。',
      '三、加强养老服务综合监管。落实养老机构备案管理制度，对未备案擅自开展养老服务的机构依法督促备案；加强对养老服务领域非法集资风险的排查和宣传，防范侵害老年人合法权益行为。',
      '四、工作要求。各县(区)民政局要细化任务分工，于每月5日前将上月工作进展报市民政局养老服务科，2026年12月10日前报送年度工作总结。',
    ],
    columns: ['zcwj', 'jjsq', 'yljg'],
    department: 'elderly', drafter: 'yanglao',
  },
  {
    key: 'marriage-registration-guide',
    title: '内地居民结婚登记办事指南',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-03-02', publishedAt: '2026-03-04T09:00:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'service', disclosure: 'proactive',
    paragraphs: [
      '一、办理依据。《中华人民共和国民法典》《婚姻登记条例》。按照新修订的《婚姻登记条例》，内地居民办理结婚登记不再受户籍地限制，可以在一方当事人常住户口所在地或者经常居住地的婚姻登记机关办理。',
      '二、办理条件。男方年满22周岁、女方年满20周岁；双方均无配偶；双方自愿结婚；双方不属于直系血亲或者三代以内旁系血亲。',
      '三、所需材料。双方本人有效居民身份证；本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明(在登记现场填写)；双方近期半身免冠合影照片。结婚登记不收取任何费用。',
      '四、办理流程。申请—受理—审查—登记(颁证)。材料齐全、符合法定条件的，当场予以登记并发给结婚证。',
      '五、办理地点和时间。临沧市婚姻登记处(市政务服务中心民政窗口)及各县(区)婚姻登记处；法定工作日上午9:00—12:00，下午14:30—17:30。咨询电话：0883-2123456。',
    ],
    columns: ['hydj', 'bszn'],
    department: 'affairs', drafter: 'shiwu',
  },
  {
    key: 'qingming-2026',
    title: '临沧市民政局关于做好2026年清明节祭扫服务保障工作的通知',
    documentNumber: '临民发〔2026〕7号',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-03-20', publishedAt: '2026-03-23T10:00:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'execution', disclosure: 'proactive',
    paragraphs: [
      '各县(区)民政局，市殡仪馆：',
      '2026年清明节(4月5日)即将到来，为确保全市清明祭扫安全、有序、文明，现就有关事项通知如下。',
      '一、全力保障祭扫安全。各县(区)要组织对殡仪馆、公墓、骨灰堂等殡葬服务设施开展安全隐患排查，重点检查消防设施、用电用火和人员密集区域疏导方案，严禁在林区、墓区违规燃放烟花爆竹、焚烧祭品，坚决防范森林火灾和踩踏事故。',
      '二、大力倡导文明祭扫。广泛宣传鲜花祭扫、植树祭扫、家庭追思和网络祭扫等文明低碳祭扫方式，鼓励群众错峰祭扫；殡葬服务单位要公开服务项目和收费标准，严禁捆绑销售、强制服务。',
      '三、落实惠民殡葬政策。对城乡低保对象、特困人员等困难群众的遗体接运、暂存、火化和骨灰寄存等基本殡葬服务费用按规定予以减免，确保政策知晓率和落实率。',
      '四、加强值班值守。清明节期间实行24小时值班和领导带班制度，遇有突发情况须第一时间报告市民政局社会事务科，值班电话：0883-2123456。',
    ],
    columns: ['bzgl', 'tzgg'],
    department: 'affairs', drafter: 'shiwu',
  },
  {
    key: 'orgs-annual-inspection-2025',
    title: '临沧市民政局关于开展2025年度市本级社会组织年度检查工作的通知',
    documentNumber: '临民发〔2026〕5号',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-03-10', publishedAt: '2026-03-11T10:00:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'management', disclosure: 'proactive',
    paragraphs: [
      '在市民政局登记的各社会团体、社会服务机构(民办非企业单位)、基金会：',
      '根据《社会团体登记管理条例》《民办非企业单位登记管理暂行条例》《基金会管理条例》等有关规定，市民政局决定开展2025年度市本级社会组织年度检查工作。凡2025年12月31日前在市民政局登记成立的社会组织，均应参加本年度年检。',
      '一、时间安排。2026年3月16日至5月29日，各社会组织登录社会组织网上办事系统填报年度工作报告，经业务主管单位(行业管理部门)初审后提交；市民政局于6月30日前完成审核并公布年检结论。',
      '二、主要内容。重点检查社会组织遵守法律法规和国家政策、党建工作开展、内部治理、财务管理、按章程开展活动以及信息公开等情况。年检结论分为“合格”“基本合格”“不合格”三个等次。',
      '三、有关要求。无正当理由未按期参加年检或者连续两年年检不合格的，将依法列入活动异常名录或者依法作出行政处罚。咨询电话：0883-2123456(市民政局社会组织管理科)。',
    ],
    columns: ['shzz', 'tzgg'],
    department: 'orgs', drafter: 'shezu',
  },
  {
    key: 'recruitment-2026',
    title: '临沧市民政局2026年所属事业单位公开招聘工作人员公告',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-05-08', publishedAt: '2026-05-11T09:00:00+08:00',
    topic: '劳动、人事、监察',
    openCategory: 'management', disclosure: 'proactive',
    paragraphs: [
      '根据《事业单位人事管理条例》和云南省事业单位公开招聘有关规定，经市人力资源和社会保障局审核同意，临沧市民政局所属临沧市社会福利院、临沧市救助管理站2026年面向社会公开招聘工作人员6名。现将有关事项公告如下。',
      '一、招聘岗位。临沧市社会福利院护理岗位2名、康复岗位1名、财务岗位1名；临沧市救助管理站社会工作岗位2名。各岗位具体专业、学历等资格条件详见招聘岗位表。',
      '二、报名条件。具有中华人民共和国国籍，遵守宪法和法律，具有良好的品行和岗位所需的专业或技能条件，年龄18周岁以上、35周岁以下，身体健康。',
      '三、报名方式和时间。采取网上报名方式，报名时间为2026年5月18日9:00至5月22日17:00。笔试、面试、体检、考察等具体安排另行公告。',
      '四、咨询方式。咨询电话：0883-2123456(临沧市民政局办公室)，咨询时间为法定工作日上午9:00—12:00，下午14:30—17:30。',
    ],
    columns: ['rsxx', 'tzgg'],
    department: 'office', drafter: 'zonghe',
  },
  {
    key: 'work-plan-2026',
    title: '临沧市民政局2026年工作要点',
    documentNumber: '临民发〔2026〕3号',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-02-26', publishedAt: '2026-03-02T10:00:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'decision', disclosure: 'proactive',
    paragraphs: [
      '2026年，全市民政工作的总体思路是：坚持以人民为中心的发展思想，聚焦基本民生保障、基层社会治理、基本社会服务职责，兜牢民生底线，为建设现代化边疆幸福临沧贡献民政力量。',
      '一、健全分层分类社会救助体系。完善低收入人口动态监测和常态化救助帮扶机制，适时调整城乡低保标准，落实特困人员救助供养和临时救助政策，全年社会救助资金及时足额发放。',
      '二、加快发展养老服务。推进县乡村三级养老服务网络建设，新增社区老年助餐点30个，完成特殊困难老年人家庭适老化改造800户，持续提升养老机构服务质量。',
      '三、提升基本社会服务水平。深化婚姻登记“全国通办”，推进婚俗改革；落实惠民殡葬政策，推进殡葬设施建设和移风易俗；加强流浪乞讨人员救助管理和未成年人保护工作。',
      '四、加强社会组织登记管理和民政自身建设。做好社会组织年检和等级评估，开展社会组织规范化建设；全面推进民政政务公开和政府网站建设，提升依法行政和民政信息化水平。',
    ],
    columns: ['ghjh'],
    department: 'planning', drafter: 'guihua',
  },
  {
    key: 'disclosure-guide',
    title: '临沧市民政局政府信息公开指南',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-01-12', publishedAt: '2026-01-14T09:00:00+08:00',
    topic: '综合政务',
    openCategory: 'service', disclosure: 'proactive',
    paragraphs: [
      '为保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》(以下简称《条例》)，结合本局实际，编制本指南。本指南每年根据实际情况更新。',
      '一、主动公开。本局主动公开机构职能、规范性文件、规划计划、社会救助、养老服务、婚姻登记、殡葬管理、社会组织登记管理等政府信息，主要通过临沧市民政局网站、临沧市人民政府门户网站政府信息公开平台、政务新媒体以及新闻发布会等方式公开。属于主动公开范围的政府信息，自该信息形成或者变更之日起20个工作日内予以公开。',
      '二、依申请公开。公民、法人或者其他组织可以通过当面提交、邮寄或者在线提交等方式，向本局申请获取相关政府信息。受理机构：临沧市民政局办公室；受理时间：法定工作日上午9:00—12:00，下午14:30—17:30；联系电话：0883-2123456；邮政编码：677000。',
      '三、办理时限。能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。征求第三方意见所需时间不计算在前述期限内。',
      '四、收费标准。本局依申请提供政府信息不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，按照国家有关规定收取信息处理费。',
      '五、监督和救济。公民、法人或者其他组织认为本局在政府信息公开工作中侵犯其合法权益的，可以向临沧市人民政府办公室(市政府信息公开工作主管部门)投诉、举报，也可以依法申请行政复议或者提起行政诉讼。',
    ],
    columns: ['gkzn'],
    department: 'office', drafter: 'zonghe',
  },
  {
    key: 'annual-report-2025',
    title: '临沧市民政局2025年政府信息公开工作年度报告',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-01-20', publishedAt: '2026-01-23T10:00:00+08:00', recurs: 'yearly',
    topic: '综合政务',
    openCategory: 'result', disclosure: 'proactive',
    paragraphs: [
      '本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》要求编制，所列数据统计期限自2025年1月1日起至2025年12月31日止。如对本报告有疑问，请与临沧市民政局办公室联系(联系电话：0883-2123456)。',
      '一、总体情况。2025年，市民政局坚持“以公开为常态、不公开为例外”，围绕社会救助、养老服务、婚姻登记、殡葬管理、社会组织管理等重点领域深化政务公开。全年通过临沧市民政局网站主动公开政府信息326条，其中政策文件28件、政策解读15篇(图解6篇)；收到政府信息公开申请9件，均在法定期限内办结。',
      '二、主动公开政府信息情况。本年制发规范性文件2件，现行有效规范性文件11件；作出社会团体、社会服务机构成立、变更、注销登记等行政许可决定86件；对违规社会组织作出行政处罚2件；未实施行政强制，未收取行政事业性收费。',
      '三、收到和处理政府信息公开申请情况。本年新收申请9件，其中自然人申请8件、法人或者其他组织申请1件，上年结转0件。办理结果：予以公开5件，部分公开1件(涉及个人隐私依法删减)，不予公开1件(属于过程性信息)，本机关不掌握相关政府信息2件；结转下年度继续办理0件。本年度未发生政府信息公开行政复议、行政诉讼案件。',
      '四、存在的主要问题及改进情况。主要问题是政策解读形式还不够丰富，部分栏目信息更新不够及时。2026年将落实“谁起草、谁解读”要求，增加图解、问答等解读形式，建立栏目更新定期检查机制。',
      '五、其他需要报告的事项。本年度未收取信息处理费。全年办理人大代表建议3件、政协提案5件，均已按期办结，答复全文已按规定公开。',
    ],
    columns: ['gknb'],
    department: 'office', drafter: 'zonghe',
  },
  {
    key: 'bureau-overview',
    title: '临沧市民政局机构概况',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-01-05', publishedAt: '2026-01-08T09:00:00+08:00',
    topic: '综合政务',
    openCategory: 'management', disclosure: 'proactive',
    paragraphs: [
      '临沧市民政局是市人民政府工作部门，为正处级，贯彻落实党中央关于民政工作的方针政策和决策部署以及省委、市委工作要求，在履行职责过程中坚持和加强党对民政工作的集中统一领导。',
      '主要职责：拟订全市民政事业发展规划并组织实施；承担社会组织登记和监督管理；统筹推进、督促指导社会救助体系建设，负责城乡最低生活保障、特困人员救助供养和临时救助工作；统筹推进养老服务体系建设；拟订婚姻、殡葬、残疾人福利、流浪乞讨人员救助管理政策并组织实施；负责儿童福利、慈善事业促进和福利彩票管理有关工作；完成市委、市政府交办的其他任务。',
      '领导职数及分工：局长1名，主持局全面工作；副局长3名，分别分管社会救助和救灾、养老服务和社会事务、社会组织管理和规划财务等工作。局领导具体分工以局党组印发的分工文件为准。',
      '内设机构：办公室、政策法规科、规划财务与信息建设科、社会救助科、养老服务科、社会事务科、社会组织管理科、救灾科。',
    ],
    columns: ['jgzn', 'ldxx', 'nsjg'],
    department: 'office', drafter: 'zonghe',
  },
  // ---- 民政动态: 5 news items, Oct–Nov 2026 ----
  {
    key: 'news-2026-10-13-jinglaoyue',
    title: '全市民政系统开展2026年“敬老月”系列活动',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-10-13', publishedAt: '2026-10-13T16:20:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'execution', disclosure: 'proactive',
    paragraphs: [
      '10月以来，全市各级民政部门以“敬老月”为契机，围绕“实施积极应对人口老龄化国家战略”主题，组织开展政策宣传、走访慰问、义诊和文体活动等系列活动。',
      '活动期间，各县(区)民政局联合卫生健康、文化旅游等部门，深入社区和养老机构开展老年人权益保障和防范养老诈骗宣传，发放宣传资料1.2万余份；组织志愿者走访慰问高龄、独居和失能老年人3600余人次。',
      '市民政局有关负责人表示，将以“敬老月”活动为抓手，持续推进社区老年助餐点建设和特殊困难老年人家庭适老化改造，让老年人共享发展成果、安享幸福晚年。',
    ],
    columns: ['mzdt'],
    department: 'elderly', drafter: 'yanglao',
  },
  {
    key: 'news-2026-10-20-assistance-meeting',
    title: '市民政局召开全市社会救助工作推进会',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-10-20', publishedAt: '2026-10-20T17:00:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'execution', disclosure: 'proactive',
    paragraphs: [
      '近日，市民政局召开全市社会救助工作推进会，通报前三季度社会救助工作进展，安排部署第四季度重点工作。各县(区)民政局分管负责人和社会救助股负责人参加会议。',
      '会议指出，今年以来全市按期调整城乡低保标准，新标准自7月1日起全面落实到位；依托低收入人口动态监测信息平台，累计预警核查困难群众信息1.8万余条，及时将符合条件的困难群众纳入救助范围。',
      '会议要求，各县(区)要聚焦年底冬春时段，加强低保、特困供养和临时救助政策衔接，常态化开展社会救助领域群众身边不正之风和腐败问题整治，确保困难群众温暖过冬。',
    ],
    columns: ['mzdt'],
    department: 'assistance', drafter: 'jiuzhu',
  },
  {
    key: 'news-2026-10-30-relief-linkage',
    title: '市民政局部署做好受灾困难群众基本生活保障衔接工作',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-10-30', publishedAt: '2026-10-30T16:00:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'execution', disclosure: 'proactive',
    paragraphs: [
      '近日，市民政局印发通知，要求各县(区)民政部门加强与应急管理部门的协作，做好受灾困难群众过渡期生活救助与社会救助政策的衔接。',
      '通知要求，对因灾导致基本生活陷入困境的群众，应急救助结束后仍有困难的，及时纳入临时救助或者最低生活保障范围；对符合条件的因灾致困家庭，实行“先行救助”，做到应救尽救。',
      '各县(区)民政局要建立受灾困难群众信息共享台账，每月与应急管理部门比对数据，确保救助政策无缝衔接、不漏一户、不落一人。',
    ],
    columns: ['mzdt'],
    department: 'relief', drafter: 'jiuzai',
  },
  {
    key: 'news-2026-11-06-orgs-training',
    title: '全市社会组织负责人能力提升培训班在临翔区举办',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-11-06', publishedAt: '2026-11-06T17:30:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'execution', disclosure: 'proactive',
    paragraphs: [
      '近日，市民政局在临翔区举办全市社会组织负责人能力提升培训班，市本级及各县(区)社会组织负责人、财务人员共120余人参加培训。',
      '培训围绕社会组织法律法规、内部治理、财务管理、年检年报和信息公开等内容进行了系统讲解，并结合近年来社会组织年检中发现的典型问题进行案例剖析。',
      '参训人员表示，通过培训进一步明晰了依法依章程开展活动的要求，将把所学运用到实际工作中，推动社会组织规范健康发展，更好参与基层社会治理和公益慈善事业。',
    ],
    columns: ['mzdt'],
    department: 'orgs', drafter: 'shezu',
  },
  {
    key: 'news-2026-11-18-disclosure-training',
    title: '市民政局举办2026年政务公开和政府网站业务培训',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-11-18', publishedAt: '2026-11-18T16:30:00+08:00',
    topic: '综合政务',
    openCategory: 'execution', disclosure: 'proactive',
    paragraphs: [
      '近日，市民政局举办2026年政务公开和政府网站业务培训，局机关各科室、直属单位信息员及各县(区)民政局政务公开工作人员共60余人参加培训。',
      '培训解读了《中华人民共和国政府信息公开条例》关于主动公开、依申请公开和公开属性源头认定的有关规定，讲解了政策文件与解读材料“同步起草、同步审批、同步发布”的工作要求，并现场演示了新版网站内容管理系统的稿件审核和发布流程。',
      '培训强调，各科室要严格落实信息发布“三审”制度和保密审查机制，发布前认真核查个人隐私等敏感信息，确保公开信息准确、规范、安全。',
    ],
    columns: ['mzdt'],
    department: 'office', drafter: 'zonghe',
  },
  // ---- Never public: 依申请公开 / 不予公开 (formationDate only, no publishedAt) ----
  {
    key: 'welfare-home-repair-reply',
    title: '临沧市民政局关于市社会福利院综合楼维修改造项目资金有关事项的复函',
    documentNumber: '临民函〔2026〕46号',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-09-15',
    topic: '民政、扶贫、救灾',
    openCategory: 'management', disclosure: 'onRequest',
    disclosureReason: '本件系就特定单位来函事项作出的答复，仅涉及特定对象的具体事务，不属于《中华人民共和国政府信息公开条例》第十九条、第二十条规定的应当主动公开的政府信息；公民、法人或者其他组织可依照条例第二十七条规定向本机关申请获取。',
    paragraphs: [
      '临沧市社会福利院：',
      '你院《关于申请综合楼维修改造项目资金的请示》收悉。经研究，现函复如下。',
      '一、原则同意对你院综合楼屋面防水、消防设施和无障碍设施进行维修改造，项目资金从2026年度市本级福利彩票公益金中统筹安排。',
      '二、请你院按照政府采购和工程建设有关规定组织实施，严格控制工程造价，项目完工后及时组织验收，并将资金使用情况报局规划财务与信息建设科。',
    ],
    columns: ['zcwj'],
    department: 'planning', drafter: 'guihua',
  },
  {
    key: 'elderly-regulation-draft-opinion',
    title: '临沧市民政局关于《临沧市养老服务条例(草案征求意见稿)》的修改意见',
    documentNumber: '临民函〔2026〕52号',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-10-27',
    topic: '民政、扶贫、救灾',
    openCategory: 'decision', disclosure: 'notPublic',
    disclosureReason: '本件系本机关在地方性法规起草过程中向有关部门反馈的修改意见，属于行政机关在履行行政管理职能过程中形成的过程性信息，依据《中华人民共和国政府信息公开条例》第十六条第二款规定，不予公开。',
    paragraphs: [
      '市司法局：',
      '《关于征求〈临沧市养老服务条例(草案征求意见稿)〉修改意见的函》收悉。经认真研究，现提出以下修改意见。',
      '一、建议在第三章增加经济困难的失能老年人照护补贴制度的原则性规定，明确补贴对象认定由县级民政部门负责。',
      '二、建议将第二十二条“新建住宅小区应当配套建设养老服务设施”修改为“新建城区和新建住宅区应当按照规定标准配套建设养老服务设施，并与住宅同步规划、同步建设、同步验收、同步交付使用”。',
      '三、建议在法律责任一章中对养老机构未按规定备案的情形设置相应的法律责任条款，与上位法保持衔接。',
    ],
    columns: ['zcwj'],
    department: 'policy', drafter: 'fagui',
  },
  // ---- Drafts (proactive, not yet published) ----
  {
    key: 'orgs-supervision-draft',
    title: '临沧市民政局关于进一步加强社会组织登记管理和活动监管的通知',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-11-16',
    topic: '民政、扶贫、救灾',
    openCategory: 'management', disclosure: 'proactive',
    paragraphs: [
      '各县(区)民政局，市本级各社会组织：',
      '为进一步规范社会组织登记和活动行为，促进社会组织健康有序发展，现就有关事项通知如下。',
      '一、严格登记审查。坚持对拟成立社会组织的发起人、拟任负责人和业务范围进行严格审查，依法打击整治假冒“中国”“全国”“国际”等字样开展活动的非法社会组织。',
      '二、加强活动监管。社会组织举办评比达标表彰、会议论坛、涉企收费等活动，应当严格遵守有关规定，不得强制入会、强制收费。',
      '三、强化信用约束。对未按规定参加年检、不按章程开展活动的社会组织，依法列入活动异常名录或者严重违法失信名单，并向社会公布。',
    ],
    columns: ['shzz', 'zcwj'],
    department: 'orgs', drafter: 'shezu',
  },
  {
    key: 'winter-spring-assistance-draft',
    title: '临沧市民政局关于做好2026—2027年冬春期间困难群众基本生活保障工作的通知',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-11-19',
    topic: '民政、扶贫、救灾',
    openCategory: 'execution', disclosure: 'proactive',
    paragraphs: [
      '各县(区)民政局：',
      '入冬以来，我市部分地区气温明显下降。为切实保障困难群众温暖过冬，现就做好2026—2027年冬春期间困难群众基本生活保障工作通知如下。',
      '一、全面摸排困难群众情况。以低保对象、特困人员、低保边缘家庭和受灾困难群众为重点，逐户摸清冬春期间基本生活需求，建立工作台账。',
      '二、及时落实各项救助政策。确保低保金、特困人员救助供养金按时足额发放；对遭遇突发性、紧迫性困难的群众，及时实施临时救助，必要时实行“先行救助”。',
      '三、开展“寒冬送温暖”专项救助行动。加强街面巡查，对流浪乞讨人员做到及时发现、及时救助、妥善安置，坚决防止冻伤冻亡事件发生。',
    ],
    columns: ['linshi', 'zcwj'],
    department: 'relief', drafter: 'jiuzai',
  },
  // ---- 互动交流: what the interview and mailbox columns publish (征求意见 lists consultations: demo-consultation.ts) ----
  {
    key: 'interview-dibao-2026',
    title: '在线访谈：市民政局负责人解读2026年城乡低保标准调整',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-11-12', publishedAt: '2026-11-12T15:30:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'service', disclosure: 'proactive',
    paragraphs: [
      '近日，市民政局分管负责人做客“政民互动”在线访谈，就2026年城乡最低生活保障标准调整回答网民关心的问题。',
      '问：这次调整后，城乡低保标准分别是多少？答：城市低保标准提高到每人每月860元，农村低保标准提高到每人每年5800元，自2026年7月1日起执行。',
      '问：群众如何申请低保？答：可向户籍所在地乡镇人民政府（街道办事处）提出申请，也可通过“一部手机办事通”在线申请，符合条件的将在规定时限内办结。',
    ],
    columns: ['zxft'],
    department: 'assistance', drafter: 'jiuzhu',
  },
  {
    key: 'mailbox-2026-10',
    title: '2026年10月局长信箱来信办理情况',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-11-04', publishedAt: '2026-11-05T10:00:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'result', disclosure: 'proactive',
    paragraphs: [
      '2026年10月，局长信箱共收到来信27件，其中咨询类18件、求助类6件、意见建议类3件，已全部按期办结，平均办理时间4.2个工作日。',
      '来信主要涉及低保和特困供养政策咨询、养老服务补贴申领、婚姻登记预约等事项。对群众普遍关心的问题，我局已在“政策解读”栏目作出集中解答。',
    ],
    columns: ['tzgg'],
    department: 'office', drafter: 'zonghe',
  },
  // ---- 上级文件: one reprint from each upstream (S9), examples of what syndication brings in ----
  {
    key: 'reprint-gwy-2026',
    title: '国务院办公厅关于进一步做好社会救助兜底保障工作的通知（转载示例）',
    documentNumber: '国办发〔2026〕21号',
    issuingAuthority: '国务院办公厅',
    formationDate: '2026-10-28', publishedAt: '2026-11-03T09:30:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'execution', disclosure: 'proactive',
    paragraphs: ['各省、自治区、直辖市人民政府，国务院各部委、各直属机构：为进一步做好社会救助兜底保障工作，切实保障困难群众基本生活，经国务院同意，现就有关事项通知如下。', '（演示数据：转载文件示例，正文从略。）'],
    columns: ['gwy'],
    department: 'office', drafter: 'zonghe',
    reprint: { sourceName: '中国政府网', sourceUrl: 'https://www.gov.cn/zhengce/' },
  },
  {
    key: 'reprint-szf-2026',
    title: '云南省人民政府办公厅关于加快发展银发经济的实施意见（转载示例）',
    documentNumber: '云政办发〔2026〕35号',
    issuingAuthority: '云南省人民政府办公厅',
    formationDate: '2026-10-15', publishedAt: '2026-10-22T10:00:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'execution', disclosure: 'proactive',
    paragraphs: ['各州、市人民政府，省直各委、办、厅、局：为加快发展银发经济，增进老年人福祉，结合我省实际，提出如下实施意见。', '（演示数据：转载文件示例，正文从略。）'],
    columns: ['szf'],
    department: 'office', drafter: 'zonghe',
    reprint: { sourceName: '云南省人民政府', sourceUrl: 'https://www.yn.gov.cn/zwgk/' },
  },
  {
    key: 'reprint-mzb-2026',
    title: '民政部关于做好2026年冬春困难群众救助工作的通知（转载示例）',
    documentNumber: '民发〔2026〕48号',
    issuingAuthority: '民政部',
    formationDate: '2026-11-06', publishedAt: '2026-11-13T09:00:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'execution', disclosure: 'proactive',
    paragraphs: ['各省、自治区、直辖市民政厅（局），新疆生产建设兵团民政局：为切实做好今冬明春困难群众基本生活保障工作，现就有关事项通知如下。', '（演示数据：转载文件示例，正文从略。）'],
    columns: ['mzb'],
    department: 'office', drafter: 'zonghe',
    reprint: { sourceName: '民政部', sourceUrl: 'https://www.mca.gov.cn/n152/n165/index.html' },
  },
  {
    key: 'reprint-shizf-2026',
    title: '临沧市人民政府办公室关于印发临沧市养老服务体系建设三年行动方案的通知（转载示例）',
    documentNumber: '临政办发〔2026〕52号',
    issuingAuthority: '临沧市人民政府办公室',
    formationDate: '2026-09-26', publishedAt: '2026-10-09T16:00:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'execution', disclosure: 'proactive',
    paragraphs: ['各县（区）人民政府，市直各委、办、局：《临沧市养老服务体系建设三年行动方案》已经市人民政府同意，现印发给你们，请认真贯彻执行。', '（演示数据：转载文件示例，正文从略。）'],
    columns: ['shizf'],
    department: 'office', drafter: 'zonghe',
    reprint: { sourceName: '临沧市人民政府', sourceUrl: 'https://www.lincang.gov.cn/' },
  },
  {
    key: 'reprint-smzt-2026',
    title: '云南省民政厅关于开展2026年度社会组织等级评估工作的通知（转载示例）',
    documentNumber: '云民函〔2026〕87号',
    issuingAuthority: '云南省民政厅',
    formationDate: '2026-10-30', publishedAt: '2026-11-06T11:00:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'management', disclosure: 'proactive',
    paragraphs: ['各州、市民政局，省级社会组织：为规范社会组织等级评估工作，现就开展2026年度社会组织等级评估工作有关事项通知如下。', '（演示数据：转载文件示例，正文从略。）'],
    columns: ['smzt'],
    department: 'office', drafter: 'zonghe',
    reprint: { sourceName: '云南省民政厅', sourceUrl: 'https://ynmz.yn.gov.cn/' },
  },
  // ---- Kept current (N3): each policy or notice column has an item of the last 6 months on the story
  // day. Appended here so that the 索引号 serials of the documents above stay as they were. ----
  {
    key: 'orgs-inspection-results-2025',
    title: '临沧市民政局关于2025年度市本级社会组织年度检查结果的公告',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-07-10', publishedAt: '2026-07-13T10:00:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'result', disclosure: 'proactive',
    paragraphs: [
      '根据《社会团体登记管理条例》《民办非企业单位登记管理暂行条例》《基金会管理条例》等有关规定，市民政局对市本级社会组织2025年度工作情况进行了年度检查，现将检查结果公告如下。',
      '一、年度检查合格的社会组织182家，基本合格12家，不合格3家。不合格的社会组织应当在规定期限内完成整改，整改期间暂停开展评比表彰等活动。',
      '二、未按规定参加年度检查的社会组织5家，依法列入活动异常名录；连续两年未参加年度检查的，依法作出撤销登记等处理。',
      '三、对年度检查结果有异议的，可自本公告发布之日起15个工作日内向市民政局社会组织管理科书面提出。',
    ],
    columns: ['shzz'],
    department: 'orgs', drafter: 'shezu',
  },
  {
    key: 'tekun-facility-safety-2026',
    title: '临沧市民政局关于开展特困人员供养服务机构安全隐患排查整治的通知',
    documentNumber: '临民发〔2026〕19号',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-09-14', publishedAt: '2026-09-16T10:00:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'execution', disclosure: 'proactive',
    paragraphs: [
      '各县(区)民政局：',
      '为切实保障集中供养特困人员生命财产安全，决定在全市特困人员供养服务机构开展安全隐患排查整治，现将有关事项通知如下。',
      '一、排查范围。全市县级特困人员供养服务设施和乡镇(街道)敬老院，重点排查消防设施、用电用气、食品安全、房屋结构和失能人员照护等方面的隐患。',
      '二、工作要求。各县(区)民政局要逐院建立隐患清单和整改台账，能立即整改的立即整改，不能立即整改的明确时限和责任人；整改情况于排查结束后10个工作日内报市民政局社会救助科。',
    ],
    columns: ['tekun'],
    department: 'assistance', drafter: 'jiuzhu',
  },
  {
    key: 'funeral-hanyi-2026',
    title: '临沧市民政局关于做好2026年寒衣节期间文明祭扫工作的通知',
    documentNumber: '临民发〔2026〕21号',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-11-02', publishedAt: '2026-11-04T10:00:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'execution', disclosure: 'proactive',
    paragraphs: [
      '各县(区)民政局，市殡仪馆、各公益性公墓：',
      '寒衣节将至，群众祭扫活动相对集中。为确保祭扫安全有序，现就做好寒衣节期间文明祭扫工作通知如下。',
      '一、倡导文明祭扫。通过鲜花祭扫、网络祭扫、家庭追思等方式寄托哀思，劝导群众不在城区道路、居民小区焚烧纸钱祭品。',
      '二、加强服务保障。各殡葬服务机构要延长服务时间，增设引导人员和便民设施，做好森林防火和人员疏导工作，遇有突发情况及时处置并报告。',
    ],
    columns: ['bzgl'],
    department: 'affairs', drafter: 'shiwu',
  },
];

/**
 * The demo's documents: the base set with its guide and validity elements added, then the service guides
 * (N6) and the normative documents in every validity status (N19), appended so that the base set keeps
 * its 索引号 serials.
 */
export const demoDocuments: DemoDocument[] = [
  ...baseDocuments.map((doc) => ({
    ...doc,
    ...(doc.key === 'marriage-registration-guide' ? { guide: marriageGuide } : {}),
    ...(demoValidityOfExisting[doc.key] ? { validity: demoValidityOfExisting[doc.key] } : {}),
  })),
  ...demoGuides.map((guide) => ({ ...guide, paragraphs: guide.paragraphs ?? [] })),
  ...demoValidityDocuments,
];

export const demoInterpretations: DemoInterpretation[] = [
  {
    key: 'implementation-rules-jd',
    title: '《临沧市民政局关于全面推进民政政务公开工作的实施细则》解读',
    documents: ['implementation-rules'],
    form: 'text',
    paragraphs: [
      '一、制定背景。2016年以来，中共中央办公厅、国务院办公厅印发《关于全面推进政务公开工作的意见》，国务院办公厅印发该意见的实施细则，对政策解读、回应关切、平台建设等提出了明确要求。2017年，临沧市人民政府办公室印发《关于全面推进全市政务公开工作实施细则的通知》(临政办发〔2017〕105号)，我局此前也已制定全市民政政务公开工作实施方案(临民发〔2017〕95号)。为把上级要求转化为局机关各科室、直属单位可执行、可检查的具体措施，我局制定了本实施细则。',
      '二、重点之一：把公开属性认定挺在公文起草环节。细则要求各科室(单位)拟制公文时必须同时明确“主动公开”“删减后公开”“依申请公开”或者“不公开”属性，非主动公开的要依法说明理由，并由局办公室在报批前审查；属性不明确或者理由不充分的，局办公室予以退文。这意味着公开审查从“发文后补做”转变为“起草时同步做”，从源头上落实“公开为常态、不公开为例外”。',
      '三、重点之二：政策解读与文件“三同步”。细则确立“谁起草、谁解读”原则，要求政策文件与解读方案、解读材料同步起草、同步审批、同步发布，材料不齐全的同样予以退文；同时鼓励运用图表、图解、视频等群众喜闻乐见的形式，让专业性较强的民政政策“听得懂、好明白、能理解”。',
      '四、重点之三：给舆情回应和信息报告定下“硬时限”。对特别重大、重大突发事件，要求最迟5小时内发布权威信息、24小时内举行新闻发布会；内部报告方面，要求20分钟内电话报告、40分钟内书面报告。细则还明确将政务公开工作纳入绩效考核，分值权重不低于4%，以考核倒逼责任落实。',
      '五、下一步工作。局办公室将会同政策法规科、规划财务与信息建设科，按照细则明确的牵头单位、责任单位和完成时限逐项跟踪督办，并通过临沧民政网站及时公开各项任务落实情况，接受社会监督。',
    ],
    department: 'office', drafter: 'zonghe',
    publishedAt: '2017-06-26T10:00:00+08:00',
  },
  {
    key: 'dibao-standard-2026-jd',
    title: '图解：2026年我市城乡低保标准提高了，一图读懂“涨多少、谁受益”',
    documents: ['dibao-standard-2026'],
    form: 'chart',
    paragraphs: [
      '问：这次低保标准调整了多少？答：城市低保标准由每人每月800元提高到840元，每月增加40元，增幅5%；农村低保标准由每人每月500元提高到530元，每月增加30元，增幅6%。特困人员基本生活标准同步提高，城市为每人每月1092元，农村为每人每月689元。',
      '问：哪些人能够受益？答：全市约1.06万名城市低保对象、约17.3万名农村低保对象以及约1.2万名特困人员将直接受益。据测算，仅低保提标一项，全年新增低保资金约6737万元。',
      '问：具体每户能多领多少？答：低保金按照“保障标准减去家庭月人均收入”的差额计发。例如，城市一户3口之家，家庭月人均收入300元，调整前每月领取(800-300)×3=1500元，调整后每月领取(840-300)×3=1620元，每月多领120元；农村一户4口之家，家庭月人均收入200元，调整后每月多领(530-500)×4=120元。实行分档救助的县(区)，各档补助水平相应提高。',
      '问：从什么时候开始执行？需要重新申请吗？答：新标准自2026年7月1日起执行。已纳入保障的对象无需重新申请，由县(区)民政部门统一重新核定；7月份未按新标准足额发放的，8月份一并补发。',
      '问：有疑问可以向哪里咨询？答：可向户籍所在地乡镇人民政府(街道办事处)或者县(区)民政局咨询，也可拨打临沧市民政局社会救助科电话0883-2123456。',
    ],
    charts: [
      {
        after: 0, kind: 'compare', title: '2026年城乡低保标准调整（每人每月）', unit: '元', source: '临沧市民政局社会救助科',
        data: '类别\t调整前\t调整后\n城市低保标准\t800\t840\n农村低保标准\t500\t530',
      },
      {
        after: 1, kind: 'bar', title: '直接受益人数', unit: '万人', source: '临沧市民政局社会救助科',
        data: '受益对象\t人数\n城市低保对象\t1.06\n农村低保对象\t17.3\n特困人员\t1.2',
      },
    ],
    department: 'assistance', drafter: 'jiuzhu',
    publishedAt: '2026-06-22T09:30:00+08:00',
  },
];

// 主动公开目录 (S3): the bureau's catalogue, by area of the 五公开. `documents` are DemoDocument keys.
export interface DemoCatalogueEntry {
  area: OpenCategory; subject: string; content: string; basis: string; timeLimit: string; method: string;
  department: string /* DemoDepartment.code */; documents: string[];
}
const regulation = '《中华人民共和国政府信息公开条例》';
const standardLimit = '信息形成或变更之日起20个工作日内';
const civilAffairsLimit = '信息形成或变更之日起10个工作日内'; // N12: social assistance and elderly care
const website = '临沧市民政局门户网站、政务新媒体';
export const demoCatalogue: DemoCatalogueEntry[] = [
  { area: 'decision', subject: '重要决策', content: '年度工作要点、重要改革方案、重大政策措施及其起草说明', basis: `${regulation}第二十条`, timeLimit: standardLimit, method: website, department: 'office', documents: ['work-plan-2026'] },
  { area: 'decision', subject: '决策预公开', content: '涉及群众切身利益的重要政策草案、征求意见情况及采纳情况', basis: '《重大行政决策程序暂行条例》', timeLimit: '征求意见期不少于30日', method: `${website}、征求意见栏目`, department: 'policy', documents: [] },
  { area: 'decision', subject: '社会救助标准', content: '城乡最低生活保障标准、特困人员救助供养标准及调整依据', basis: '《社会救助暂行办法》', timeLimit: civilAffairsLimit, method: website, department: 'assistance', documents: ['dibao-standard-2026'] },
  { area: 'execution', subject: '政策措施落实', content: '社会救助、养老服务、殡葬管理等重点工作的部署和推进情况', basis: `${regulation}第二十条`, timeLimit: standardLimit, method: website, department: 'office', documents: ['tekun-support-2026', 'qingming-2026'] },
  { area: 'execution', subject: '养老服务', content: '养老服务政策、养老机构名录、居家社区养老服务项目', basis: '《养老机构管理办法》', timeLimit: civilAffairsLimit, method: website, department: 'elderly', documents: ['elderly-service-2026'] },
  { area: 'execution', subject: '民政工作动态', content: '全市民政系统重要会议、活动和工作进展', basis: '《政府网站发展指引》', timeLimit: '及时发布', method: website, department: 'planning', documents: ['news-2026-10-20-assistance-meeting', 'news-2026-11-18-disclosure-training'] },
  { area: 'management', subject: '机构职能', content: '机构职能、内设机构、领导信息及分工', basis: `${regulation}第二十条`, timeLimit: standardLimit, method: website, department: 'office', documents: ['bureau-overview'] },
  { area: 'management', subject: '社会组织管理', content: '社会组织登记、年度检查、行政处罚结果', basis: '《社会团体登记管理条例》', timeLimit: standardLimit, method: website, department: 'orgs', documents: ['orgs-annual-inspection-2025'] },
  { area: 'management', subject: '人事信息', content: '所属事业单位公开招聘公告、拟聘用人员公示', basis: '《事业单位公开招聘人员暂行规定》', timeLimit: standardLimit, method: website, department: 'office', documents: ['recruitment-2026'] },
  { area: 'management', subject: '政务公开制度', content: '政务公开实施细则、保密审查、政策解读等制度', basis: `${regulation}`, timeLimit: standardLimit, method: website, department: 'office', documents: ['implementation-rules'] },
  { area: 'service', subject: '办事指南', content: '婚姻登记、社会救助申请等事项的设定依据、申请条件、办理材料、地点、时间、电话和流程', basis: '《政府网站与政务新媒体检查指标》', timeLimit: standardLimit, method: `${website}、办事大厅`, department: 'affairs', documents: ['marriage-registration-guide'] },
  { area: 'service', subject: '政府信息公开指南', content: '主动公开范围、依申请公开的受理机构、程序和时限', basis: `${regulation}第十二条`, timeLimit: standardLimit, method: website, department: 'office', documents: ['disclosure-guide'] },
  { area: 'result', subject: '救助结果公示', content: '临时救助、低保、特困供养对象及救助金额（个人信息依法处理）', basis: '《社会救助暂行办法》', timeLimit: civilAffairsLimit, method: `${website}、村（社区）公示栏`, department: 'assistance', documents: ['linshi-publicity-2026q3'] },
  { area: 'result', subject: '政府信息公开年度报告', content: '上一年度政府信息公开工作年度报告', basis: `${regulation}第四十九条`, timeLimit: '每年1月31日前', method: website, department: 'office', documents: ['annual-report-2025'] },
];
