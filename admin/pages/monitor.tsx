import { Heading, Text } from '@keystar/ui/typography';
import { gql, useQuery } from '@keystone-6/core/admin-ui/apollo';
import { PageContainer } from '@keystone-6/core/admin-ui/components';

const RUNS = gql`
  query GongkaiMonitorRuns {
    monitorRuns(orderBy: [{ finishedAt: desc }], take: 20) {
      id
      title
      passed
      score
      vetoCount
      findingCount
      newCount
      fixedCount
      finishedAt
    }
  }
`;

interface Run {
  id: string;
  title: string;
  passed: boolean;
  score: number;
  vetoCount: number;
  findingCount: number;
  newCount: number;
  fixedCount: number;
  finishedAt: string;
}

const cell = { padding: 8 } as const;
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** 监测报告 (S8): the latest run in full (findings by rule and page, history charts), and the runs before it. */
export default function MonitorPage() {
  const { data, loading, error } = useQuery<{ monitorRuns: Run[] | null }>(RUNS, { fetchPolicy: 'cache-and-network' });
  const runs = data?.monitorRuns ?? [];
  const latest = runs[0];
  return (
    <PageContainer header={<Heading type="h3">监测报告</Heading>} title="监测报告">
      <div style={{ paddingBlock: 24 }}>
        {error ? <Text color="critical">监测报告加载失败：{error.message}</Text> : null}
        {loading && !data ? <Text>正在加载…</Text> : null}
        {data && !latest ? <Text>还没有监测报告：每天 6:00 自动监测，也可在“监测设置”中点击“立即监测”。</Text> : null}
        {latest ? (
          <>
            <p style={{ fontSize: 16 }}>
              最近一次：{when(latest.finishedAt)}，<strong>{latest.passed ? '合格' : '不合格'}</strong>，得分 {latest.score}，单项否决{' '}
              {latest.vetoCount} 项， 新发现 {latest.newCount} 项，已整改 {latest.fixedCount} 项。下载：
              <a href={`/monitor/reports/${latest.id}.html`}>HTML</a>、<a href={`/monitor/reports/${latest.id}.json`}>JSON</a>、
              <a href={`/monitor/reports/${latest.id}.csv`}>CSV（Excel）</a>
            </p>
            <iframe
              title="最近一次监测报告"
              src={`/monitor/reports/${latest.id}.html`}
              style={{ width: '100%', height: 900, border: '1px solid #d0d7de' }}
            />
            <h2 style={{ fontSize: 18 }}>历次监测</h2>
            <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 15 }}>
              <thead>
                <tr style={{ textAlign: 'left', borderBottom: '1px solid #d0d7de' }}>
                  <th style={cell}>完成时间</th>
                  <th style={cell}>结论</th>
                  <th style={cell}>得分</th>
                  <th style={cell}>单项否决</th>
                  <th style={cell}>问题数</th>
                  <th style={cell}>报告</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr key={run.id} style={{ borderBottom: '1px solid #eaeef2' }}>
                    <td style={cell}>{when(run.finishedAt)}</td>
                    <td style={cell}>{run.passed ? '合格' : '不合格'}</td>
                    <td style={cell}>{run.score}</td>
                    <td style={cell}>{run.vetoCount}</td>
                    <td style={cell}>{run.findingCount}</td>
                    <td style={cell}>
                      <a href={`/monitor/reports/${run.id}.html`}>查看</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </div>
    </PageContainer>
  );
}
