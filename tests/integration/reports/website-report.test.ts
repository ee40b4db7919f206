import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { projectRoot } from '../../../src/platform/config/env.js';
import { generateWebsiteReport } from '../../../src/reports/website-data.js';
import { websiteReportTasks } from '../../../src/reports/website-report-actions.js';
import { taskSources } from '../../../src/app/tasks.js';
import type { WebsiteReport } from '../../../src/reports/core/website-report.js';
import { seededApi } from '../../helpers/seeded-api.js';

const { state, as } = seededApi(['bangongshi', 'xinxi', 'jiuzhu']);
const prisma = () => state.t.context.sudo().prisma;
const get = (p: string) => request(state.app).get(p);

const fields = 'id year title complete checkResult publishedAt publicationNote';
const row = (report: WebsiteReport, heading: string, label: string) =>
  report.sections.find((s) => s.heading === heading)!.rows.find((r) => r.label === label)!.value;

function gongkai(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/gongkai.js'), 'report', ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, GONGKAI_SCHEDULER: 'off', DATABASE_URL: state.t.db.url },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('N17 网站工作年度报表', () => {
  test('N17: the demo 2025 report is generated from the data, complete, published and on the public site linked from the home page', async () => {
    const item = await prisma().websiteAnnualReport.findFirstOrThrow({ where: { year: 2025 } });
    expect(item.publishedAt).not.toBeNull();
    expect(item.complete).toBe(true);
    const report = await generateWebsiteReport(state.t.context, 2025, item);
    expect(report.missing).toEqual([]);
    const visits = await prisma().visitDay.findMany({ where: { day: { startsWith: '2025-' } } });
    expect(visits).toHaveLength(365);
    expect(row(report, '网站基本信息', '网站总访问量（单位：次）')).toBe(
      String(visits.reduce((n: number, d: { pageViews: number }) => n + d.pageViews, 0)),
    );
    expect(row(report, '网站基本信息', '独立用户访问总量（单位：个）')).toBe(
      String(visits.reduce((n: number, d: { uniqueVisitors: number }) => n + d.uniqueVisitors, 0)),
    );
    expect(row(report, '网站基本信息', 'ICP备案号')).toBe('滇ICP备05003121号');
    expect(row(report, '填报信息', '填报日期')).toBe('2026-01-23');
    const published = await prisma().document.count({
      where: {
        status: 'published',
        revisionOfId: null,
        publishedAt: { gte: new Date('2025-01-01T00:00:00+08:00'), lt: new Date('2026-01-01T00:00:00+08:00') },
      },
    });
    expect(row(report, '信息发布（单位：条）', '总数')).toBe(String(published + 12));

    const home = await get('/');
    expect(home.text).toContain('<a href="/disclosure/website-reports">政府网站工作年度报表</a>');
    expect(home.text).toContain(
      '<p class="home-report">年度报表：<a href="/disclosure/website-reports/2025">临沧市民政局政府网站工作年度报表（2025年度）</a> <time datetime="2026-01-23">',
    );
    const list = await get('/disclosure/website-reports');
    expect(list.text).toContain('<a href="/disclosure/website-reports/2025">临沧市民政局政府网站工作年度报表（2025年度）</a>');
    const page = await get('/disclosure/website-reports/2025');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<tr><th scope="row">是否明确网站安全责任人</th><td>是</td></tr>');
    expect(page.text).toContain('<tr><th scope="row">微信：名称</th><td>临沧民政</td></tr>');
    expect((await get('/disclosure/website-reports/2024')).status).toBe(404);
    expect((await get('/disclosure/website-reports/20x4')).status).toBe(404);
  });

  test('N17: 发布 is refused naming each missing required figure; filled in, it is published, final and public; anonymous and editors cannot', async () => {
    const created = await as(
      'bangongshi',
      `mutation { createWebsiteAnnualReport(data: { year: 2024, newTopics: 1, serviceCatalogue: "yes" }) { ${fields} } }`,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createWebsiteAnnualReport.id;
    expect(created.data!.createWebsiteAnnualReport.title).toBe('2024年度政府网站工作年度报表');
    const publish = () => as('xinxi', `mutation($id: ID!) { publishWebsiteAnnualReport(where: { id: $id }) { ${fields} } }`, { id });

    const refused = await publish();
    expect(refused.errors?.[0].message).toContain('必填数据不全，不能发布');
    expect(refused.errors?.[0].message).toContain('办事服务：注册用户数');
    expect(refused.errors?.[0].message).toContain('联系电话');
    expect(refused.errors?.[0].message).not.toContain('专栏专题：新开设数量');
    expect((await get('/disclosure/website-reports/2024')).status).toBe(404);

    // Nothing typed in is lost by the refusal; neither anonymous nor a department's editor may fill it in or publish it.
    expect((await prisma().websiteAnnualReport.findUniqueOrThrow({ where: { id } })).newTopics).toBe(1);
    expect((await as(null, `mutation($id: ID!) { publishWebsiteAnnualReport(where: { id: $id }) { id } }`, { id })).errors).toBeDefined();
    expect(
      (await as('jiuzhu', `mutation($id: ID!) { updateWebsiteAnnualReport(where: { id: $id }, data: { phone: "1" }) { id } }`, { id }))
        .errors,
    ).toBeDefined();
    expect((await as(null, `query { websiteAnnualReports { id } }`)).data?.websiteAnnualReports ?? []).toEqual([]);

    const fill = await as(
      'bangongshi',
      `mutation($id: ID!) { updateWebsiteAnnualReport(where: { id: $id }, data: {
        overviewUpdates: 5, mediaCommentaries: 0, registeredUsers: 1, serviceItems: 80, onlineServiceItems: 50, casesTotal: 2, casesNatural: 2, casesLegal: 0,
        unifiedPlatform: "yes", interviews: 1, interviewQuestions: 10, interviewAnswers: 10, smartQa: "no", monitoringMechanism: "yes", emergencyDrill: "no",
        securityOfficer: "yes", hasNewMedia: "no", headName: "李明华", reviewerName: "赵建国", fillerName: "刘静", phone: "0883-2123456" }) { id } }`,
      { id },
    );
    expect(fill.errors).toBeUndefined();
    const done = await publish();
    expect(done.errors).toBeUndefined();
    expect(done.data!.publishWebsiteAnnualReport).toMatchObject({ complete: true, checkResult: '必填数据齐全' });
    expect(done.data!.publishWebsiteAnnualReport.publicationNote).toMatch(
      /^2024年度网站工作年度报表于\d{4}-\d{2}-\d{2}公布，晚于2025-01-31的公布期限$/,
    );
    const edit = await as(
      'bangongshi',
      `mutation($id: ID!) { updateWebsiteAnnualReport(where: { id: $id }, data: { phone: "改" }) { id } }`,
      { id },
    );
    expect(edit.errors?.[0].message).toContain('网站工作年度报表已发布，不能修改或删除');
    const page = await get('/disclosure/website-reports/2024');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<tr><th scope="row">是否开展应急演练</th><td>否</td></tr>');
  });

  test('N17: gongkai report website prints the report and exits 1 while a required figure is missing; --json is the report', async () => {
    const ok = await gongkai(['website', '--year', '2025']);
    expect(ok.stderr).not.toContain('错误');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('临沧市民政局政府网站工作年度报表（2025年度）');
    expect(ok.stdout).toContain('必填数据齐全，可以发布（公布期限：2026-01-31）');
    const json = JSON.parse((await gongkai(['website', '--year', '2025', '--json'])).stdout);
    expect(json).toMatchObject({ year: 2025, missing: [], deadline: '2026-01-31' });
    const blank = await gongkai(['website', '--year', '2023']);
    expect(blank.status).toBe(1);
    expect(blank.stdout).toContain('  办事服务：是否发布服务事项目录');
  });

  test("N17: 待办 from 1 January until last year's report is published, due 31 January, for the office and the information section only", async () => {
    const office = { id: 'x', role: 'officeReviewer' as const, departmentId: null };
    const at = (day: string) => new Date(`${day}T09:00:00+08:00`);
    expect(taskSources).toContain(websiteReportTasks);
    const [task] = await websiteReportTasks(state.t.context, office, at('2023-01-10'));
    expect(task).toMatchObject({
      kindLabel: '网站年度报表',
      title: '2022年度政府网站工作年度报表',
      href: '/admin/website-annual-reports/create',
      due: '2023-01-31',
      urgency: 2,
    });
    expect((await websiteReportTasks(state.t.context, { ...office, role: 'infoSection' as const }, at('2023-01-28')))[0].urgency).toBe(1);
    expect((await websiteReportTasks(state.t.context, office, at('2023-02-03')))[0]).toMatchObject({
      urgency: 0,
      detail: expect.stringContaining('已超过2023-01-31的公布期限'),
    });
    // The demo's 2025 report is published: nothing to do in 2026.
    expect(await websiteReportTasks(state.t.context, office, at('2026-01-20'))).toEqual([]);
    expect(await websiteReportTasks(state.t.context, { id: 'y', role: 'editor' as const, departmentId: 'd' }, at('2023-01-10'))).toEqual(
      [],
    );
  });
});
