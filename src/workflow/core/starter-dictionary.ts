/**
 * The starting dictionary of the content gate: what the demo seeds into 规范表述词库 and what the monitor
 * checks another site against when it has no CMS of its own. The office keeps its own copy current in
 * the Admin UI; each entry names its source.
 */
import type { GateEntry } from './content-gate.js';

const constitution = '《中华人民共和国宪法》';
const pressRules = '新华社《新闻信息报道中的禁用词和慎用词》（2016年修订）';
const stateNames: GateEntry[] = [
  ['中华人民共合国', '中华人民共和国'],
  ['中华人名共和国', '中华人民共和国'],
  ['中华人民共和囯', '中华人民共和国'],
  ['中化人民共和国', '中华人民共和国'],
  ['中华民共和国', '中华人民共和国'],
  ['中华人民共国', '中华人民共和国'],
  ['中国人民共和国', '中华人民共和国'],
].map(([term, replacement]) => ({ kind: 'serious', category: 'stateName', term, replacement, source: constitution }));

const officialNames: GateEntry[] = [
  { term: '中国共产觉', replacement: '中国共产党', source: '《中国共产党章程》' },
  { term: '中国共产堂', replacement: '中国共产党', source: '《中国共产党章程》' },
  { term: '全国人民代表大全', replacement: '全国人民代表大会', source: constitution },
  { term: '全国人大常务委员会', replacement: '全国人民代表大会常务委员会', source: constitution },
  { term: '台湾总统', replacement: '台湾地区领导人', source: pressRules },
  { term: '台湾政府', replacement: '台湾当局', source: pressRules },
  { term: '民政局局常', replacement: '民政局局长', source: '临沧市民政局机构设置' },
].map((e) => ({ kind: 'serious', category: 'officialName', ...e }));

// Gambling and other illegal content is the security check's (N9); these are the slurs the press rules forbid.
const sensitive: GateEntry[] = [
  ['残废人', '残疾人'],
  ['弱智儿童', '智力障碍儿童'],
  ['独眼龙', '视力残疾人'],
].map(([term, replacement]) => ({ kind: 'serious', category: 'sensitive', term, replacement, source: pressRules }));

const outdated: GateEntry[] = [
  {
    term: '十三五规划',
    replacement: '“十四五”规划',
    retiredOn: '2021-03-13',
    source: '《中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要》（2021年3月12日发布）',
  },
  {
    term: '“十三五”规划',
    replacement: '“十四五”规划',
    retiredOn: '2021-03-13',
    source: '《中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要》（2021年3月12日发布）',
  },
  {
    term: '十二五规划',
    replacement: '“十四五”规划',
    retiredOn: '2016-03-17',
    source: '《中华人民共和国国民经济和社会发展第十三个五年规划纲要》（2016年3月16日发布）',
  },
  {
    term: '国家卫生和计划生育委员会',
    replacement: '国家卫生健康委员会',
    retiredOn: '2018-03-17',
    source: '第十三届全国人民代表大会第一次会议批准的国务院机构改革方案（2018年3月17日）',
  },
  {
    term: '国家卫生计生委',
    replacement: '国家卫生健康委',
    retiredOn: '2018-03-17',
    source: '第十三届全国人民代表大会第一次会议批准的国务院机构改革方案（2018年3月17日）',
  },
  {
    term: '民政部社会福利和慈善事业促进司',
    replacement: '民政部养老服务司、慈善事业促进和社会工作司',
    retiredOn: '2019-01-31',
    source: '《民政部职能配置、内设机构和人员编制规定》（2019年）',
  },
  {
    term: '国家老龄工作委员会办公室设在国家卫生健康委员会',
    replacement: '国家老龄工作委员会办公室设在民政部',
    retiredOn: '2023-03-10',
    source: '《党和国家机构改革方案》（2023年3月）',
  },
].map((e) => ({ kind: 'outdated', ...e }));

// The bureau's leaders and their terms (the demo's people): the office updates these on each appointment.
const leaders: GateEntry[] = [
  { term: '王建华', title: '局长', termStart: '2019-04-01', termEnd: '2025-06-30', source: '市人民政府任免通知（演示数据）' },
  { term: '李明', title: '局长', termStart: '2025-07-01', termEnd: null, source: '市人民政府任免通知（演示数据）' },
  { term: '赵建国', title: '副局长', termStart: '2021-09-01', termEnd: null, source: '市人民政府任免通知（演示数据）' },
].map((e) => ({ kind: 'leader', ...e }));

export const starterDictionary: readonly GateEntry[] = [...stateNames, ...officialNames, ...sensitive, ...outdated, ...leaders];
