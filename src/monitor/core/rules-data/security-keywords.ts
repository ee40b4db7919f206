/**
 * N9 keyword lists, editable: the caller may replace or extend them (see `resolveConfig`). Words that
 * government pages use legitimately (赌博 in "打击赌博", 色情 in "扫黄打非", 棋牌 in 老年活动室) are
 * left out on purpose, and 网投 is a pattern that skips 电网投资/管网投入/互联网投诉: one false veto
 * costs more trust than a missed word.
 */
export const gamblingKeywords = [
  '博彩',
  '娱乐城',
  '即时比分',
  '百家乐',
  '六合彩',
  '时时彩',
  '北京赛车pk10',
  '真人视讯',
  '真人荷官',
  '体育投注',
  '足球投注',
  '彩票平台',
  '澳门赌场',
  '澳门新葡京',
  '新葡京',
  '威尼斯人娱乐',
  '金沙娱乐',
  '皇冠体育',
  '开户送彩金',
  '彩金',
  '注册送',
  '棋牌游戏平台',
  '老虎机',
  '捕鱼游戏',
  '亚博体育',
  '开云体育',
];

export const pornKeywords = [
  '裸聊',
  '成人视频',
  '激情视频',
  '黄色网站',
  '一夜情',
  '约炮',
  'av女优',
  '无码视频',
  '午夜福利',
  '成人影院',
  '色情直播',
];

export const illegalKeywords = ['代开发票', '办假证', '出售枪支', '迷药', '代孕', '刷单兼职', '黑客接单', '私服传奇', '高仿证件'];

/** Brand-name patterns: bet365, 365bet, 188bet, 1xbet, dafabet … */
export const gamblingPatterns = [
  // 网投 but not 电网投资, 管网投入, 互联网投诉 …
  { pattern: '网投(?![资入诉票标运放保产建送递稿屏融])', label: '网投' },
  { pattern: '(?<![a-z])(?:\\d{2,4}x?bet|bet\\d{2,4}|dafabet|1xbet|betway|sbobet)(?![a-z])', label: '博彩品牌名' },
  { pattern: 'ag(?:真人|亚游)', label: '博彩平台名' },
];

/**
 * Where scripts may come from besides the site itself. '.gov.cn' lets in provincial and national
 * portals (统一搜索、政务服务); the others are the 党政机关标识 and 找错 scripts and Baidu statistics.
 */
export const scriptAllowlist = ['.gov.cn', 'bszs.conac.cn', 'zfwzzc.www.gov.cn', 'hm.baidu.com'];

/** Hosts a hidden or redirected link may point to without being an N9 finding (besides the site's own). */
export const trustedHosts = ['.gov.cn'];
