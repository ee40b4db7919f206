import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { incidentClocks, incidentLevelOptions, type IncidentLevel } from '../../../src/incidents/core/clocks.js';
import { sendDeadlineAlert } from '../../../src/platform/notify/deadline-alerts.js';
import { runIncidentClockAlerts } from '../../../src/incidents/alerts.js';
import { alertLogOf } from '../../../src/incidents/core/rules.js';
import { jobs } from '../../../src/app/scheduler.js';
import { seededApi } from '../../helpers/seeded-api.js';

const { state, as } = seededApi(['bangongshi', 'yanglao', 'jiuzai', 'lingdao', 'xinxi']);

// A WeCom-like robot on this machine: keeps every markdown message it is sent.
const received: string[] = [];
let robot: http.Server;
beforeAll(async () => {
  robot = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push((JSON.parse(body) as { markdown: { content: string } }).markdown.content);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test`;
  await state.t.context
    .sudo()
    .prisma.siteSettings.updateMany({ data: { alertWebhooks: `企业微信 ${url}`, outboundAllowList: '127.0.0.1' } });
});
afterAll(() => new Promise((resolve) => robot.close(resolve)));

/** The alerts received for one incident: `【即将到期】label` / `【已超时】label`, in arrival order. */
function alertsFor(title: string, messages = received): string[] {
  return messages
    .filter((m) => m.includes(`事件：${title}（`))
    .flatMap((m) =>
      m
        .split('\n')
        .filter((line) => line.startsWith('- 【'))
        .map((line) => line.slice(2).replace(/：.*$/, '')),
    );
}

const minute = 60_000;
/** Test incidents start a minute or two before the real now, on a whole minute; the job's `now` is then injected. */
const t0 = new Date(Math.floor(Date.now() / minute) * minute - minute);
const at = (minutes: number) => new Date(t0.getTime() + minutes * minute);

async function departmentId(code: string): Promise<string> {
  return (await state.t.context.prisma.department.findFirstOrThrow({ where: { code } })).id;
}

async function createIncident(username: string, fields: { title: string; level: IncidentLevel; startedAt: Date; departments?: string[] }) {
  const departments = await Promise.all((fields.departments ?? []).map(departmentId));
  const body = await as(
    username,
    `mutation($data: OpinionIncidentCreateInput!) { createOpinionIncident(data: $data) { id title departments { name } registeredBy { username } } }`,
    {
      data: {
        title: fields.title,
        level: fields.level,
        startedAt: fields.startedAt.toISOString(),
        departments: { connect: departments.map((id) => ({ id })) },
      },
    },
  );
  expect(body.errors).toBeUndefined();
  return body.data!.createOpinionIncident as {
    id: string;
    title: string;
    departments: { name: string }[];
    registeredBy: { username: string };
  };
}

const clocksQuery = `query($id: ID!) { opinionIncident(where: { id: $id }) { clockStatus writtenReportAt writtenReportBy { username } closedAt } }`;

describe('S7 alerts for every level, exactly once, the moment a clock is at risk or overdue', () => {
  test('S7: the incident-clocks job runs every minute', () => {
    expect(jobs.find((job) => job.name === 'incident-clocks')?.schedule).toBe('* * * * *');
  });

  test('S7: each level: every clock alerts at risk then overdue, once each, in the first run after it turns', async () => {
    const incidents = [];
    for (const { value, label } of incidentLevelOptions)
      incidents.push({
        level: value,
        ...(await createIncident('bangongshi', { title: `测试${label}时限`, level: value, startedAt: t0, departments: ['office'] })),
      });
    // Irregular runs: a few minutes apart while the short clocks run, then tens of minutes, past 24 hours.
    const nows: Date[] = [];
    for (let m = 2, i = 0; m <= 25 * 60; i++) {
      nows.push(at(m));
      m += m < 180 ? [1, 3, 7][i % 3] : [29, 41][i % 2];
    }
    const arrivals = new Map<string, Date>();
    for (const now of nows) {
      const before = received.length;
      await runIncidentClockAlerts(state.t.context, now);
      for (const incident of incidents)
        for (const alert of alertsFor(incident.title, received.slice(before))) arrivals.set(`${incident.title}|${alert}`, now);
    }
    for (const incident of incidents) {
      const clocks = incidentClocks({ level: incident.level, startedAt: t0, now: t0 });
      // Exactly once each: at risk, then overdue, per clock.
      expect([...alertsFor(incident.title)].sort()).toEqual(
        clocks.flatMap((c) => [`【即将到期】${c.label}`, `【已超时】${c.label}`]).sort(),
      );
      for (const clock of clocks) {
        const firstRunFrom = (instant: Date, strictlyAfter: boolean) =>
          nows.find((now) => (strictlyAfter ? now > instant : now >= instant));
        expect(arrivals.get(`${incident.title}|【即将到期】${clock.label}`)).toEqual(firstRunFrom(clock.atRiskFrom, false));
        expect(arrivals.get(`${incident.title}|【已超时】${clock.label}`)).toEqual(firstRunFrom(clock.dueAt, true));
      }
    }
    // The message says when, in China time, and what to do.
    const written = received.find((m) => m.includes('事件：测试较大突发事件时限') && m.includes('【已超时】'))!;
    expect(written).toContain('## 舆情时限提醒');
    expect(written).toContain(
      `截止时间：${new Date(at(20).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）；请立即书面报告局办公室`,
    );
    // A second run over the same instant, and two instances at once, send nothing more.
    const count = received.length;
    await runIncidentClockAlerts(state.t.context, nows.at(-1)!);
    await Promise.all([runIncidentClockAlerts(state.t.context, at(26 * 60)), runIncidentClockAlerts(state.t.context, at(26 * 60))]);
    expect(received.length).toBe(count);
    for (const incident of incidents)
      await as('bangongshi', `mutation($id: ID!) { closeOpinionIncident(where: { id: $id }) { id } }`, { id: incident.id });
  });

  test('S7: a crash between sending and storing what the robot answered: the next run resumes without a duplicate', async () => {
    const incident = await createIncident('bangongshi', {
      title: '测试中断后续跑',
      level: 'majorOpinion',
      startedAt: t0,
      departments: ['assistance'],
    });
    const crashAfterSending: typeof sendDeadlineAlert = async (...args) => {
      await sendDeadlineAlert(...args);
      throw new Error('simulated crash');
    };
    await runIncidentClockAlerts(state.t.context, at(40), crashAfterSending);
    expect(alertsFor(incident.title)).toEqual(['【即将到期】书面报告局办公室（50分钟内）']);
    const [claimed] = alertLogOf((await state.t.context.prisma.opinionIncident.findUniqueOrThrow({ where: { id: incident.id } })).alertLog);
    expect(claimed).toMatchObject({ key: 'writtenReport:atRisk' });
    expect(claimed.delivered).toBeUndefined();

    await runIncidentClockAlerts(state.t.context, at(41));
    await runIncidentClockAlerts(state.t.context, at(45));
    expect(alertsFor(incident.title)).toHaveLength(1);
    // Two instances at once over the same window: one of them claims it.
    await Promise.all([runIncidentClockAlerts(state.t.context, at(52)), runIncidentClockAlerts(state.t.context, at(52))]);
    await runIncidentClockAlerts(state.t.context, at(52));
    expect(alertsFor(incident.title)).toEqual(['【即将到期】书面报告局办公室（50分钟内）', '【已超时】书面报告局办公室（50分钟内）']);
    const log = alertLogOf((await state.t.context.prisma.opinionIncident.findUniqueOrThrow({ where: { id: incident.id } })).alertLog);
    expect(log.map((e) => [e.key, e.delivered])).toEqual([
      ['writtenReport:atRisk', undefined],
      ['writtenReport:overdue', 1],
    ]);
  });

  test('S7: an incident registered 30 minutes after it started alerts at once, on creation', async () => {
    const before = received.length;
    const incident = await createIncident('yanglao', {
      title: '测试迟报的较大事件',
      level: 'relativelyMajor',
      startedAt: new Date(Date.now() - 30 * minute),
    });
    // The editor's department is made responsible, so he can go on recording it.
    expect(incident.departments.map((d) => d.name)).toEqual(['养老服务科']);
    expect(incident.registeredBy.username).toBe('yanglao');
    expect(alertsFor(incident.title, received.slice(before))).toEqual(['【已超时】书面报告局办公室（20分钟内）']);
  });

  test('S7: a start corrected to earlier alerts at once for what is now late; the alert state is not writable through the API', async () => {
    const incident = await createIncident('bangongshi', {
      title: '测试更正发生时间',
      level: 'majorOpinion',
      startedAt: new Date(Date.now() - 5 * minute),
      departments: ['office'],
    });
    const before = received.length;
    const corrected = await as(
      'bangongshi',
      `mutation($id: ID!, $at: DateTime!) { updateOpinionIncident(where: { id: $id }, data: { startedAt: $at }) { id } }`,
      { id: incident.id, at: new Date(Date.now() - 60 * minute).toISOString() },
    );
    expect(corrected.errors).toBeUndefined();
    expect(alertsFor(incident.title, received.slice(before))).toEqual(['【已超时】书面报告局办公室（50分钟内）']);
    const forged = await as(
      'bangongshi',
      `mutation($id: ID!) { updateOpinionIncident(where: { id: $id }, data: { alertsCheckedAt: "2030-01-01T00:00:00.000Z" }) { id } }`,
      { id: incident.id },
    );
    expect(forged.errors).toBeDefined();
    await as('bangongshi', `mutation($id: ID!) { closeOpinionIncident(where: { id: $id }) { id } }`, { id: incident.id });
  });
});

describe('S7 recording events and closing', () => {
  test('S7: recording the written report stops its clock: late after the limit, met within it; each once, by whom it may', async () => {
    const [late] = (await state.t.context.prisma.opinionIncident.findMany({ where: { title: '测试迟报的较大事件' } })) as { id: string }[];
    const refused = await as('jiuzai', `mutation($id: ID!) { recordWrittenReportOpinionIncident(where: { id: $id }) { id } }`, {
      id: late.id,
    });
    expect(refused.errors?.[0].message).toBe('只有局办公室和责任科室可以记录该事件的处置情况');
    expect(
      (await as('yanglao', `mutation($id: ID!) { recordPhoneReportOpinionIncident(where: { id: $id }) { id } }`, { id: late.id }))
        .errors?.[0].message,
    ).toBe('该级别的事件无需“已电话报告”');
    expect(
      (await as('yanglao', `mutation($id: ID!) { recordWrittenReportOpinionIncident(where: { id: $id }) { id } }`, { id: late.id })).errors,
    ).toBeUndefined();
    const recorded = (await as('yanglao', clocksQuery, { id: late.id })).data!.opinionIncident;
    expect(recorded.writtenReportBy.username).toBe('yanglao');
    expect(recorded.clockStatus).toMatch(/^【逾期完成】书面报告局办公室（20分钟内）：已于 .+ 完成，超时\d+分钟$/);
    expect(
      (await as('yanglao', `mutation($id: ID!) { recordWrittenReportOpinionIncident(where: { id: $id }) { id } }`, { id: late.id }))
        .errors?.[0].message,
    ).toContain('已记录书面报告局办公室时间');

    const onTime = await createIncident('bangongshi', {
      title: '测试按时书面报告',
      level: 'majorOpinion',
      startedAt: new Date(Date.now() - 10 * minute),
      departments: ['assistance'],
    });
    await as('bangongshi', `mutation($id: ID!) { recordWrittenReportOpinionIncident(where: { id: $id }) { id } }`, { id: onTime.id });
    expect((await as('bangongshi', clocksQuery, { id: onTime.id })).data!.opinionIncident.clockStatus).toMatch(
      /^【按时完成】书面报告局办公室（50分钟内）：已于 .+ 按时完成$/,
    );
    // A clock done sends nothing later.
    const before = received.length;
    await runIncidentClockAlerts(state.t.context, new Date(Date.now() + 2 * 3600_000));
    expect(alertsFor(onTime.title, received.slice(before))).toEqual([]);
  });

  test('S7: leaders read but do not edit; the public sees nothing', async () => {
    const [incident] = (await state.t.context.prisma.opinionIncident.findMany({ where: { title: '测试按时书面报告' } })) as {
      id: string;
    }[];
    expect((await as('lingdao', clocksQuery, { id: incident.id })).data!.opinionIncident.clockStatus).toContain('按时完成');
    expect(
      (
        await as('lingdao', `mutation($id: ID!) { updateOpinionIncident(where: { id: $id }, data: { description: "改" }) { id } }`, {
          id: incident.id,
        })
      ).errors,
    ).toBeDefined();
    const anonymous = await as(null, `query { opinionIncidents { id title } }`);
    expect(anonymous.data?.opinionIncidents ?? []).toEqual([]);
  });
});

describe('S7 on screen and in 待办', () => {
  test('S7: the list data carries each clock state in Chinese with minutes left (Admin UI list, GraphQL)', async () => {
    const body = await as('bangongshi', `query { opinionIncidents(orderBy: { startedAt: desc }) { title level clockStatus } }`);
    const byTitle = Object.fromEntries(
      (body.data!.opinionIncidents as { title: string; clockStatus: string }[]).map((i) => [i.title, i.clockStatus]),
    );
    // Demo: the 较大 emergency started 45 minutes before seeding, its written report overdue.
    expect(byTitle['某养老机构一名老人走失引发网络关注']).toMatch(
      /^【已超时】书面报告局办公室（20分钟内）：已超时2\d分钟（截止 \d{4}-\d\d-\d\d \d\d:\d\d）$/,
    );
    // Demo: the closed one, every clock met.
    expect(byTitle['临翔区某乡镇山洪灾害受灾群众安置引发网络关注'].split('\n').map((line) => line.slice(0, 6))).toEqual(
      Array(5).fill('【按时完成】'),
    );
    expect(byTitle['网传“我市城乡低保标准下调”引发关注']).toMatch(/^【即将到期】书面报告局办公室（50分钟内）：剩余\d+分钟/);
  });

  test('S7: 待办 shows every open clock of open incidents to the office, leaders and the responsible department, most urgent first', async () => {
    type Task = { kindLabel: string | null; title: string; detail: string; due: string; href: string };
    const tasksOf = async (username: string) =>
      ((await as(username, `query { myTasks { kindLabel title detail due href } }`)).data!.myTasks as Task[]).filter(
        (t) => t.kindLabel === '舆情时限',
      );
    const office = await tasksOf('bangongshi');
    const rank = (t: Task) => ['【已超时】', '【即将到期】', '【计时中】'].findIndex((p) => t.detail.startsWith(p));
    expect(office.map(rank)).toEqual([...office.map(rank)].sort());
    expect(office.every((t) => rank(t) >= 0)).toBe(true);
    for (let i = 1; i < office.length; i++)
      if (rank(office[i]) === rank(office[i - 1])) expect(office[i].due >= office[i - 1].due).toBe(true);
    expect(office[0]).toMatchObject({ title: '某养老机构一名老人走失引发网络关注' });
    expect(office[0].href).toMatch(/^\/admin\/opinion-incidents\/.+/);
    expect(office.map((t) => t.title)).toContain('网传“我市城乡低保标准下调”引发关注');
    // Closed or done: gone.
    expect(office.map((t) => t.title)).not.toContain('临翔区某乡镇山洪灾害受灾群众安置引发网络关注');
    expect(office.map((t) => t.title)).not.toContain('测试按时书面报告');
    expect(await tasksOf('lingdao')).toEqual(office);
    expect((await tasksOf('yanglao')).map((t) => t.title)).toEqual(['某养老机构一名老人走失引发网络关注']);
    expect(await tasksOf('xinxi')).toEqual([]);
  });

  test('S7: closing stops the clocks, the alerts and the 待办', async () => {
    const [incident] = (await state.t.context.prisma.opinionIncident.findMany({
      where: { title: '某养老机构一名老人走失引发网络关注' },
    })) as { id: string }[];
    expect(
      (await as('yanglao', `mutation($id: ID!) { closeOpinionIncident(where: { id: $id }) { id } }`, { id: incident.id })).errors,
    ).toBeUndefined();
    const closed = (await as('yanglao', clocksQuery, { id: incident.id })).data!.opinionIncident;
    expect(closed.closedAt).not.toBeNull();
    expect(closed.clockStatus).toMatch(/^【未办理】书面报告局办公室（20分钟内）：事件已于 .+ 结束/);
    const before = received.length;
    await runIncidentClockAlerts(state.t.context, new Date(Date.now() + 30 * 3600_000));
    expect(alertsFor('某养老机构一名老人走失引发网络关注', received.slice(before))).toEqual([]);
    expect(
      (await as('yanglao', `query { myTasks { kindLabel } }`)).data!.myTasks.filter(
        (t: { kindLabel: string }) => t.kindLabel === '舆情时限',
      ),
    ).toEqual([]);
    expect(
      (await as('yanglao', `mutation($id: ID!) { closeOpinionIncident(where: { id: $id }) { id } }`, { id: incident.id })).errors?.[0]
        .message,
    ).toBe('该事件已结束');
  });
});
