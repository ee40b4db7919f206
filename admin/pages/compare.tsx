import { useEffect, useState } from 'react';
import { Heading, Text } from '@keystar/ui/typography';
import { gql, useQuery } from '@keystone-6/core/admin-ui/apollo';
import { PageContainer } from '@keystone-6/core/admin-ui/components';

const COMPARISON = gql`
  query GongkaiComparison($id: ID!) {
    revisionComparison(documentId: $id) {
      beforeLabel
      afterLabel
      rows {
        label
        before
        after
        changed
      }
    }
  }
`;

interface Comparison {
  beforeLabel: string;
  afterLabel: string;
  rows: { label: string; before: string; after: string; changed: boolean }[];
}

const cell = { padding: 8, verticalAlign: 'top' as const, width: '42%', whiteSpace: 'pre-wrap' as const };

/** 对比修改: the version returned (or published) and the one resubmitted, side by side, changes marked. */
export default function ComparePage() {
  const [id, setId] = useState<string | null>(null);
  useEffect(() => setId(new URLSearchParams(window.location.search).get('id')), []);
  const { data, loading } = useQuery<{ revisionComparison: Comparison | null }>(COMPARISON, { variables: { id: id ?? '' }, skip: !id });
  const comparison = data?.revisionComparison;
  return (
    <PageContainer header={<Heading type="h3">对比修改</Heading>} title="对比修改">
      <div style={{ paddingBlock: 24 }}>
        {loading || !id ? <Text>正在加载…</Text> : null}
        {data && !comparison ? <Text>该文件还没有可对比的两个版本。</Text> : null}
        {comparison ? (
          <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 15 }}>
            <thead>
              <tr style={{ textAlign: 'left', borderBottom: '1px solid #d0d7de' }}>
                <th style={{ padding: 8, width: '16%' }}>项目</th>
                <th style={cell}>{comparison.beforeLabel}</th>
                <th style={cell}>{comparison.afterLabel}</th>
              </tr>
            </thead>
            <tbody>
              {comparison.rows.map((row, i) => (
                <tr key={i} style={{ borderBottom: '1px solid #eaeef2', background: row.changed ? '#fff8c5' : undefined }}>
                  <td style={{ padding: 8, verticalAlign: 'top' }}>
                    {row.label}
                    {row.changed ? <strong style={{ marginLeft: 6, color: '#9a6700' }}>有改动</strong> : null}
                  </td>
                  <td
                    style={{
                      ...cell,
                      textDecoration: row.changed && row.before ? 'line-through' : undefined,
                      color: row.changed && row.before ? '#82071e' : undefined,
                    }}
                  >
                    {row.before}
                  </td>
                  <td style={{ ...cell, color: row.changed && row.after ? '#116329' : undefined }}>{row.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </PageContainer>
  );
}
