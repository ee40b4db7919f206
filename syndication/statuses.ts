import { isEditor, isOffice, type Role } from '../src/platform/access/roles.js';

// Where an upstream item stands in the reprint queue (S9).
export const upstreamItemStatusOptions = [
  { value: 'queued', label: '待提议' },
  { value: 'proposed', label: '科室已提议' },
  { value: 'reprinted', label: '已转载' },
  { value: 'rejected', label: '不予转载' },
  { value: 'deleted', label: '转载文件已删除' },
] as const;
export type UpstreamItemStatus = (typeof upstreamItemStatusOptions)[number]['value'];

export type UpstreamAction = 'propose' | 'accept' | 'reject' | 'applyChange' | 'dismissChange';
export const upstreamActionLabels: Record<UpstreamAction, string> = {
  propose: '提议转载',
  accept: '采用并发布',
  reject: '不予转载',
  applyChange: '采用上游修改',
  dismissChange: '忽略上游修改',
};

/**
 * S9: departments propose what to reprint; the office (局办公室) accepts or rejects, and decides on an
 * upstream edit of what was reprinted. The system admin may act for the office.
 */
export function upstreamActionsFor(item: { status: string; changedUpstream: boolean }, role: Role | null): UpstreamAction[] {
  if (!role) return [];
  const office = isOffice(role);
  const actions: UpstreamAction[] = [];
  if (item.status === 'queued' && isEditor(role)) actions.push('propose');
  if ((item.status === 'queued' || item.status === 'proposed') && office) actions.push('accept', 'reject');
  if (item.status === 'reprinted' && item.changedUpstream && office) actions.push('applyChange', 'dismissChange');
  return actions;
}
