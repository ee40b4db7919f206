import type { DemoDocument } from '../workflow/seed-types.js';

/*
 * N6: the demo's 办事指南 — ten real civil-affairs services of a city bureau, every element filled in, the
 * forms to download as files (written by the seed), the online service on 云南政务服务网 (一网通办).
 */

export interface DemoGuide {
  itemName: string;
  basis: string[];
  conditions: string[];
  materials: string[];
  /** File names of the forms to download (the seed writes each as a CSV table with its fields). */
  forms: { title: string; fields: string[] }[];
  place: string;
  agency: string;
  fee: string;
  feeBasis?: string;
  hours: string;
  enquiryPhone: string;
  complaintPhone: string;
  steps: string[];
  legalTimeLimit: string;
  promisedTimeLimit: string;
  onlineUrl: string;
}

const online = (code: string) => `https://zwfw.yn.gov.cn/portal/#/item-detail?itemCode=${code}`;
const workdays = '法定工作日上午9:00—12:00，下午14:30—17:30（节假日除外）';
const complaints = '0883-2127890（临沧市民政局监督投诉电话）；12345政务服务便民热线';
const free = '不收费';
const hall = '临沧市政务服务中心二楼民政窗口（临翔区南塘街）';

export const demoGuides: (Omit<DemoDocument, 'paragraphs'> & { paragraphs?: string[]; guide: DemoGuide })[] = [
  {
    key: 'guide-divorce',
    title: '内地居民离婚登记办事指南',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-03-02',
    publishedAt: '2026-03-04T09:10:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'service',
    disclosure: 'proactive',
    columns: ['hydj', 'bszn'],
    department: 'affairs',
    drafter: 'shiwu',
    guide: {
      itemName: '内地居民离婚登记',
      basis: ['《中华人民共和国民法典》第一千零七十六条至第一千零七十八条', '《婚姻登记条例》第十条至第十四条'],
      conditions: [
        '男女双方自愿离婚',
        '对子女抚养、财产以及债务处理等事项协商一致',
        '双方均具有完全民事行为能力',
        '双方在内地登记结婚或取得结婚证',
      ],
      materials: [
        '双方本人有效居民身份证原件',
        '双方本人的结婚证原件',
        '双方当事人共同签署的离婚协议书一式三份',
        '离婚登记申请书（在登记现场填写，可提前下载）',
      ],
      forms: [
        {
          title: '离婚登记申请书',
          fields: ['男方姓名', '男方身份证件号码', '女方姓名', '女方身份证件号码', '结婚登记日期', '结婚证字号', '申请日期', '双方签名'],
        },
      ],
      place: '临沧市婚姻登记处（临沧市政务服务中心一楼）及各县（区）婚姻登记处',
      agency: '临沧市民政局婚姻登记处',
      fee: free,
      hours: workdays,
      enquiryPhone: '0883-2123456',
      complaintPhone: complaints,
      steps: [
        '申请：双方共同到婚姻登记机关提交离婚登记申请',
        '受理：材料齐全的，出具《离婚登记申请受理回执单》',
        '冷静期：自受理之日起30日内，任何一方不愿意离婚的，可以撤回申请',
        '审查：冷静期届满后30日内，双方亲自到婚姻登记机关申请发给离婚证',
        '登记（发证）：符合条件的，予以登记，发给离婚证',
      ],
      legalTimeLimit: '冷静期30日，期满后30日内申请发证',
      promisedTimeLimit: '冷静期满后申请发证的，当场办结',
      onlineUrl: online('hunyin-lihun'),
    },
  },
  {
    key: 'guide-dibao',
    title: '最低生活保障申请办事指南',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-02-10',
    publishedAt: '2026-02-12T10:00:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'service',
    disclosure: 'proactive',
    columns: ['dibao', 'bszn'],
    department: 'assistance',
    drafter: 'jiuzhu',
    guide: {
      itemName: '最低生活保障对象认定',
      basis: [
        '《社会救助暂行办法》（国务院令第649号）第二章',
        '民政部《最低生活保障审核确认办法》（民发〔2021〕57号）',
        '《云南省最低生活保障审核确认办法》',
      ],
      conditions: ['持有当地常住户口的居民', '共同生活的家庭成员人均收入低于当地最低生活保障标准', '家庭财产状况符合当地有关规定'],
      materials: [
        '最低生活保障申请书',
        '家庭成员居民身份证、户口簿复印件',
        '家庭经济状况核对授权书（共同生活家庭成员签字）',
        '残疾、患病等特殊情况的相关证明材料',
      ],
      forms: [
        {
          title: '最低生活保障申请书',
          fields: ['申请人姓名', '身份证件号码', '户籍地址', '共同生活家庭成员', '家庭月收入', '申请理由', '申请日期'],
        },
        { title: '家庭经济状况核对授权书', fields: ['家庭成员姓名', '身份证件号码', '与申请人关系', '本人签字'] },
      ],
      place: '户籍所在地或经常居住地乡镇人民政府（街道办事处）社会救助服务窗口',
      agency: '县（区）民政局；受委托的乡镇人民政府（街道办事处）',
      fee: free,
      hours: workdays,
      enquiryPhone: '0883-2123456（临沧市民政局社会救助科）；96128民政服务热线',
      complaintPhone: complaints,
      steps: [
        '申请：向乡镇（街道）提出书面申请，或通过一网通办在线申请',
        '受理：乡镇（街道）对材料进行审查，材料齐全的予以受理',
        '调查核实：入户调查、邻里访问，开展家庭经济状况信息核对',
        '公示：在村（社区）公示调查结果，公示期7天',
        '审核确认：县（区）民政局审核确认，符合条件的自次月起发放保障金',
      ],
      legalTimeLimit: '自受理之日起30个工作日',
      promisedTimeLimit: '自受理之日起20个工作日',
      onlineUrl: online('dibao-shenqing'),
    },
  },
  {
    key: 'guide-linshi',
    title: '临时救助申请办事指南',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-02-10',
    publishedAt: '2026-02-12T10:05:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'service',
    disclosure: 'proactive',
    columns: ['linshi', 'bszn'],
    department: 'assistance',
    drafter: 'jiuzhu',
    guide: {
      itemName: '临时救助对象认定',
      basis: [
        '《社会救助暂行办法》（国务院令第649号）第十一章',
        '《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）',
        '《临沧市临时救助实施细则》',
      ],
      conditions: [
        '因火灾、交通事故等意外事件，家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭',
        '因生活必需支出突然增加超出家庭承受能力，导致基本生活暂时出现严重困难的最低生活保障家庭',
        '遭遇其他特殊困难的家庭或个人',
      ],
      materials: ['临时救助申请书', '申请人居民身份证、户口簿复印件', '致困原因的证明材料（医疗费用票据、事故证明等）'],
      forms: [
        {
          title: '临时救助申请审批表',
          fields: ['申请人姓名', '身份证件号码', '家庭住址（乡镇/街道）', '致困原因', '申请救助金额', '申请日期'],
        },
      ],
      place: '户籍所在地或经常居住地乡镇人民政府（街道办事处）社会救助服务窗口；情况紧急的可向县（区）民政局直接申请',
      agency: '县（区）民政局；受委托的乡镇人民政府（街道办事处）',
      fee: free,
      hours: workdays,
      enquiryPhone: '0883-2123456（临沧市民政局社会救助科）',
      complaintPhone: complaints,
      steps: [
        '申请：向乡镇（街道）提出申请',
        '受理：材料齐全的当场受理',
        '审核：调查核实家庭困难情况；情况紧急的先行救助、事后补齐材料',
        '审批：县（区）民政局审批，发放救助金或实物',
      ],
      legalTimeLimit: '自受理之日起20个工作日',
      promisedTimeLimit: '一般情形10个工作日；紧急情形24小时内先行救助',
      onlineUrl: online('linshi-shenqing'),
    },
  },
  {
    key: 'guide-tekun',
    title: '特困人员认定办事指南',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-02-10',
    publishedAt: '2026-02-12T10:10:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'service',
    disclosure: 'proactive',
    columns: ['tekun', 'bszn'],
    department: 'assistance',
    drafter: 'jiuzhu',
    guide: {
      itemName: '特困人员救助供养认定',
      basis: [
        '《社会救助暂行办法》（国务院令第649号）第三章',
        '民政部《特困人员认定办法》（民发〔2021〕43号）',
        '《云南省特困人员救助供养实施办法》',
      ],
      conditions: [
        '老年人、残疾人以及未满18周岁的未成年人',
        '无劳动能力',
        '无生活来源',
        '无法定赡养、抚养、扶养义务人，或者其法定义务人无履行义务能力',
      ],
      materials: [
        '特困人员救助供养申请书',
        '本人居民身份证、户口簿复印件',
        '残疾人证或相关证明材料（残疾人申请时提供）',
        '生活自理能力评估所需的有关材料',
      ],
      forms: [
        {
          title: '特困人员救助供养申请书',
          fields: ['申请人姓名', '身份证件号码', '户籍地址', '生活自理能力', '供养方式（集中/分散）', '申请日期'],
        },
      ],
      place: '户籍所在地乡镇人民政府（街道办事处）社会救助服务窗口',
      agency: '县（区）民政局',
      fee: free,
      hours: workdays,
      enquiryPhone: '0883-2123456（临沧市民政局社会救助科）',
      complaintPhone: complaints,
      steps: [
        '申请：本人或委托他人向乡镇（街道）提出书面申请',
        '受理：乡镇（街道）审查材料，予以受理',
        '调查核实：入户调查、生活自理能力评估',
        '公示：在村（社区）公示7天',
        '审核确认：县（区）民政局确认，自确认之日下月起给予救助供养',
      ],
      legalTimeLimit: '自受理之日起20个工作日',
      promisedTimeLimit: '自受理之日起15个工作日',
      onlineUrl: online('tekun-rending'),
    },
  },
  {
    key: 'guide-gaoling',
    title: '高龄津贴申领办事指南',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-03-15',
    publishedAt: '2026-03-17T09:30:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'service',
    disclosure: 'proactive',
    columns: ['jjsq', 'bszn'],
    department: 'elderly',
    drafter: 'yanglao',
    guide: {
      itemName: '80周岁以上老年人高龄津贴申领',
      basis: ['《中华人民共和国老年人权益保障法》第三十三条', '《云南省老年人权益保障条例》', '《临沧市高龄津贴发放管理办法》'],
      conditions: ['具有本市户籍', '年满80周岁（按身份证件记载的出生日期计算）'],
      materials: [
        '本人居民身份证、户口簿原件及复印件',
        '本人或代理人的社会保障卡（银行账户）信息',
        '委托他人代办的，提供代理人身份证件和委托书',
      ],
      forms: [
        { title: '高龄津贴申领登记表', fields: ['老年人姓名', '身份证件号码', '出生日期', '户籍地址', '发放账户', '代办人及联系电话'] },
      ],
      place: '户籍所在地村（社区）便民服务站或乡镇（街道）便民服务中心',
      agency: '县（区）民政局',
      fee: free,
      hours: workdays,
      enquiryPhone: '0883-2124567（临沧市民政局养老服务科）',
      complaintPhone: complaints,
      steps: [
        '申请：本人或代理人向村（社区）提出申请，年满80周岁当月即可申请',
        '初审：乡镇（街道）核对身份信息',
        '审核：县（区）民政局审核，符合条件的纳入发放名册',
        '发放：按月通过社会保障卡发放',
      ],
      legalTimeLimit: '自受理之日起15个工作日',
      promisedTimeLimit: '自受理之日起10个工作日',
      onlineUrl: online('gaoling-jintie'),
    },
  },
  {
    key: 'guide-yljg-beian',
    title: '养老机构备案办事指南',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-03-15',
    publishedAt: '2026-03-17T09:40:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'service',
    disclosure: 'proactive',
    columns: ['yljg', 'bszn'],
    department: 'elderly',
    drafter: 'yanglao',
    guide: {
      itemName: '养老机构备案',
      basis: ['《中华人民共和国老年人权益保障法》第四十三条', '民政部《养老机构管理办法》（民政部令第66号）第九条至第十一条'],
      conditions: [
        '已依法办理法人登记（民办非企业单位、事业单位或企业）',
        '具有与服务内容和规模相适应的场所、设施设备和工作人员',
        '服务场所符合消防、卫生、环境保护等要求',
      ],
      materials: [
        '养老机构备案书',
        '养老机构备案承诺书',
        '法人登记证书或营业执照复印件',
        '服务场所产权证明或租赁合同',
        '消防、食品经营等相关证明材料',
      ],
      forms: [
        {
          title: '养老机构备案书',
          fields: ['机构名称', '统一社会信用代码', '住所', '法定代表人', '床位数', '服务范围', '联系人及联系电话'],
        },
        { title: '养老机构备案承诺书', fields: ['机构名称', '承诺事项', '法定代表人签字', '日期'] },
      ],
      place: hall,
      agency: '临沧市民政局（市本级登记的养老机构）；县（区）民政局',
      fee: free,
      hours: workdays,
      enquiryPhone: '0883-2124567（临沧市民政局养老服务科）',
      complaintPhone: complaints,
      steps: [
        '提交：在收住老年人后10个工作日内提交备案材料',
        '核对：民政部门对材料进行核对',
        '备案：材料齐全的当场出具备案回执',
        '公开：备案信息在民政部门网站公开',
      ],
      legalTimeLimit: '材料齐全的当场备案',
      promisedTimeLimit: '即办',
      onlineUrl: online('yljg-beian'),
    },
  },
  {
    key: 'guide-shetuan',
    title: '社会团体成立登记办事指南',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-04-01',
    publishedAt: '2026-04-03T10:00:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'service',
    disclosure: 'proactive',
    columns: ['shzz', 'bszn'],
    department: 'orgs',
    drafter: 'shezu',
    guide: {
      itemName: '社会团体成立登记',
      basis: ['《社会团体登记管理条例》第九条至第十四条', '民政部《社会团体登记管理条例》实施有关规定'],
      conditions: [
        '有50个以上的个人会员或者30个以上的单位会员，个人会员、单位会员混合组成的，会员总数不少于50个',
        '有规范的名称和相应的组织机构',
        '有固定的住所',
        '有与其业务活动相适应的专职工作人员',
        '有合法的资产和经费来源，地方性社会团体有3万元以上活动资金',
        '有独立承担民事责任的能力',
      ],
      materials: [
        '社会团体法人登记申请表',
        '业务主管单位的批准文件（依法直接登记的除外）',
        '验资报告、场所使用权证明',
        '发起人和拟任负责人的基本情况、身份证明',
        '章程草案',
      ],
      forms: [
        {
          title: '社会团体法人登记申请表',
          fields: ['社会团体名称', '业务范围', '活动地域', '住所', '注册资金', '拟任法定代表人', '会员数量'],
        },
      ],
      place: hall,
      agency: '临沧市民政局社会组织管理科',
      fee: free,
      hours: workdays,
      enquiryPhone: '0883-2125678（临沧市民政局社会组织管理科）',
      complaintPhone: complaints,
      steps: [
        '申请：提交成立登记申请材料',
        '受理：材料齐全、符合法定形式的予以受理',
        '审查：对申请材料进行审查，必要时实地核查',
        '决定：准予登记的，发给《社会团体法人登记证书》并公告',
      ],
      legalTimeLimit: '自收到全部有效文件之日起60日',
      promisedTimeLimit: '自受理之日起20个工作日',
      onlineUrl: online('shetuan-chengli'),
    },
  },
  {
    key: 'guide-minfei',
    title: '民办非企业单位（社会服务机构）成立登记办事指南',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-04-01',
    publishedAt: '2026-04-03T10:10:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'service',
    disclosure: 'proactive',
    columns: ['shzz', 'bszn'],
    department: 'orgs',
    drafter: 'shezu',
    guide: {
      itemName: '民办非企业单位（社会服务机构）成立登记',
      basis: ['《民办非企业单位登记管理暂行条例》第八条至第十二条', '《民办非企业单位登记暂行办法》（民政部令第18号）'],
      conditions: [
        '经业务主管单位审查同意（依法直接登记的除外）',
        '有规范的名称、必要的组织机构',
        '有与其业务活动相适应的从业人员',
        '有与其业务活动相适应的合法财产',
        '有必要的场所',
      ],
      materials: [
        '民办非企业单位（法人）登记申请表',
        '业务主管单位的批准文件（依法直接登记的除外）',
        '场所使用权证明',
        '验资报告',
        '拟任负责人的基本情况、身份证明',
        '章程草案',
      ],
      forms: [{ title: '民办非企业单位法人登记申请表', fields: ['单位名称', '业务范围', '住所', '开办资金', '举办者', '拟任法定代表人'] }],
      place: hall,
      agency: '临沧市民政局社会组织管理科',
      fee: free,
      hours: workdays,
      enquiryPhone: '0883-2125678（临沧市民政局社会组织管理科）',
      complaintPhone: complaints,
      steps: [
        '申请：提交成立登记申请材料',
        '受理：材料齐全、符合法定形式的予以受理',
        '审查：对申请材料进行审查',
        '决定：准予登记的，发给《民办非企业单位（法人）登记证书》',
      ],
      legalTimeLimit: '自收到全部有效文件之日起60日',
      promisedTimeLimit: '自受理之日起20个工作日',
      onlineUrl: online('minfei-chengli'),
    },
  },
  {
    key: 'guide-huizang',
    title: '惠民殡葬基本服务费用减免办事指南',
    issuingAuthority: '临沧市民政局',
    formationDate: '2026-03-20',
    publishedAt: '2026-03-23T10:30:00+08:00',
    topic: '民政、扶贫、救灾',
    openCategory: 'service',
    disclosure: 'proactive',
    columns: ['bzgl', 'bszn'],
    department: 'affairs',
    drafter: 'shiwu',
    guide: {
      itemName: '惠民殡葬基本服务费用减免',
      basis: [
        '《殡葬管理条例》',
        '民政部等九部门《关于进一步推动殡葬改革促进殡葬事业发展的指导意见》（民发〔2018〕5号）',
        '《临沧市惠民殡葬政策实施办法》',
      ],
      conditions: ['逝者生前具有本市户籍', '在本市殡仪馆火化的', '享受遗体接运、暂存、火化、骨灰寄存等基本殡葬服务'],
      materials: ['逝者居民身份证或户口簿', '医疗机构出具的《居民死亡医学证明（推断）书》或公安机关出具的死亡证明', '经办人居民身份证'],
      forms: [
        { title: '惠民殡葬费用减免申请表', fields: ['逝者姓名', '身份证件号码', '户籍地址', '死亡日期', '经办人姓名', '与逝者关系'] },
      ],
      place: '临沧市殡仪馆业务大厅（临翔区忙畔街道）',
      agency: '临沧市殡仪馆；临沧市民政局社会事务科',
      fee: '遗体接运、暂存、火化、骨灰寄存4项基本服务费用全额减免；选择性服务按物价部门核定价格收费',
      feeBasis: '《云南省发展和改革委员会关于殡葬服务收费有关问题的通知》；临沧市殡葬服务收费标准公示',
      hours: '全年24小时（遗体接运）；业务大厅每日8:00—18:00',
      enquiryPhone: '0883-2123456（临沧市民政局社会事务科）；殡仪馆服务电话0883-2136789',
      complaintPhone: complaints,
      steps: [
        '办理：经办人在殡仪馆业务大厅办理殡葬服务手续',
        '核验：殡仪馆核验逝者户籍和死亡证明',
        '减免：结算时直接减免基本服务费用，无需垫付',
        '归档：殡仪馆留存减免材料，按月与民政部门结算',
      ],
      legalTimeLimit: '即办',
      promisedTimeLimit: '当场办结',
      onlineUrl: online('huimin-binzang'),
    },
  },
];

/** The demo's existing marriage-registration guide, now with every element (N6). */
export const marriageGuide: DemoGuide = {
  itemName: '内地居民结婚登记',
  basis: ['《中华人民共和国民法典》第一千零四十六条至第一千零五十一条', '《婚姻登记条例》第四条至第七条'],
  conditions: ['男方年满22周岁，女方年满20周岁', '双方均无配偶', '双方自愿结婚', '双方不属于直系血亲或者三代以内旁系血亲'],
  materials: [
    '双方本人有效居民身份证原件',
    '本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明（在登记现场填写）',
    '双方近期半身免冠合影照片3张',
    '申请结婚登记声明书（可提前下载）',
  ],
  forms: [
    {
      title: '申请结婚登记声明书',
      fields: ['男方姓名', '男方身份证件号码', '女方姓名', '女方身份证件号码', '婚姻状况声明', '双方签名', '日期'],
    },
  ],
  place: '临沧市婚姻登记处（临沧市政务服务中心一楼）及各县（区）婚姻登记处',
  agency: '临沧市民政局婚姻登记处',
  fee: free,
  hours: workdays,
  enquiryPhone: '0883-2123456',
  complaintPhone: complaints,
  steps: [
    '申请：双方亲自到婚姻登记机关提出申请',
    '受理：婚姻登记员查验证件和材料',
    '审查：询问当事人结婚意愿，核对声明内容',
    '登记（颁证）：符合法定条件的，当场予以登记并发给结婚证',
  ],
  legalTimeLimit: '材料齐全、符合法定条件的当场登记',
  promisedTimeLimit: '当场办结',
  onlineUrl: online('hunyin-jiehun'),
};
