import { VStack } from '@keystar/ui/layout';
import { Text } from '@keystar/ui/typography';
import type { controller } from '@keystone-6/core/fields/types/virtual/views';
import type { CellComponent, FieldProps } from '@keystone-6/core/types';

/**
 * 流转记录 and 版本 on an item's own page (issue 16): who did what, when, and why; and each version kept
 * at a submission or a publication, with a link to compare the last two. The server reads both with the
 * viewer's own access (src/workflow/lists/item-trail.ts).
 */
interface Trail {
  entries: { at: string; actorName: string; action: string; from: string; to: string; reason: string }[];
  versions: { id: string; number: number; kind: string; at: string; by: string }[];
}

function parse(value: unknown): Trail | null {
  if (typeof value !== 'string' || !value) return null;
  try {
    return JSON.parse(value) as Trail;
  } catch {
    return null;
  }
}

const time = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, dateStyle: 'short', timeStyle: 'short' });
const cell = { padding: '6px 8px', verticalAlign: 'top' as const, borderBottom: '1px solid #eaeef2', textAlign: 'left' as const };

export function Field({ field, value, itemValue }: FieldProps<typeof controller>) {
  const trail = parse(value);
  const id = (itemValue as { id?: string } | undefined)?.id;
  if (!trail) return null;
  return (
    <VStack gap="large" role="group" aria-label={field.label}>
      <VStack gap="regular">
        <Text weight="medium">流转记录</Text>
        {trail.entries.length === 0 ? (
          <Text color="neutralSecondary">尚无流转记录（提交审核后开始记录）</Text>
        ) : (
          <table style={{ borderCollapse: 'collapse', fontSize: 14, width: '100%' }}>
            <thead>
              <tr>
                <th style={cell}>时间</th>
                <th style={cell}>操作人</th>
                <th style={cell}>操作</th>
                <th style={cell}>状态</th>
                <th style={cell}>原因或结论</th>
              </tr>
            </thead>
            <tbody>
              {trail.entries.map((e, i) => (
                <tr key={i}>
                  <td style={{ ...cell, whiteSpace: 'nowrap' }}>{time(e.at)}</td>
                  <td style={cell}>{e.actorName}</td>
                  <td style={{ ...cell, color: e.to === '草稿' && e.action === '退文' ? '#a40e26' : undefined }}>{e.action}</td>
                  <td style={cell}>{e.from && e.to ? `${e.from} → ${e.to}` : e.to}</td>
                  <td style={{ ...cell, whiteSpace: 'pre-wrap' }}>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </VStack>
      {field.label.includes('版本') ? (
        <VStack gap="regular">
          <Text weight="medium">版本</Text>
          {trail.versions.length === 0 ? (
            <Text color="neutralSecondary">尚无版本（每次提交和发布时保存一个版本）</Text>
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: 20, display: 'grid', gap: 4 }}>
              {trail.versions.map((v) => (
                <li key={v.id}>
                  <a href={`/admin/revisions/${v.id}`}>
                    第 {v.number} 版（{v.kind}）
                  </a>
                  ，{time(v.at)}，{v.by}
                </li>
              ))}
            </ul>
          )}
          {trail.versions.length > 1 && id ? <a href={`/admin/compare?id=${encodeURIComponent(id)}`}>对比最近两个版本的修改</a> : null}
        </VStack>
      ) : null}
    </VStack>
  );
}

export const Cell: CellComponent<typeof controller> = () => null;
