import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from '@jest/globals';
import { addWorkingDays, toCalendarDay, workingDaysBetween } from '../../../src/platform/calendar/working-days.js';
import { runOwnSiteMonitor } from '../../../src/monitor/runner.js';
import { demoPassword, seedDemo } from '../../../src/app/demo.js';
import { demoDueSoonWorkingDays } from '../../../src/requests/seed.js';
import { setTestClock, systemClock, testNow } from '../../helpers/clock.js';
import { migratedContext } from '../../helpers/database.js';
import { apiServer, graphql, signIn } from '../../helpers/server.js';

/*
 * trust #16: the demo seeded on any day looks as it did on the day it was written. Seeded on a
 * Saturday, on 除夕 (the eve of the Spring Festival, a holiday week ahead), on 31 December, on a weekday
 * months later (its texts a year on), and in each fixed-today run on that day, the own-site monitor
 * finds no veto and no column or home page overdue, and the stories of the demo's 待办 hold.
 */

const fixedDays: [string, string][] = [
  ['a Saturday', '2026-12-05T10:00:00+08:00'],
  ['除夕 2027', '2027-02-05T10:00:00+08:00'],
  ['31 December', '2026-12-31T10:00:00+08:00'],
  ['a weekday ten months on', '2027-09-15T10:00:00+08:00'],
];
// The days are set here, so the runs at fixed todays need not run this file (they are the same days);
// run with GONGKAI_TEST_CLOCK=system, it seeds on the process's day. PostgreSQL (whose part is storing
// the days) seeds on one of them.
const days: [string, string][] = systemClock
  ? [['the day of this run', testNow().toISOString()]]
  : process.env.TEST_DATABASE === 'postgresql'
    ? fixedDays.slice(0, 1)
    : fixedDays;

type Task = { kindLabel: string; title: string; detail: string };

describe('trust #16: the demo never ages', () => {
  test.each(days)(
    'trust #16: seeded on %s, the demo passes its own monitor and its 待办 stories hold',
    async (_name, instant) => {
      const now = setTestClock(instant);
      const today = toCalendarDay(now);
      const t = await migratedContext();
      const server = http.createServer();
      try {
        await seedDemo(t.context);
        const app = await apiServer(t.db, t.context);
        server.on('request', app);
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        await t.context.sudo().prisma.siteSettings.updateMany({ data: { baseUrl: base } });

        // Every story date is on or before the day of seeding: nothing is published in the future.
        const newest = await t.context.prisma.document.findFirstOrThrow({
          where: { status: 'published' },
          orderBy: { publishedAt: 'desc' },
        });
        expect(newest.publishedAt?.getTime()).toBeLessThanOrEqual(now.getTime());

        const result = await runOwnSiteMonitor(t.context, { now: new Date(), force: true, checkExternal: false });
        const report = result!.report;
        const updateFindings = report.findings
          .filter((f) => ['N2', 'N3', 'N4', 'N5'].includes(f.ruleId))
          .map((f) => `${f.ruleId} ${f.message}`);
        expect({ vetoes: report.score.vetoes.map((v) => `${v.ruleId} ${v.message}`), updateFindings, passed: report.score.passed }).toEqual(
          { vetoes: [], updateFindings: [], passed: true },
        );

        const tasksOf = async (username: string): Promise<Task[]> =>
          (await graphql(app, '{ myTasks { kindLabel title detail } }', {}, await signIn(app, username, demoPassword))).body.data.myTasks;
        // 救灾科 finds its returned draft with the office's reason; the office a submission to review.
        expect(await tasksOf('jiuzai')).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              title: expect.stringContaining('冬春期间困难群众基本生活保障'),
              detail: expect.stringContaining('被退回：请补充救助资金来源'),
            }),
          ]),
        );
        const office = await tasksOf('bangongshi');
        expect(office).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              title: expect.stringContaining('社会组织登记管理和活动监管'),
              detail: expect.stringContaining('待局办公室审核'),
            }),
          ]),
        );
        // An incident whose clock is running, and one whose written report is overdue.
        expect(new Set(office.filter((task) => task.kindLabel === '舆情时限').map((task) => task.title))).toEqual(
          new Set(['某养老机构一名老人走失引发网络关注', '网传“我市城乡低保标准下调”引发关注']),
        );
        // 养老服务科's request has exactly 3 working days left, whatever day it is.
        const deadline = addWorkingDays(today, demoDueSoonWorkingDays);
        expect(workingDaysBetween(today, deadline)).toBe(3);
        expect(await tasksOf('yanglao')).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              title: expect.stringContaining('高龄津贴发放名单'),
              detail: `答复期限 ${deadline}，剩 3 个工作日；不能按期答复的，可在期限届满前报分管局领导批准延期`,
            }),
          ]),
        );

        // The annual report of last year is published by 31 January (before 23 January: the year before's).
        const year = Number(today.slice(0, 4)) - (today.slice(5) >= '01-23' ? 1 : 2);
        const annual = await t.context.prisma.annualReport.findFirstOrThrow({ where: { year } });
        expect(annual).toMatchObject({ checkPassed: true });
        expect(annual.publishedAt && toCalendarDay(annual.publishedAt)).toBe(`${year + 1}-01-23`);
        // The comment period of one consultation is open today.
        const open = await t.context
          .sudo()
          .query.Consultation.findMany({ where: { status: { equals: 'open' } }, query: 'opensOn closesOn' });
        expect(open.filter((c) => c.opensOn <= today && today <= c.closesOn)).toHaveLength(1);
      } finally {
        await new Promise((resolve) => server.close(resolve));
        await t.close();
      }
    },
    180_000,
  );
});
