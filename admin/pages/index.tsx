import { Heading, Text } from '@keystar/ui/typography';
import { gql, useMutation, useQuery } from '@keystone-6/core/admin-ui/apollo';
import { PageContainer } from '@keystone-6/core/admin-ui/components';
import { formatDay } from '../../src/platform/admin-ui/runtime/zh-cn.js';
import { disclosureOptions, statusOptions } from '../../src/platform/content/vocabulary.ts';

const TASKS = gql`
  query GongkaiTasks {
    myTasks {
      kind
      kindLabel
      listKey
      id
      title
      detail
      due
      previewUrl
      href
    }
    unread: notifications(where: { read: { equals: false } }, orderBy: { createdAt: desc }, take: 20) {
      id
      kind
      message
      createdAt
      document {
        id
      }
      interpretation {
        id
      }
    }
    unreadCount: notificationsCount(where: { read: { equals: false } })
    authenticatedItem {
      ... on User {
        department {
          id
          name
        }
      }
    }
  }
`;

const MARK_READ = gql`
  mutation GongkaiMarkRead($id: ID!) {
    updateNotification(where: { id: $id }, data: { read: true }) {
      id
      read
    }
  }
`;

/** 新消息: what the workflow told the signed-in user (a return and its reason, a submission to review). */
interface Notice {
  id: string;
  kind: string;
  message: string;
  createdAt: string;
  document: { id: string } | null;
  interpretation: { id: string } | null;
}
const noticeHref = (n: Notice) =>
  n.document
    ? `/admin/documents/${n.document.id}`
    : n.interpretation
      ? `/admin/interpretations/${n.interpretation.id}`
      : '/admin/notifications';
const noticeTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, dateStyle: 'short', timeStyle: 'short' });

interface Task {
  kind: 'returned' | 'review' | 'approve' | 'deadline' | 'clock';
  /** Set by the interaction clocks (舆情、申请、留言…), which name their own category and page. */
  kindLabel: string | null;
  href: string | null;
  listKey: string;
  id: string;
  title: string;
  detail: string;
  due: string | null;
  previewUrl: string | null;
}

const kindLabels: Record<Task['kind'], string> = {
  returned: '退文待修改',
  review: '待审核',
  approve: '待审批',
  deadline: '公开时限',
  clock: '办理时限',
};
const listPaths: Record<string, string> = { Document: 'documents', Interpretation: 'interpretations' };
const taskHref = (task: Task) => task.href ?? `/admin/${listPaths[task.listKey]}/${task.id}`;
/** A due day as 2026年12月8日, a due instant (S7 clocks count minutes) with its time of day. */
const formatDue = (due: string) => (due.length > 10 ? `${formatDay(due.slice(0, 10))} ${due.slice(11, 16)}` : formatDay(due));

/** Dates in the Chinese convention (2026年12月8日) wherever a task's text carries one as 2026-12-08. */
const chineseDates = (text: string) => text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (day) => formatDay(day));

/** A link to the document list with one filter set, in the form Keystone's list page reads from its address. */
function documentsWhere(field: string, type: string, value: unknown): string {
  return `/admin/documents?filter=${encodeURIComponent(`${field}_${type}_${JSON.stringify(value)}`)}`;
}

const statusLabel = (value: string) => statusOptions.find((option) => option.value === value)?.label ?? value;
const quickStatuses = ['draft', 'submitted', 'officeReview', 'leaderApproval', 'scheduled', 'published'] as const;

const cell = { padding: 8, verticalAlign: 'top' as const };
const linkRow = { display: 'flex', flexWrap: 'wrap' as const, gap: '8px 16px', alignItems: 'baseline' };

/** 待办: the home page of the Admin UI, listing what waits for the signed-in user, each a link to act. */
export default function TasksPage() {
  const { data, loading, error } = useQuery<{
    myTasks: Task[];
    unread: Notice[] | null;
    unreadCount: number | null;
    authenticatedItem: { department: { id: string; name: string } | null } | null;
  }>(TASKS, {
    fetchPolicy: 'cache-and-network',
  });
  const [markRead] = useMutation(MARK_READ, { refetchQueries: ['GongkaiTasks'] });
  const tasks: Task[] = data?.myTasks ?? [];
  const unread: Notice[] = data?.unread ?? [];
  const department = data?.authenticatedItem?.department ?? null;
  return (
    <PageContainer header={<Heading type="h3">待办</Heading>} title="待办">
      <div style={{ paddingBlock: 24, maxWidth: 1040, display: 'grid', gap: 32 }}>
        <section aria-labelledby="tasks-heading">
          <h2 id="tasks-heading" style={{ fontSize: 16, margin: '0 0 12px' }}>
            等我处理的事项
          </h2>
          {error ? <Text color="critical">待办加载失败：{error.message}</Text> : null}
          {loading && !data ? <Text>正在加载…</Text> : null}
          {data && tasks.length === 0 ? <Text>暂无待办事项。</Text> : null}
          {tasks.length > 0 ? (
            <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 15 }}>
              <thead>
                <tr style={{ textAlign: 'left', borderBottom: '1px solid #d0d7de' }}>
                  <th style={{ ...cell, width: 110 }}>类别</th>
                  <th style={cell}>标题</th>
                  <th style={cell}>需要做什么</th>
                  <th style={{ ...cell, width: 130 }}>期限</th>
                </tr>
              </thead>
              <tbody>
                {tasks.map((task) => (
                  <tr key={`${task.kind}-${task.id}`} style={{ borderBottom: '1px solid #eaeef2' }}>
                    <td style={{ ...cell, whiteSpace: 'nowrap' }}>{task.kindLabel ?? kindLabels[task.kind]}</td>
                    <td style={cell}>
                      <a href={taskHref(task)}>{task.title}</a>
                    </td>
                    <td style={cell}>
                      {chineseDates(task.detail)}
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
                    <td style={{ ...cell, whiteSpace: 'nowrap' }}>{task.due ? formatDue(task.due) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
        <section aria-labelledby="notices-heading">
          <h2 id="notices-heading" style={{ fontSize: 16, margin: '0 0 12px' }}>
            新消息{data?.unreadCount ? `（${data.unreadCount} 条未读）` : ''}
          </h2>
          {data && unread.length === 0 ? <Text>没有未读消息。</Text> : null}
          {unread.length > 0 ? (
            <ul style={{ margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: 8 }}>
              {unread.map((n) => (
                <li key={n.id} style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 12px', alignItems: 'baseline' }}>
                  <span style={{ color: n.kind === 'returned' ? '#a40e26' : undefined, fontWeight: 600 }}>
                    {n.kind === 'returned' ? '退文' : n.kind === 'awaitingApproval' ? '待审批' : '待审核'}
                  </span>
                  <a href={noticeHref(n)}>{n.message}</a>
                  <Text color="neutralSecondary">{noticeTime(n.createdAt)}</Text>
                  <button type="button" onClick={() => void markRead({ variables: { id: n.id } })}>
                    标为已读
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <p style={{ margin: '8px 0 0' }}>
            <a href="/admin/notifications">全部通知</a>
          </p>
        </section>
        <section aria-labelledby="filters-heading" style={{ display: 'grid', gap: 10 }}>
          <h2 id="filters-heading" style={{ fontSize: 16, margin: 0 }}>
            常用文件筛选
          </h2>
          <div style={linkRow}>
            <Text>按状态：</Text>
            {quickStatuses.map((status) => (
              <a key={status} href={documentsWhere('status', 'matches', [status])}>
                {statusLabel(status)}
              </a>
            ))}
          </div>
          <div style={linkRow}>
            <Text>按流转标记：</Text>
            <a href={documentsWhere('flowMark', 'matches', ['returned'])}>已退文的文件</a>
            <a href={`/admin/interpretations?filter=${encodeURIComponent('flowMark_matches_["returned"]')}`}>已退文的解读</a>
          </div>
          <div style={linkRow}>
            <Text>按公开属性：</Text>
            {disclosureOptions.map((option) => (
              <a key={option.value} href={documentsWhere('disclosure', 'matches', [option.value])}>
                {option.label}
              </a>
            ))}
          </div>
          {department ? (
            <div style={linkRow}>
              <Text>按科室：</Text>
              <a href={documentsWhere('department', 'is', department.id)}>{department.name}起草的文件</a>
              <a href={`/admin/interpretations?filter=${encodeURIComponent(`department_is_${JSON.stringify(department.id)}`)}`}>
                {department.name}的政策解读
              </a>
            </div>
          ) : null}
        </section>
      </div>
    </PageContainer>
  );
}
