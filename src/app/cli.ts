import fs from 'node:fs';
import net from 'node:net';
import { parseArgs } from 'node:util';
import {
  ConfigError,
  databaseSettings,
  listenPort,
  redactUrl,
  sessionSecret,
  startDemoVariable,
  type DatabaseSettings,
} from '../platform/config/env.js';
import { build, ensureBuilt, offlineToolEnvironment } from './build.js';
import { applyPendingMigrations, migrationStatus, MigrationError } from '../platform/db/migrations.js';

const help = `gongkai —— 政务公开网站系统

用法：gongkai <命令> [选项]

命令：
  start [--no-demo]        迁移数据库、（空库时）导入演示数据，启动管理后台、公开网站和定时任务
  build [--no-ui]          构建数据库客户端和管理后台
  migrate                  应用尚未执行的数据库迁移
  migrate status           列出已执行和待执行的迁移
  migrate create <名称>    结构变更后生成下一个迁移（开发者使用，SQLite 与 PostgreSQL 各一份）
  seed --demo              导入演示站点（可重复执行，已有内容不变）
  syndicate [标识…] [--dry-run] [--json]
                           立即采集转载来源（不写标识则采集全部已启用的来源），并报告结果；
                           --dry-run 只试运行，不保存任何内容；有来源失败时退出码为 1
  source try --adapter feed|json-list|gov-search-api|html-list --url 网址 [--selectors 文件] [--charset 字符集]
             [--feed-content never|on-detail-failure|always] [--json]
                           试采集一个尚未保存的来源：列出标题、网址、日期、文号、发文机关和第 1 条的正文，
                           不保存任何内容（rss、atom、json、html 等也可作采集方式）
  monitor [网址] [--max-pages N] [--json | --html 文件]
                           按国家检查指标监测网站：不写网址则监测本站（结合内容管理数据，保存报告）；
                           合格时退出码为 0，不合格为 1
  verify [网址] [--sample N] [--json]
                           网页防篡改核验（N9）：按发布清单逐页比对网站上的网页（电脑和手机浏览器各访问一次），
                           列出被改动的文字、被加入或删去的链接和脚本、清单外的页面和无法访问的页面；
                           不写网址则核验网站设置中的网站地址；--sample N 只核验接下来的 N 个文件（轮流）；
                           新发现的篡改立即发送到告警机器人（同一处篡改只告警一次）；一致时退出码为 0，否则为 1
  report annual --year YYYY [--json | --html 文件]
                           按当前数据生成政府信息公开工作年度报告的表格并校验（一 + 二 = 三 + 四）；
                           校验未通过时退出码为 1；--json 输出整份报告；--html 另存为可打印存档的网页（A4）
  report self-inspection --half YYYY-H1|YYYY-H2 [--department 科室名称] [--json]
                           生成各科室（或指定科室）的半年自查内容
  report figures --year YYYY [--json]
  report website --year YYYY [--json]
                           年度政务公开工作数据（向主要负责人汇报、绩效考核用）
  publish --all [--check | --repair]
                           把公开网站发布为文件（PUBLISH_DIR，默认数据目录中的 site）：--all 全部重新生成，
                           只写入内容有变化的文件，标准错误输出显示进度；--check 只核对目录与数据库应公开的内容，
                           逐项列出缺少、被改动、多出的文件和发布清单的不一致，有差异时退出码为 1；
                           --repair 按数据库重写被改动或缺少的文件、删除多出的文件，并记录一次发布
  visits import 文件… [--json]
                           把 nginx combined 格式的访问日志（可为 .gz）按天汇总为访问统计（同一天重新汇总时替换）

环境变量：PORT（默认 3000）、GONGKAI_DATA_DIR（数据目录，默认 data）、DATABASE_URL（默认数据目录中的 SQLite 文件
  gongkai.db；postgres:// 使用 PostgreSQL）、SESSION_SECRET（至少 32 个字符；不设置时自动生成并保存在数据目录中，
  多实例部署时须为每个实例设置相同的值）、GONGKAI_ADMIN_USERNAME / GONGKAI_ADMIN_PASSWORD（空库时创建的首个管理员）、
  GONGKAI_DEBUG=1（仅供开发：错误回复中显示堆栈）、PUBLISH_DIR（发布目录，默认数据目录中的 site）、
  PUBLISH_HOOK（每次发布后执行的命令，从标准输入逐行收到变化和删除的文件路径，如 rsync 到外网服务器）

选项：-h, --help  显示本帮助
`;

const say = (message: string) => console.log(`gongkai: ${message}`);

/** One clear line for the errors an operator can fix; anything else keeps its message. */
export function describeError(error: unknown, db?: DatabaseSettings): string {
  if (error instanceof ConfigError || error instanceof MigrationError) return error.message;
  const err = error as NodeJS.ErrnoException & { code?: string };
  const where = db ? redactUrl(db.url) : '数据库';
  switch (err?.code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
      return `无法连接数据库 ${where}（${err.code}）：请检查 DATABASE_URL 以及数据库服务是否已启动`;
    case '28P01':
    case '28000':
      return `数据库 ${where} 拒绝了登录：请检查 DATABASE_URL 中的用户名和密码`;
    case '3D000':
      return `数据库 ${where} 不存在：请先创建该数据库（createdb），或修改 DATABASE_URL`;
    case 'SQLITE_CANTOPEN':
    case 'EACCES':
      return `无法打开数据库文件 ${where}：请检查目录是否存在且可写`;
    default:
      return err instanceof Error ? err.message : String(error);
  }
}

/** Fails fast, with one line, when the port is taken, before anything slow starts. */
export async function assertPortFree(port: number, host?: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' ? new ConfigError(`端口 ${port} 已被占用：请停止占用它的程序，或用 PORT 环境变量换一个端口`) : error,
      ),
    );
    probe.listen({ port, host }, () => probe.close(() => resolve()));
  });
}

async function migrate(db: DatabaseSettings, log: (message: string) => void = say): Promise<void> {
  const applied = await applyPendingMigrations(db);
  log(applied.length ? `已应用迁移：${applied.join('、')}` : '数据库结构已是最新');
}

/** `gongkai seed --demo`: idempotent, what exists stays as it is. */
async function seedDemo(db: DatabaseSettings): Promise<void> {
  await ensureBuilt({ ui: false }, say);
  const { openContext, closeContext } = await import('./context.js');
  const { seedDemoSaying } = await import('./start-up.js');
  const context = await openContext(db);
  try {
    await seedDemoSaying(context, { onlyIfEmpty: false });
  } finally {
    await closeContext(context);
  }
}

/**
 * `gongkai monitor [URL]`: any site from the outside, or (without URL) our own with the CMS's knowledge,
 * its report stored like the daily run's. Progress on stderr; the report on stdout (text or --json) or
 * in an HTML file; exit 0 when the site passes, 1 when it fails.
 */
async function monitor(
  db: DatabaseSettings,
  url: string | undefined,
  options: { maxPages?: string | boolean; json: boolean; html?: string | boolean },
): Promise<number> {
  const fs = await import('node:fs');
  const { monitorSite, renderHtml, renderJson } = await import('../monitor/core/index.js');
  const maxPages = options.maxPages === undefined ? undefined : Number(options.maxPages);
  if (maxPages !== undefined && !(Number.isInteger(maxPages) && maxPages > 0)) throw new ConfigError('--max-pages 应为正整数');
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) throw new ConfigError(`网址应以 http:// 或 https:// 开头：${url}`);
  const progress = process.stderr.isTTY
    ? (p: { phase: string; done: number; total: number }) => process.stderr.write(`\r${p.phase} ${p.done}/${p.total}   `)
    : undefined;
  let report;
  if (url) {
    report = await monitorSite({ baseUrl: url, onProgress: progress, crawl: maxPages ? { maxPages } : {} });
  } else {
    await migrate(db);
    await ensureBuilt({ ui: false }, say);
    const { openContext, closeContext } = await import('./context.js');
    const { runOwnSiteMonitor } = await import('../monitor/runner.js');
    const { renderedExpectedBytes } = await import('./expected-bytes.js');
    const context = await openContext(db);
    try {
      report = (await runOwnSiteMonitor(context, { force: true, onProgress: progress, expectedBytes: renderedExpectedBytes(context) }))!
        .report;
    } finally {
      await closeContext(context);
    }
  }
  if (progress) process.stderr.write('\n');
  // Issue 14 #10: a site the outbound check refused was not checked at all: no report, say why.
  const refused = report.notes.find((n) => n.code === 'home-refused');
  if (refused) throw new ConfigError(`${refused.message}（命令行运行时用环境变量 GONGKAI_OUTBOUND_ALLOW 列出允许访问的内网地址）`);
  if (typeof options.html === 'string') fs.writeFileSync(options.html, renderHtml(report));
  if (options.json) console.log(renderJson(report));
  else {
    const s = report.score;
    console.log(
      `${report.site.baseUrl}：${s.passed ? '合格' : '不合格'}，得分 ${s.score}，单项否决 ${s.vetoes.length} 项，检查 ${report.pagesCrawled} 个页面`,
    );
    for (const reason of s.reasons) console.log(`  ${reason}`);
    for (const f of report.findings.filter((f) => f.severity !== 'warning'))
      console.log(`  [${f.ruleId}] ${f.message}${f.page ? `（${f.page}）` : ''}`);
  }
  return report.score.passed ? 0 : 1;
}

/**
 * `gongkai verify [URL] [--sample N] [--json]` (N9): the live site against the manifest of what was
 * published; each difference printed with its rule, page, time and the text added and removed; new
 * findings alerted to the robots; exit 0 when everything matches, 1 otherwise.
 */
async function verify(
  db: DatabaseSettings,
  url: string | undefined,
  options: { sample?: string | boolean; json: boolean },
): Promise<number> {
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) throw new ConfigError(`网址应以 http:// 或 https:// 开头：${url}`);
  const sample = options.sample === undefined ? undefined : Number(options.sample);
  if (sample !== undefined && !(Number.isInteger(sample) && sample > 0)) throw new ConfigError('--sample 应为正整数，例如 --sample 20');
  const log = options.json ? (message: string) => console.error(`gongkai: ${message}`) : say;
  if (options.json) (await import('../platform/logging/logger.js')).logger.level = 'silent';
  await migrate(db, log);
  await ensureBuilt({ ui: false }, log);
  const { openContext, closeContext } = await import('./context.js');
  const { checkPublishedSite } = await import('../monitor/tamper-check.js');
  const { renderedExpectedBytes } = await import('./expected-bytes.js');
  const { describeTamper } = await import('../monitor/core/tamper.js');
  const { formatChinaTime } = await import('../platform/calendar/china-time.js');
  const { manifestFile } = await import('../platform/config/env.js');
  const context = await openContext(db);
  try {
    // When PUBLISH_DIR's own file was changed, the expected text is the page rendered again from the database.
    const checked = await checkPublishedSite(context, {
      sample,
      baseUrl: url?.replace(/\/+$/, ''),
      expectedBytes: renderedExpectedBytes(context),
    });
    if (!checked) throw new ConfigError(`还没有发布清单（${manifestFile()}）：请先运行 gongkai publish --all 发布网站，再核验`);
    const { result, fresh, alertsSent } = checked;
    if (options.json) {
      console.log(JSON.stringify({ ...result, newKeys: fresh.map((f) => f.key), alertsSent }, null, 2));
      return result.findings.length ? 1 : 0;
    }
    console.log(
      `${result.baseUrl}：核验 ${result.pagesChecked} / ${result.pagesTotal} 个文件，${
        result.findings.length ? `发现 ${result.findings.length} 处与发布时不一致（N9 单项否决）` : '全部与发布时一致'
      }`,
    );
    console.log(
      `  发布清单哈希 ${result.manifestHash}${
        result.recordedManifestHash === null
          ? '（尚无发布记录可比对）'
          : result.recordedManifestHash === result.manifestHash
            ? '，与发布记录一致'
            : '，与发布记录不符'
      }`,
    );
    for (const f of result.findings) console.log(describeTamper(f, (iso) => formatChinaTime(new Date(iso))).join('\n'));
    if (fresh.length)
      for (const s of alertsSent)
        console.log(`  告警 ${s.kind === 'wecom' ? '企业微信' : '钉钉'}：${s.ok ? '已发送' : `失败（${s.error ?? s.status}）`}`);
    return result.findings.length ? 1 : 0;
  } finally {
    await closeContext(context);
  }
}

/** A report year from the command line: four digits, a year that has begun. */
function reportYear(raw: string | boolean | undefined): number {
  if (typeof raw !== 'string' || !/^\d{4}$/.test(raw) || Number(raw) < 2008)
    throw new ConfigError(`请用 --year 指定四位数字的年度，例如 --year 2025${typeof raw === 'string' ? `（收到“${raw}”）` : ''}`);
  if (Number(raw) > new Date().getFullYear()) throw new ConfigError(`${raw}年度尚未开始，不能生成报告`);
  return Number(raw);
}

/**
 * `gongkai report annual|self-inspection|figures`: the reports of issue 7 from the data, as text or
 * --json; `annual` exits 1 when its check fails (N14), so a script can stop a bad publication.
 */
async function report(
  db: DatabaseSettings,
  kind: string | undefined,
  options: { year?: string | boolean; half?: string | boolean; department?: string | boolean; json: boolean; html?: string | boolean },
): Promise<number> {
  if (kind !== 'annual' && kind !== 'self-inspection' && kind !== 'figures' && kind !== 'website')
    throw new ConfigError(
      '请指定报告类型：gongkai report annual --year YYYY、report self-inspection --half YYYY-H1、report figures --year YYYY 或 report website --year YYYY',
    );
  const year = kind === 'self-inspection' ? null : reportYear(options.year);
  if (options.html !== undefined && (kind !== 'annual' || typeof options.html !== 'string' || !options.html))
    throw new ConfigError('--html 只用于 report annual，后面写要保存的文件名，如 --html 年度报告.html');
  let half = '';
  if (kind === 'self-inspection') {
    const { halfYearBounds } = await import('../reports/core/self-inspection.js');
    half = typeof options.half === 'string' ? options.half : '';
    try {
      halfYearBounds(half);
    } catch (error) {
      throw new ConfigError(`请用 --half 指定半年度：${(error as Error).message}`);
    }
  }
  // Read only, and stdout is the report (--json must parse): progress goes to stderr, nothing is migrated.
  const pending = (await migrationStatus(db)).pending;
  if (pending.length) throw new ConfigError(`数据库尚有 ${pending.length} 个迁移未执行：请先运行 gongkai migrate`);
  await ensureBuilt({ ui: false }, (message) => console.error(`gongkai: ${message}`));
  const { openContext, closeContext } = await import('./context.js');
  const context = await openContext(db);
  try {
    // Every kind but self-inspection has its year (checked above).
    if (kind === 'annual' && year !== null) {
      const { generateAnnualReport, blankAnnualReportItem } = await import('../reports/annual-data.js');
      const { annualReportText } = await import('../reports/core/annual-report-text.js');
      const item = (await context.prisma.annualReport.findFirst({ where: { year } })) ?? blankAnnualReportItem(year);
      const result = await generateAnnualReport(context, item);
      console.log(options.json ? JSON.stringify(result, null, 2) : annualReportText(result));
      // N14: the self-contained page to archive or send on, the same report as the text above.
      if (typeof options.html === 'string') {
        const { renderAnnualReportHtml } = await import('../reports/core/annual-report.js');
        fs.writeFileSync(options.html, renderAnnualReportHtml(result));
        console.error(`gongkai: 已保存 ${options.html}`);
      }
      return result.failures.length ? 1 : 0;
    }
    if (kind === 'website' && year !== null) {
      // N17: exits 1 while a required figure is missing, like `annual` with its check.
      const { generateWebsiteReport } = await import('../reports/website-data.js');
      const { websiteReportText } = await import('../reports/core/website-report.js');
      const item = await context.prisma.websiteAnnualReport.findFirst({ where: { year } });
      const result = await generateWebsiteReport(context, year, item);
      console.log(options.json ? JSON.stringify(result, null, 2) : websiteReportText(result));
      return result.missing.length ? 1 : 0;
    }
    if (kind === 'figures' && year !== null) {
      const { loadAssessmentFigures } = await import('../reports/assessment-data.js');
      const { assessmentText } = await import('../reports/core/assessment.js');
      const figures = await loadAssessmentFigures(context, year);
      console.log(options.json ? JSON.stringify(figures, null, 2) : assessmentText(figures));
      return 0;
    }
    const { generateSelfInspection } = await import('../reports/self-inspection-cms.js');
    const { selfInspectionText } = await import('../reports/core/self-inspection.js');
    const departments = await context.prisma.department.findMany({
      where: typeof options.department === 'string' ? { name: options.department } : {},
      orderBy: { order: 'asc' },
      select: { id: true, name: true },
    });
    if (!departments.length)
      throw new ConfigError(typeof options.department === 'string' ? `没有名为“${options.department}”的科室` : '还没有科室');
    const all = [];
    for (const d of departments) all.push(await generateSelfInspection(context, d.id, half));
    console.log(options.json ? JSON.stringify(all, null, 2) : all.map(selfInspectionText).join('\n\n'));
    return 0;
  } finally {
    await closeContext(context);
  }
}

/** `gongkai syndicate [KEY…] [--dry-run] [--json]`: runs sources now and says what each brought; exit 1 if any failed. */
async function syndicate(db: DatabaseSettings, keys: string[], options: { dryRun: boolean; json: boolean }): Promise<number> {
  // With --json, stdout is the JSON alone: what else is said goes to stderr, and the run's log lines
  // (pino, on stdout) are left out: the JSON carries the errors, warnings and failures.
  const log = options.json ? (message: string) => console.error(`gongkai: ${message}`) : say;
  if (options.json) (await import('../platform/logging/logger.js')).logger.level = 'silent';
  await migrate(db, log);
  await ensureBuilt({ ui: false }, log);
  // The run needs the database, not Keystone: over a bare Prisma client the process holds a fraction of
  // the memory (README, 命令行).
  const { openDatabase, closeDatabase } = await import('../platform/db/database.js');
  const { syndicateSources, UsageError } = await import('../../syndication/cli.js');
  const context = await openDatabase(db);
  try {
    const progress = Boolean(process.stderr.isTTY) && !options.json;
    return await syndicateSources(context, keys, { ...options, progress }, options.json ? (t) => console.log(t) : say, (t) =>
      process.stderr.write(t),
    );
  } catch (error) {
    if (error instanceof UsageError) throw new ConfigError(error.message);
    throw error;
  } finally {
    await closeDatabase(context);
  }
}

/** `gongkai source try …`: a preview of a source nobody has saved; no database. */
async function source(
  sub: string | undefined,
  options: { adapter?: string; url?: string; selectors?: string; charset?: string; feedContent?: string; json: boolean },
): Promise<number> {
  if (sub !== 'try')
    throw new ConfigError(
      '用法：gongkai source try --adapter feed|json-list|gov-search-api|html-list --url 网址 [--selectors 文件] [--charset 字符集] [--json]',
    );
  const { sourceTry, UsageError } = await import('../../syndication/cli.js');
  try {
    return await sourceTry(options, (t) => console.log(t));
  } catch (error) {
    if (error instanceof UsageError) throw new ConfigError(error.message);
    throw error;
  }
}

/** A progress bar on stderr when it is a terminal, a line every 10 % otherwise (logs, CI). */
async function progressReporter(label: string): Promise<{ update: (done: number, total: number) => void; stop: () => void }> {
  if (process.stderr.isTTY) {
    const { SingleBar, Presets } = await import('cli-progress');
    const bar = new SingleBar(
      { format: `${label} [{bar}] {value}/{total} 页`, stream: process.stderr, hideCursor: true },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update: (done, total) => {
        if (!started) bar.start(total, 0);
        started = true;
        bar.setTotal(total);
        bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  }
  let shown = -1;
  return {
    update: (done, total) => {
      const tenth = Math.floor((done / total) * 10);
      if (tenth > shown) console.error(`gongkai: ${label} ${done}/${total} 页`);
      shown = Math.max(shown, tenth);
    },
    stop: () => {},
  };
}

/** `gongkai publish --all [--check | --repair]`: the public site as files, from the database. */
async function publish(db: DatabaseSettings, options: { all: boolean; check: boolean; repair: boolean }): Promise<number> {
  if (options.check && options.repair) throw new ConfigError('--check 与 --repair 不能同时使用：先用 --check 核对，再用 --repair 修复');
  if (!options.all && !options.check && !options.repair)
    throw new ConfigError('用法：gongkai publish --all [--check | --repair]（--all 全部重新生成发布目录）');
  const pending = (await migrationStatus(db)).pending;
  if (pending.length) throw new ConfigError(`数据库尚有 ${pending.length} 个迁移未执行：请先运行 gongkai migrate`);
  await ensureBuilt({ ui: false }, (m) => console.error(`gongkai: ${m}`));
  // Over the database alone: the pages need no Keystone, and the command stays small (README, 静态发布).
  const { openDatabase, closeDatabase } = await import('../platform/db/database.js');
  const { keepNoPages } = await import('../platform/page-cache/cache.js');
  const { startPublishing } = await import('./publishing.js');
  const context = await openDatabase(db);
  keepNoPages(context);
  const progress = await progressReporter(options.check ? '核对' : options.repair ? '修复' : '生成');
  try {
    const publisher = startPublishing(context);
    if (options.check) {
      const differences = await publisher.check(progress.update);
      progress.stop();
      for (const d of differences) say(d.message);
      say(
        differences.length
          ? `发现 ${differences.length} 处不一致（发布目录 ${publisher.directory}）`
          : `发布目录与数据库一致（${publisher.directory}）`,
      );
      return differences.length ? 1 : 0;
    }
    const result = await publisher.sync(null, {
      repair: options.repair,
      reason: options.repair ? '修复' : '全站重建',
      onProgress: progress.update,
    });
    progress.stop();
    await publisher.hooksDone();
    say(`已发布到 ${publisher.directory}：共 ${result.files} 个文件，写入 ${result.written.length} 个，删除 ${result.removed.length} 个`);
    if (options.repair) for (const file of [...result.written, ...result.removed]) say(`  已修复 ${file}`);
    return 0;
  } finally {
    progress.stop();
    await closeDatabase(context);
  }
}

/** N17: visit statistics from access logs (nginx's or ours), stored by day. */
async function visits(db: DatabaseSettings, sub: string | undefined, files: string[], json: boolean): Promise<number> {
  if (sub !== 'import' || !files.length) throw new ConfigError('用法：gongkai visits import 访问日志文件… [--json]');
  const missing = files.filter((f) => !fs.existsSync(f));
  if (missing.length) throw new ConfigError(`找不到访问日志文件：${missing.join('、')}`);
  await ensureBuilt({ ui: false }, say);
  const { openContext, closeContext } = await import('./context.js');
  const { importVisitLogs } = await import('../site/visits/store.js');
  const context = await openContext(db);
  try {
    const result = await importVisitLogs(context, files);
    if (json) say(JSON.stringify(result, null, 2));
    else {
      for (const d of result.days) say(`${d.day}：访问量 ${d.pageViews}，独立访客 ${d.uniqueVisitors}`);
      say(`共 ${result.days.length} 天${result.skipped ? `；${result.skipped} 行不是 combined 格式，已跳过` : ''}`);
    }
    return 0;
  } finally {
    await closeContext(context);
  }
}

async function start(db: DatabaseSettings, demo: boolean): Promise<void> {
  const port = listenPort();
  // Made (or read) now, so every later call in this process and in Keystone's finds the same secret.
  sessionSecret(process.env, console.warn);
  // N20: a bad GONGKAI_ADMIN_ALLOW or GONGKAI_LOG_RETENTION_DAYS stops the start here, with the reason.
  const { adminAllowList } = await import('../platform/oplog/admin-guard.js');
  const { retentionDays } = await import('../platform/oplog/retention.js');
  adminAllowList();
  try {
    retentionDays();
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  if (db.provider === 'postgresql' && !process.env.SESSION_SECRET) {
    say(
      '提示：未设置 SESSION_SECRET，使用数据目录中保存的会话密钥；在 PostgreSQL 上运行多个实例时，请为每个实例设置相同的 SESSION_SECRET。',
    );
  }
  await assertPortFree(port, process.env.HOST || undefined);
  await migrate(db);
  await ensureBuilt({ ui: true }, say);
  // The first admin, public text under today's masking rules and (on an empty database) the demo are made by
  // the server itself once connected (src/app/start-up.ts): the application is loaded once, by Keystone.
  process.env[startDemoVariable] = demo ? 'on' : 'off';
  offlineToolEnvironment();
  process.env.PORT = String(port);
  process.on('uncaughtException', (error: NodeJS.ErrnoException) => {
    console.error(`gongkai: ${error.code === 'EADDRINUSE' ? `端口 ${port} 已被占用` : describeError(error, db)}`);
    process.exit(1);
  });
  // The server runs Keystone's build (.keystone/config.js), not these sources: without source maps, loading it and
  // Next's chunks does not read their maps (about half a second a start); GONGKAI_DEBUG=1 keeps them for stack traces.
  if (process.env.GONGKAI_DEBUG !== '1') process.setSourceMapsEnabled(false);
  const { cli } = await import('@keystone-6/core/scripts/cli');
  await cli(process.cwd(), ['start']);
}

const str = (value: string | boolean | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      help: { type: 'boolean', short: 'h' },
      demo: { type: 'boolean' },
      'no-demo': { type: 'boolean' },
      'no-ui': { type: 'boolean' },
      'max-pages': { type: 'string' },
      sample: { type: 'string' },
      json: { type: 'boolean' },
      html: { type: 'string' },
      year: { type: 'string' },
      half: { type: 'string' },
      department: { type: 'string' },
      'dry-run': { type: 'boolean' },
      adapter: { type: 'string' },
      url: { type: 'string' },
      selectors: { type: 'string' },
      charset: { type: 'string' },
      'feed-content': { type: 'string' },
      all: { type: 'boolean' },
      check: { type: 'boolean' },
      repair: { type: 'boolean' },
    },
  });
  const [command, sub, ...rest] = positionals;
  if (values.help || !command) {
    console.log(help);
    return command || values.help ? 0 : 1;
  }
  let db: DatabaseSettings | undefined;
  try {
    db = databaseSettings();
    switch (command) {
      case 'start':
        await start(db, !values['no-demo'] && process.env.NODE_ENV !== 'production');
        return 0;
      case 'build':
        await build({ ui: !values['no-ui'] });
        return 0;
      case 'migrate':
        if (sub === 'create') {
          const name = rest.join('_');
          if (!name) throw new ConfigError('请为迁移起一个名字，例如：gongkai migrate create add_document_summary');
          const { createConfig } = await import('./keystone-config.js');
          const { createMigration } = await import('../platform/db/create-migration.js');
          offlineToolEnvironment();
          const created = await createMigration(name, createConfig);
          say(created.length ? created.map((c) => `已生成 ${c.directory}`).join('\n') : '结构没有变化，无需新迁移');
          return 0;
        }
        if (sub === 'status') {
          const status = await migrationStatus(db);
          say(`已执行 ${status.applied.length} 个迁移；待执行：${status.pending.map((m) => m.name).join('、') || '无'}`);
          return status.pending.length ? 2 : 0;
        }
        await migrate(db);
        return 0;
      case 'seed':
        if (!values.demo) throw new ConfigError('目前只支持导入演示数据：gongkai seed --demo');
        await migrate(db);
        await seedDemo(db);
        return 0;
      case 'monitor':
        return await monitor(db, sub, { maxPages: values['max-pages'], json: Boolean(values.json), html: values.html });
      case 'verify':
        return await verify(db, sub, { sample: values.sample, json: Boolean(values.json) });
      case 'report':
        return await report(db, sub, {
          year: values.year,
          half: values.half,
          department: values.department,
          json: Boolean(values.json),
          html: values.html,
        });
      case 'publish':
        return await publish(db, { all: Boolean(values.all), check: Boolean(values.check), repair: Boolean(values.repair) });
      case 'visits':
        await migrate(db);
        return await visits(db, sub, rest, Boolean(values.json));
      case 'syndicate':
        return await syndicate(db, [sub, ...rest].filter(Boolean), { dryRun: Boolean(values['dry-run']), json: Boolean(values.json) });
      case 'source':
        return await source(sub, {
          adapter: str(values.adapter),
          url: str(values.url),
          selectors: str(values.selectors),
          charset: str(values.charset),
          feedContent: str(values['feed-content']),
          json: Boolean(values.json),
        });
      default:
        console.error(`gongkai: 未知命令“${command}”\n`);
        console.error(help);
        return 1;
    }
  } catch (error) {
    console.error(`gongkai: ${describeError(error, db)}`);
    if (process.env.DEBUG) console.error(error);
    return 1;
  }
}
