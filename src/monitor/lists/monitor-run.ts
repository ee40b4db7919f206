import { action, list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../platform/db/prisma.js';
import { checkbox, integer, json, text, timestamp } from '@keystone-6/core/fields';
import { managesSite } from '../../platform/access/roles.js';
import { defaultProbePaths, runOwnSiteMonitor } from '../runner.js';
import { readOnly, hiddenEverywhere } from '../../platform/admin-ui/ui-modes.js';

// 监测报告 (S8): every run of the monitor, kept for history and comparison. Written only by the monitor.
export const MonitorRun = list<ListTypeInfo<'MonitorRun'>>({
  access: { operation: { query: managesSite, create: () => false, update: () => false, delete: managesSite } },
  ui: {
    label: '监测报告',
    singular: '监测报告',
    plural: '监测报告',
    labelField: 'title',
    listView: {
      initialColumns: ['title', 'passed', 'score', 'vetoCount', 'findingCount', 'newCount', 'fixedCount', 'finishedAt'],
      initialSort: { field: 'finishedAt', direction: 'DESC' },
    },
  },
  fields: {
    title: text({ ui: { label: '报告', ...readOnly } }),
    siteUrl: text({ ui: { label: '网站地址', ...readOnly } }),
    ownSite: checkbox({ ui: { label: '本站（含内容管理数据）', ...readOnly } }),
    startedAt: timestamp({ ui: { label: '开始时间', ...readOnly } }),
    finishedAt: timestamp({ ui: { label: '完成时间', ...readOnly } }),
    passed: checkbox({ ui: { label: '合格', ...readOnly } }),
    score: integer({ ui: { label: '得分', ...readOnly } }),
    vetoCount: integer({ ui: { label: '单项否决', ...readOnly } }),
    findingCount: integer({ ui: { label: '问题数', ...readOnly } }),
    newCount: integer({ ui: { label: '新发现', ...readOnly } }),
    fixedCount: integer({ ui: { label: '已整改', ...readOnly } }),
    pagesCrawled: integer({ ui: { label: '检查页面数', ...readOnly } }),
    alertsSent: text({ ui: { label: '告警', ...readOnly } }),
    report: json({ ui: hiddenEverywhere }),
    summary: json({ ui: hiddenEverywhere }),
  },
});

// 可用性探测 (N1): the probes of the home page and key pages, every five minutes.
export const MonitorProbe = list<ListTypeInfo<'MonitorProbe'>>({
  access: { operation: { query: managesSite, create: () => false, update: () => false, delete: () => false } },
  ui: {
    label: '可用性探测',
    singular: '探测记录',
    plural: '可用性探测',
    labelField: 'url',
    listView: { initialColumns: ['url', 'at', 'ok', 'status', 'elapsedMs', 'error'], initialSort: { field: 'at', direction: 'DESC' } },
  },
  fields: {
    url: text({ ui: { label: '网址', ...readOnly } }),
    at: timestamp({ isIndexed: true, ui: { label: '时间', ...readOnly } }),
    ok: checkbox({ ui: { label: '可访问', ...readOnly } }),
    status: integer({ ui: { label: '状态码', ...readOnly } }),
    elapsedMs: integer({ ui: { label: '耗时（毫秒）', ...readOnly } }),
    error: text({ ui: { label: '错误', ...readOnly } }),
  },
});

// 监测设置: where alerts go, what is probed, and the editable rule lists (N7, N9).
export const MonitorSettings = list<ListTypeInfo<'MonitorSettings'>>({
  isSingleton: true,
  access: { operation: { query: managesSite, create: managesSite, update: managesSite, delete: () => false } },
  graphql: { plural: 'MonitorSettingsItems' },
  actions: {
    // 立即监测: the section checks a fix at once instead of waiting for the morning.
    runNow: action({
      access: managesSite,
      async resolve({ where }, context) {
        await runOwnSiteMonitor(context, { force: true });
        return context.sudo().db.MonitorSettings.findOne({ where });
      },
      ui: {
        label: '立即监测',
        messages: {
          promptTitle: '立即监测',
          prompt: '立即检查全站（可能需要几分钟），完成后在“监测报告”中查看。确定开始吗？',
          promptConfirmLabel: '开始监测',
          fail: '监测未能完成',
          success: '监测已完成，请到“监测报告”查看',
          promptTitleMany: '立即监测',
          promptMany: '立即检查全站？',
          promptConfirmLabelMany: '开始监测',
          failMany: '监测未能完成',
          successMany: '监测已完成',
        },
        itemView: { actionMode: 'enabled', navigation: 'refetch' },
        listView: { actionMode: 'hidden' },
      },
    }),
  },
  ui: { label: '监测设置', singular: '监测设置', plural: '监测设置' },
  fields: {
    dailyRun: checkbox({ defaultValue: true, ui: { label: '每日全站监测', description: '每天 6:00 检查全站并生成报告（S8）' } }),
    probePaths: text({
      defaultValue: defaultProbePaths,
      ui: { label: '探测页面', displayMode: 'textarea', description: '每 5 分钟探测一次的页面路径，每行一个（N1）' },
    }),
    checkExternalLinks: checkbox({
      defaultValue: true,
      ui: { label: '检查外部链接', description: '检查外部链接是否可用、是否已被博彩网站抢注（N8、N9）；内网无法访问互联网时关闭' },
    }),
    maxPages: integer({ defaultValue: 2000, validation: { isRequired: true, min: 10, max: 100000 }, ui: { label: '每次最多检查页面数' } }),
    webhooks: text({
      ui: {
        label: '告警机器人',
        displayMode: 'textarea',
        description: '每行一个：“企业微信 机器人网址”或“钉钉 机器人网址 加签密钥（可不填）”。出现单项否决或新的安全问题时立即发送',
      },
      validation: {
        match: {
          regex: /^(\s*(企业微信|钉钉|wecom|dingtalk)\s+https?:\/\/\S+(\s+\S+)?\s*(\n|$))*$/,
          explanation: '每行格式：企业微信 机器人网址，或 钉钉 机器人网址 加签密钥',
        },
      },
    }),
    // N9 防篡改核验: the tamper findings already alerted (so the same unchanged finding is not alerted
    // again) and where the 5-minute probe's rotating sample of published pages starts next.
    // Written only by the check itself.
    tamperAlerted: json({ access: { create: () => false, update: () => false }, ui: hiddenEverywhere }),
    tamperSampleOffset: integer({ defaultValue: 0, access: { create: () => false, update: () => false }, ui: hiddenEverywhere }),
    rules: json({
      ui: {
        label: '规则名单',
        description: '覆盖默认名单：博彩等违法词、脚本来源白名单、领导姓名与职务、严重错别字。填写格式见系统说明文档的“监测”一节',
      },
    }),
  },
});
