import type { Context } from '../../platform/db/prisma.js';
import type { CalendarDay } from '../../platform/calendar/working-days.js';
import { formatCombined } from '../../platform/oplog/combined-log.js';
import { aggregateVisits } from './aggregate.js';
import { publicDocument } from '../../platform/access/documents.js';
import { daySalt, storeVisitDays } from './store.js';
import type { DemoClock } from '../../platform/demo/clock.js';

/*
 * The demo's 访问统计 (N17): a month of access log in nginx's combined format, generated (the same every
 * time for the same day), aggregated as the daily job does. Working days are busier than weekends;
 * visitors read the home page, columns, documents and search for the bureau's services.
 */

const terms = ['低保', '婚姻登记', '高龄津贴', '临时救助', '殡葬', '养老机构', '社会组织', '政府信息公开', '特困人员', '残疾人两项补贴'];
const browsers = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; V2309A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Mobile Safari/537.36 MicroMessenger/8.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
];

/** A small deterministic generator (mulberry32), seeded by the day: the same demo every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The access log of one day of the demo. */
export function demoAccessLog(day: CalendarDay, paths: string[]): string[] {
  const rnd = random(Number(day.replace(/-/g, '')));
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const visitors = Math.round((weekday === 0 || weekday === 6 ? 60 : 160) * (0.8 + rnd() * 0.4));
  const lines: string[] = [];
  for (let v = 0; v < visitors; v++) {
    const address = `${[36, 61, 112, 183, 222][Math.floor(rnd() * 5)]}.${Math.floor(rnd() * 256)}.${Math.floor(rnd() * 256)}.${1 + Math.floor(rnd() * 254)}`;
    const agent = browsers[Math.floor(rnd() * browsers.length)];
    const start = Date.parse(`${day}T08:00:00+08:00`) + Math.floor(rnd() * 11 * 3600_000);
    const views = 1 + Math.floor(rnd() * 5);
    for (let n = 0; n < views; n++) {
      const search = rnd() < 0.15;
      const target = search
        ? `/search?q=${encodeURIComponent(terms[Math.floor(rnd() * rnd() * terms.length)])}`
        : paths[Math.floor(rnd() * rnd() * paths.length)];
      lines.push(
        formatCombined({
          address,
          user: '',
          at: new Date(start + n * 40_000),
          method: 'GET',
          target,
          protocol: 'HTTP/1.1',
          status: 200,
          bytes: 4000 + Math.floor(rnd() * 9000),
          referer: '',
          userAgent: agent,
        }),
      );
    }
  }
  return lines;
}

/** The 30 days before the demo's day, aggregated and stored; days already there are left as they are. */
export async function seedDemoVisits(context: Context, clock: DemoClock): Promise<{ VisitDay: number }> {
  const prisma = context.sudo().prisma;
  const docs = await prisma.document.findMany({
    where: publicDocument,
    orderBy: { publishedAt: 'desc' },
    take: 12,
    select: { id: true },
  });
  const paths = [
    '/',
    '/columns/mzdt',
    '/columns/zfxxgk',
    '/columns/zcwj',
    '/columns/tzgg',
    ...docs.map((d) => `/documents/${d.id}`),
    '/mailbox',
    '/disclosure/catalogue',
    '/consultations',
  ];
  const today = Date.parse(`${clock.today}T00:00:00Z`);
  const days = Array.from({ length: 30 }, (_, i) => new Date(today - (30 - i) * 86_400_000).toISOString().slice(0, 10));
  const existing = new Set(
    ((await prisma.visitDay.findMany({ where: { day: { in: days } }, select: { day: true } })) as { day: string }[]).map((r) => r.day),
  );
  const missing = days.filter((d) => !existing.has(d));
  const { days: figures } = aggregateVisits(
    missing.flatMap((d) => demoAccessLog(d, paths)),
    (d) => daySalt(d),
  );
  await storeVisitDays(context, figures);
  return { VisitDay: figures.length };
}
