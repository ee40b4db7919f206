import { Heading, Text } from '@keystar/ui/typography';
import { gql, useQuery } from '@keystone-6/core/admin-ui/apollo';
import { PageContainer } from '@keystone-6/core/admin-ui/components';

const DAYS = gql`
  query GongkaiVisitDays {
    visitDays(orderBy: [{ day: desc }], take: 31) {
      id
      day
      pageViews
      uniqueVisitors
      topPages
      topSearchTerms
    }
  }
`;

interface Day {
  id: string;
  day: string;
  pageViews: number;
  uniqueVisitors: number;
  topPages: { path: string; views: number }[] | null;
  topSearchTerms: { term: string; searches: number }[] | null;
}

const CHART = gql`
  query GongkaiVisitChart {
    visitChart(days: 31) {
      svg
      text
      from
    }
  }
`;

const cell = { padding: 6, textAlign: 'left' } as const;

interface VisitChart {
  svg: string;
  text: string;
  from: string;
}

/** The chart drawn on the server by the site's charting (Vega-Lite to SVG), its data table as the text alternative. */
function Chart({ chart }: { chart: VisitChart }) {
  return (
    <figure style={{ margin: 0 }}>
      {/* Our own renderer's SVG (text escaped by Vega); hidden from screen readers, which read the caption. */}
      <div aria-hidden="true" style={{ maxWidth: 760 }} dangerouslySetInnerHTML={{ __html: chart.svg }} />
      <figcaption style={{ fontSize: 13, color: '#57606a' }}>{chart.text}</figcaption>
    </figure>
  );
}

/** Sums of the period's daily top lists, largest first. */
function merged<T>(days: Day[], pick: (d: Day) => T[] | null, key: (t: T) => string, count: (t: T) => number): [string, number][] {
  const totals = new Map<string, number>();
  for (const d of days) for (const t of pick(d) ?? []) totals.set(key(t), (totals.get(key(t)) ?? 0) + count(t));
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, 10);
}

/** 访问统计 (N17): the last month's page views and unique visitors by day, the most viewed pages and searched terms. */
export default function VisitsPage() {
  const { data, loading, error } = useQuery<{ visitDays: Day[] | null }>(DAYS, { fetchPolicy: 'cache-and-network' });
  const charted = useQuery<{ visitChart: VisitChart | null }>(CHART, { fetchPolicy: 'cache-and-network' });
  const chart = charted.data?.visitChart;
  // The period the chart shows: the sums and lists beside it cover the same days, not a day before a gap.
  const days = [...(data?.visitDays ?? [])].reverse().filter((d) => !chart || d.day >= chart.from);
  const pages = merged(
    days,
    (d) => d.topPages,
    (p) => p.path,
    (p) => p.views,
  );
  const searched = merged(
    days,
    (d) => d.topSearchTerms,
    (t) => t.term,
    (t) => t.searches,
  );
  return (
    <PageContainer header={<Heading type="h3">访问统计</Heading>} title="访问统计">
      <div style={{ paddingBlock: 24 }}>
        {error ? <Text color="critical">访问统计加载失败：{error.message}</Text> : null}
        {loading && !data ? <Text>正在加载…</Text> : null}
        {data && !days.length ? (
          <Text>还没有访问统计：每天 0:15 汇总前一天的访问日志，也可用 gongkai visits import 导入 nginx 日志。</Text>
        ) : null}
        {days.length ? (
          <>
            <p style={{ fontSize: 15 }}>
              {days[0].day} 至 {days[days.length - 1].day}：访问量 {days.reduce((n, d) => n + d.pageViews, 0)} 次，独立访客{' '}
              {days.reduce((n, d) => n + d.uniqueVisitors, 0)} 人次。
            </p>
            {charted.error ? <Text color="critical">访问统计图表加载失败：{charted.error.message}</Text> : null}
            {chart ? <Chart chart={chart} /> : null}
            <div style={{ display: 'flex', gap: 48, flexWrap: 'wrap', marginTop: 24 }}>
              <table style={{ borderCollapse: 'collapse', fontSize: 15 }}>
                <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: 8 }}>访问最多的页面</caption>
                <thead>
                  <tr>
                    <th style={cell}>页面</th>
                    <th style={cell}>访问量</th>
                  </tr>
                </thead>
                <tbody>
                  {pages.map(([path, views]) => (
                    <tr key={path}>
                      <td style={cell}>
                        <a href={path}>{path}</a>
                      </td>
                      <td style={cell}>{views}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table style={{ borderCollapse: 'collapse', fontSize: 15 }}>
                <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: 8 }}>搜索最多的词</caption>
                <thead>
                  <tr>
                    <th style={cell}>搜索词</th>
                    <th style={cell}>次数</th>
                  </tr>
                </thead>
                <tbody>
                  {searched.map(([term, count]) => (
                    <tr key={term}>
                      <td style={cell}>{term}</td>
                      <td style={cell}>{count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </div>
    </PageContainer>
  );
}
