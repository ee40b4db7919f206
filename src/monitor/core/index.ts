/** Public API of the monitor library (see README.md). */
export * from './types.js';
export { monitorSite, evaluateCrawl, type MonitorSiteOptions, type EvaluateOptions, type MonitorProgress } from './monitor.js';
export { crawl, defaultUserAgent, type CrawlOptions, type CrawlProgress } from './crawler.js';
export { probe, availability } from './checks/n1-availability.js';
export { allChecks, runChecks } from './checks/index.js';
export { defaultRulesConfig, resolveConfig, type RulesOverrides } from './config.js';
export { scoreFindings, ruleCaps, passMark } from './score.js';
export {
  buildReport,
  compareRuns,
  findingKey,
  renderCsv,
  renderHtml,
  renderJson,
  summarize,
  withTamper,
  type RunComparison,
  type HtmlOptions,
} from './report.js';
export { buildAlert, buildDingTalkPayload, buildWeComPayload, sendAlert, type Alert, type AlertTarget, type SendResult } from './alerts.js';
export { columnKindFromCms } from './cms-kinds.js';
export {
  comparePage,
  compareMobile,
  describeTamper,
  isDynamicRoute,
  pageParts,
  tamperAlertLines,
  tamperKindLabels,
  tamperReportFindings,
  tamperUserAgents,
} from './tamper.js';
