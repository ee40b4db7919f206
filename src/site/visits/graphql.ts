import type { Context } from '../../platform/db/prisma.js';
import { g } from '../../platform/db/g.js';
import { extend } from '@keystone-6/core/graphql-ts';
import { chartAltText } from '../../platform/charts/table.js';
import { renderChartSvg } from '../../platform/charts/svg.js';
import { refusal } from '../../platform/admin-ui/item-actions.js';
import { activeSessionOf } from '../../platform/access/roles.js';
import { readsVisits } from './lists/visit-day.js';
import { visitChart } from './chart.js';

const chartError = refusal('VISIT_CHART_REFUSED');

/** The 访问统计图表 of the Admin UI (N17): the last `days` days drawn as SVG on the server, for those who read the statistics. */
export async function visitChartOf(context: Context, days: number): Promise<VisitChartAnswer | null> {
  const session = activeSessionOf(context);
  if (!session) throw chartError('请先登录');
  if (!readsVisits({ session })) throw chartError('只有系统管理员、信息建设科、局办公室和局领导可以查看访问统计');
  if (!Number.isInteger(days) || days < 1 || days > 40) throw chartError('天数应为 1 到 40 之间的整数');
  const rows = await context
    .sudo()
    .prisma.visitDay.findMany({ orderBy: { day: 'desc' }, take: days, select: { day: true, pageViews: true, uniqueVisitors: true } });
  if (!rows.length) return null;
  // The days of one period: not a day from long before a gap in the statistics.
  const first = new Date(Date.parse(`${rows[0].day}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const period = rows.filter((r) => r.day >= first);
  const chart = visitChart(period);
  return { svg: await renderChartSvg(chart), text: chartAltText(chart), days: period.length, from: period.at(-1)!.day, to: period[0].day };
}

/** The chart, and the period it shows: the page sums the same days beside it. */
interface VisitChartAnswer {
  svg: string;
  text: string;
  days: number;
  from: string;
  to: string;
}

const VisitChart = g.object<VisitChartAnswer>()({
  name: 'VisitChart',
  fields: {
    svg: g.field({ type: g.nonNull(g.String) }),
    text: g.field({ type: g.nonNull(g.String) }),
    days: g.field({ type: g.nonNull(g.Int) }),
    from: g.field({ type: g.nonNull(g.String) }),
    to: g.field({ type: g.nonNull(g.String) }),
  },
});

/** `visitChart(days)`: null while there are no statistics yet. */
export const extendVisitSchema = extend({
  query: {
    visitChart: g.field({
      type: VisitChart,
      args: { days: g.arg({ type: g.nonNull(g.Int), defaultValue: 31 }) },
      resolve: (_root, { days }, context: Context) => visitChartOf(context, days),
    }),
  },
});
