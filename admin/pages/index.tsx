import { Heading, Text } from '@keystar/ui/typography';
import { gql, useQuery } from '@keystone-6/core/admin-ui/apollo';
import { PageContainer } from '@keystone-6/core/admin-ui/components';

const TASKS = gql`
  query GongkaiTasks {
    myTasks {
      kind
      listKey
      id
      title
      detail
      due
      previewUrl
    }
  }
`;

interface Task {
  kind: 'returned' | 'review' | 'approve' | 'deadline';
  listKey: 'Document' | 'Interpretation';
  id: string;
  title: string;
  detail: string;
  due: string | null;
  previewUrl: string | null;
}

const kindLabels: Record<Task['kind'], string> = { returned: '退文待修改', review: '待审核', approve: '待审批', deadline: '公开时限' };
const listPaths: Record<Task['listKey'], string> = { Document: 'documents', Interpretation: 'interpretations' };

/** 待办: the home page of the Admin UI, listing what waits for the signed-in user, each a link to act. */
export default function TasksPage() {
  const { data, loading, error } = useQuery<{ myTasks: Task[] }>(TASKS, { fetchPolicy: 'cache-and-network' });
  const tasks: Task[] = data?.myTasks ?? [];
  return (
    <PageContainer header={<Heading type="h3">待办</Heading>} title="待办">
      <div style={{ paddingBlock: 24, maxWidth: 960 }}>
        {error ? <Text color="critical">待办加载失败：{error.message}</Text> : null}
        {loading && !data ? <Text>正在加载…</Text> : null}
        {data && tasks.length === 0 ? <Text>暂无待办事项。</Text> : null}
        {tasks.length > 0 ? (
          <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 15 }}>
            <thead>
              <tr style={{ textAlign: 'left', borderBottom: '1px solid #d0d7de' }}>
                <th style={{ padding: 8, width: 110 }}>类别</th>
                <th style={{ padding: 8 }}>标题</th>
                <th style={{ padding: 8 }}>需要做什么</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr key={`${task.kind}-${task.id}`} style={{ borderBottom: '1px solid #eaeef2' }}>
                  <td style={{ padding: 8, whiteSpace: 'nowrap' }}>{kindLabels[task.kind]}</td>
                  <td style={{ padding: 8 }}>
                    <a href={`/admin/${listPaths[task.listKey]}/${task.id}`}>{task.title}</a>
                  </td>
                  <td style={{ padding: 8 }}>
                    {task.detail}
                    {task.previewUrl ? (
                      <a href={task.previewUrl} target="_blank" rel="noopener" style={{ marginLeft: 12 }}>
                        预览
                      </a>
                    ) : null}
                    {task.listKey === 'Document' && (task.kind === 'review' || task.kind === 'approve') ? (
                      <a href={`/admin/compare?id=${task.id}`} style={{ marginLeft: 12 }}>
                        对比修改
                      </a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </PageContainer>
  );
}
