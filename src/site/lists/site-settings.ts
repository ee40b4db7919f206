import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../platform/db/prisma.js';
import { text } from '@keystone-6/core/fields';
import { managesSite } from '../../platform/access/roles.js';
import { afterSiteWideChange } from '../../platform/page-cache/invalidation.js';
import { allowListProblems } from '../../platform/http/outbound.js';

// 网站设置: one item; the footer elements every page must show (N10).
export const SiteSettings = list<ListTypeInfo<'SiteSettings'>>({
  isSingleton: true,
  access: { operation: { query: () => true, create: managesSite, update: managesSite, delete: () => false } },
  graphql: { plural: 'SiteSettingsItems' },
  hooks: { afterOperation: afterSiteWideChange },
  ui: { label: '网站设置', singular: '网站设置', plural: '网站设置' },
  fields: {
    siteName: text({ ui: { label: '网站名称' }, validation: { isRequired: true, length: { max: 100 } } }),
    sponsor: text({ ui: { label: '主办单位' }, validation: { isRequired: true } }),
    contact: text({ ui: { label: '联系方式', description: '地址、邮编与电话，显示在每页页脚' } }),
    siteCode: text({
      ui: { label: '网站标识码' },
      validation: { isRequired: true, match: { regex: /^[0-9A-Z]{10}$/, explanation: '网站标识码为 10 位数字或大写字母' } },
    }),
    organisationCode: text({
      ui: { label: '统一社会信用代码', description: '索引号的前缀：文件发布时自动编号为“代码/年份-序号”' },
      validation: { match: { regex: /^([0-9A-Z]{18})?$/, explanation: '统一社会信用代码为 18 位数字或大写字母' } },
    }),
    icpNumber: text({ ui: { label: 'ICP备案号' } }),
    policeRecordNumber: text({ ui: { label: '公安机关备案号' } }),
    // The robots' addresses and keys would let anyone post into the bureau's group chats: staff only.
    alertWebhooks: text({
      access: { read: managesSite },
      ui: {
        label: '时限提醒机器人',
        displayMode: 'textarea',
        description: '舆情、依申请公开、留言办理时限临近或超期时通知的群机器人，每行一个：“企业微信 网址”或“钉钉 网址 [加签密钥]”',
      },
    }),
    // S12: one office and named staff are responsible for disclosure; it weighs at least 4 % in the assessment.
    disclosureLeader: text({ ui: { label: '政务公开分管领导', description: '姓名与职务，列入年度政务公开工作数据' } }),
    disclosureOffice: text({ ui: { label: '政务公开责任科室' } }),
    disclosureStaff: text({ ui: { label: '政务公开工作人员', description: '姓名，多人用顿号分隔' } }),
    disclosureAssessmentWeight: text({
      ui: { label: '政务公开绩效考核分值占比（%）', description: '不低于 4' },
      validation: { match: { regex: /^(\d{1,3}(\.\d{1,2})?)?$/, explanation: '分值占比填写数字，例如 4 或 5.5' } },
    }),
    baseUrl: text({
      ui: { label: '网站地址' },
      validation: {
        isRequired: true,
        match: { regex: /^https?:\/\/[^\s/]+(\/\S*)?$/, explanation: '网站地址必须以 http:// 或 https:// 开头' },
      },
    }),
    // Issue 14 #10: what outbound requests may reach besides public addresses. The intranet's layout is staff-only.
    outboundAllowList: text({
      access: { read: managesSite },
      ui: {
        label: '内网访问白名单',
        displayMode: 'textarea',
        description:
          '转载采集、网站监测和提醒机器人默认不访问本机、内网、链路本地、云元数据等非公网地址（防止借本系统探测内网）。确需访问内网网站时在此列出，每行一项：IP 地址（10.1.2.3）、网段（10.20.0.0/16、fd00::/8）或域名（oa.example.gov.cn；*.example.gov.cn 表示其所有子域名）。本站自己的网站地址不必列出',
      },
      hooks: {
        validate: ({ resolvedData, addValidationError }) => {
          const text = resolvedData?.outboundAllowList;
          if (typeof text === 'string') for (const problem of allowListProblems(text)) addValidationError(problem);
        },
      },
    }),
  },
});
