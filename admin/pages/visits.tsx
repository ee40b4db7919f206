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

const cell = { padding: 6, textAlign: 'left' } as const;

/** Sums of the period's daily top lists, largest first. */
function merged<T>(days: Day[], pick: (d: Day) => T[] | null, key: (t: T) => string, count: (t: T) => number): [string, number][] {
  const totals = new Map<string, number>();
  for (const d of days) for (const t of pick(d) ?? []) totals.set(key(t), (totals.get(key(t)) ?? 0) + count(t));
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, 10);
}

/** Page views as bars and unique visitors as a line, one per day (SVG, with a text alternative). */
function Chart({ days }: { days: Day[] }) {
  const width = 760;
  const height = 240;
  const pad = { left: 48, bottom: 28, top: 12 };
  const max = Math.max(1, ...days.map((d) => d.pageViews));
  const step = (width - pad.left) / Math.max(1, days.length);
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const line = days.map((d, i) => `${pad.left + step * i + step / 2},${y(d.uniqueVisitors)}`).join(' ');
  const total = days.reduce((n, d) => n + d.pageViews, 0);
  const visitors = days.reduce((n, d) => n + d.uniqueVisitors, 0);
  return (
    <svg role="img" aria-label={`近 ${days.length} 天访问量共 ${total} 次，独立访客共 ${visitors} 人次`} viewBox={`0 0 ${width} ${height}`} style={{ width: '100%', maxWidth: width }}>
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={pad.left} x2={width} y1={y(max * f)} y2={y(max * f)} stroke="#d0d7de" />
          <text x={pad.left - 6} y={y(max * f) + 4} fontSize="12" textAnchor="end">
            {Math.round(max * f)}
          </text>
        </g>
      ))}
      {days.map((d, i) => (
        <rect key={d.id} x={pad.left + step * i + 2} y={y(d.pageViews)} width={Math.max(1, step - 4)} height={height - pad.bottom - y(d.pageViews)} fill="#5b8def">
          <title>{`${d.day}：访问量 ${d.pageViews}，独立访客 ${d.uniqueVisitors}`}</title>
        </rect>
      ))}
      <polyline points={line} fill="none" stroke="#c2410c" strokeWidth="2" />
      {days.map((d, i) =>
        i % 5 === 0 ? (
          <text key={d.id} x={pad.left + step * i + step / 2} y={height - 8} fontSize="12" textAnchor="middle">
            {d.day.slice(5)}
          </text>
        ) : null,
      )}
    </svg>
  );
}

/** 访问统计 (N17): the last month's page views and unique visitors by day, the most viewed pages and searched terms. */
export default function VisitsPage() {
  const { data, loading, error } = useQuery<{ visitDays: Day[] | null }>(DAYS, { fetchPolicy: 'cache-and-network' });
  const days = [...(data?.visitDays ?? [])].reverse();
  const pages = merged(days, (d) => d.topPages, (p) => p.path, (p) => p.views);
  const searched = merged(days, (d) => d.topSearchTerms, (t) => t.term, (t) => t.searches);
  return (
    <PageContainer header={<Heading type="h3">访问统计</Heading>} title="访问统计">
      <div style={{ paddingBlock: 24 }}>
        {error ? <Text color="critical">访问统计加载失败：{error.message}</Text> : null}
        {loading && !data ? <Text>正在加载…</Text> : null}
        {data && !days.length ? <Text>还没有访问统计：每天 0:15 汇总前一天的访问日志，也可用 gongkai visits import 导入 nginx 日志。</Text> : null}
        {days.length ? (
          <>
            <p style={{ fontSize: 15 }}>
              {days[0].day} 至 {days[days.length - 1].day}：访问量 {days.reduce((n, d) => n + d.pageViews, 0)} 次，独立访客 {days.reduce((n, d) => n + d.uniqueVisitors, 0)} 人次（蓝色柱为每天访问量，橙色线为每天独立访客）。
            </p>
            <Chart days={days} />
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
