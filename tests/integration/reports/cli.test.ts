import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { projectRoot } from '../../../src/platform/config/env.js';
import { calendarDayValue } from '../../../src/platform/db/calendar-day.js';
import type { TestDatabase } from '../../helpers/database.js';
import { seededDemoContext } from '../../helpers/demo-template.js';
import { useTestClock } from '../../helpers/clock.js';

// The demo and this file's dates follow the test clock, not the day the suite runs (trust #17).
useTestClock();

// `gongkai report …` on a migrated demo database (SQLite, or PostgreSQL with TEST_DATABASE=postgresql).
// one engine: the reports' figures are computed by functions tested on both engines in reports.test.ts; this suite
// checks the commands' arguments, printing and exit codes.
let t: TestDatabase;
beforeAll(async () => {
  t = await seededDemoContext();
});
afterAll(() => t.close());

function gongkai(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/gongkai.js'), 'report', ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, GONGKAI_SCHEDULER: 'off', DATABASE_URL: t.db.url },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('gongkai report', () => {
  test('N14: report annual prints the tables and the check; --json is the report', async () => {
    const r = await gongkai(['annual', '--year', '2025']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('临沧市民政局2025年政府信息公开工作年度报告');
    expect(r.stdout).toContain('  行政许可 46；行政处罚 2；行政强制 0；行政事业性收费 0 万元');
    expect(r.stdout).toContain('  行政复议：1 / 0 / 0 / 0 / 1');
    expect(r.stdout).toContain('校验通过：一 + 二 = 三 + 四，各项合计无误');
    const json = await gongkai(['annual', '--year', '2025', '--json']);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ year: 2025, organ: '临沧市民政局', failures: [], deadline: '2026-01-31' });
    expect(report.requests.rows).toHaveLength(25);
  });

  test('N14: report annual --html saves the report as one printable page, the same figures as the text', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-report-html-'));
    const file = path.join(dir, '年度报告.html');
    const r = await gongkai(['annual', '--year', '2025', '--html', file]);
    expect(r.status).toBe(0);
    expect(r.stderr.trim()).toBe(`gongkai: 已保存 ${file}`);
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<title>临沧市民政局2025年政府信息公开工作年度报告</title>');
    expect(html).toContain('@page');
    // Self-contained: nothing is loaded from anywhere.
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(r.stdout).toContain('校验通过');
    fs.rmSync(dir, { recursive: true, force: true });
    const misuse = await gongkai(['figures', '--year', '2025', '--html', file]);
    expect(misuse.status).toBe(1);
    expect(misuse.stderr).toContain('--html 只用于 report annual');
  });

  test('N14: exit status 1 when the check fails, with the failures', async () => {
    // Last year's published 四 says nothing was carried over; the records disagree.
    const prisma = t.context.sudo().prisma;
    await prisma.annualReport.create({
      data: {
        year: 2023,
        title: '2023年政府信息公开工作年度报告',
        publishedAt: new Date('2024-01-25T02:00:00Z'),
        snapshot: { requests: { rows: [{ key: 'carriedToNextYear', counts: {}, total: 0 }] } },
      },
    });
    await prisma.disclosureRequest.create({
      data: {
        topic: '救灾物资分配',
        channel: 'letter',
        queryCode: 'CLI0000001',
        applicantType: 'legalServices',
        receivedOn: calendarDayValue(prisma, '2023-12-20'),
        outcome: 'disclosed',
        closedOn: calendarDayValue(prisma, '2024-01-08'),
      },
    });
    const r = await gongkai(['annual', '--year', '2024']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /校验未通过（\d+ 项）：\n {2}法人或其他组织：法律服务机构：一、本年新收（0）\+ 二、上年结转（0）= 0，不等于 三、本年度办理结果总计（1）/,
    );
  });

  test('S4: report self-inspection for one department or all; S12: report figures', async () => {
    const one = await gongkai(['self-inspection', '--half', '2026-H2', '--department', '社会救助科']);
    expect(one.status).toBe(0);
    expect(one.stdout.split('\n')[0]).toBe('社会救助科2026年下半年政府信息公开自查');
    expect(one.stdout).toMatch(/一、未公开（不公开、依申请公开、删减后公开）的信息：1 件\n {2}W1 《/);
    const all = JSON.parse((await gongkai(['self-inspection', '--half', '2026-H2', '--json'])).stdout) as { department: string }[];
    expect(all.map((c) => c.department)).toContain('养老服务科');
    expect(all).toHaveLength(await t.context.sudo().prisma.department.count());
    const figures = await gongkai(['figures', '--year', '2026']);
    expect(figures.status).toBe(0);
    expect(figures.stdout).toContain('分管领导：赵建国（副局长）；责任科室：局办公室；工作人员：张丽、刘静');
    expect(JSON.parse((await gongkai(['figures', '--year', '2026', '--json'])).stdout).year).toBe(2026);
    // Four processes, each opening the database: over a minute on a busy machine.
  }, 240_000);

  test('bad years, halves and departments are refused with one Chinese line', async () => {
    const cases: [string[], RegExp][] = [
      [['annual'], /请用 --year 指定四位数字的年度，例如 --year 2025$/],
      [['annual', '--year', '25'], /请用 --year 指定四位数字的年度，例如 --year 2025（收到“25”）/],
      [['figures', '--year', '3000'], /3000年度尚未开始，不能生成报告/],
      [['self-inspection', '--half', '2026-H3'], /请用 --half 指定半年度：半年度“2026-H3”格式不正确/],
      [['self-inspection', '--half', '2026-H1', '--department', '不存在科'], /没有名为“不存在科”的科室/],
      [['weekly'], /请指定报告类型/],
    ];
    for (const [args, message] of cases) {
      const r = await gongkai(args);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^gongkai: /);
      expect(lines[0]).toMatch(message);
    }
  });
});

test('the help names the report commands', async () => {
  const help = await gongkai(['--help']);
  expect(help.status).toBe(0);
  for (const line of [
    'report annual --year YYYY [--json | --html 文件]',
    'report self-inspection --half YYYY-H1|YYYY-H2 [--department 科室名称] [--json]',
    'report figures --year YYYY [--json]',
  ])
    expect(help.stdout).toContain(line);
});
