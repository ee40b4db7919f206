import { virtual } from '@keystone-6/core/fields';
import { g } from '../../platform/db/g.js';
import type { Context, ListTypeInfo } from '../../platform/db/prisma.js';
import { isEditorOf, isOfficeOrLeader, memberOf, sessionOf, signedIn } from '../../platform/access/roles.js';
import { auditActionLabels, type AuditAction, type AuditListKey } from '../core/audit.js';
import { statusOptions } from '../../platform/content/vocabulary.js';
import { previewPath } from '../preview.js';

/*
 * Issue 16, 流程可见: each item's page shows its own 流转记录 and versions, and its drafter can preview it
 * as the public would see it. Both are read with the caller's own access (context.db), so nobody learns
 * here what the 流转记录 and 版本记录 lists would not show them. Hidden in the list view: never computed per row.
 */

const onPageOnly = (views: string, label: string) => ({
  label,
  views,
  createView: { fieldMode: 'hidden' as const },
  itemView: { fieldMode: 'read' as const },
  listView: { fieldMode: 'hidden' as const },
});

const statusLabel = (value: unknown) => statusOptions.find((o) => o.value === value)?.label ?? '';

/** The trail as the page shows it: one JSON text, read by admin/fields/item-trail.tsx. */
export interface Trail {
  entries: { at: string; actorName: string; action: string; from: string; to: string; reason: string }[];
  versions: { id: string; number: number; kind: string; at: string; by: string }[];
}

export async function trailOf(context: Context, listKey: AuditListKey, id: string): Promise<Trail> {
  const about = listKey === 'Document' ? { document: { id: { equals: id } } } : { interpretation: { id: { equals: id } } };
  const entries = await context.db.AuditEntry.findMany({ where: about, orderBy: [{ at: 'asc' }] });
  const versions =
    listKey === 'Document'
      ? await context.query.Revision.findMany({ where: about, orderBy: [{ at: 'asc' }], query: 'id number kind at by { name }' })
      : [];
  return {
    entries: entries.map((e) => ({
      at: (e.at as Date).toISOString(),
      actorName: String(e.actorName ?? ''),
      action: auditActionLabels[e.action as AuditAction] ?? String(e.action ?? ''),
      from: statusLabel(e.fromStatus),
      to: statusLabel(e.toStatus),
      reason: String(e.reason ?? ''),
    })),
    versions: versions.map((v) => ({
      id: String(v.id),
      number: Number(v.number),
      kind: v.kind === 'published' ? '发布稿' : '提交稿',
      at: String(v.at),
      by: String((v.by as { name?: string } | null)?.name ?? '系统'),
    })),
  };
}

/** Who may preview a draft: its department's editors, the office and the leaders (never anonymous). */
export function mayPreview(session: unknown, departmentId: string | null | undefined): boolean {
  const member = memberOf(sessionOf({ session }));
  return isEditorOf(member, departmentId) || isOfficeOrLeader(member?.role);
}

export function trailFields<K extends AuditListKey>(listKey: K) {
  return {
    trail: virtual<ListTypeInfo<K>>({
      access: { read: signedIn },
      ui: onPageOnly('./admin/fields/item-trail', listKey === 'Document' ? '流转记录和版本' : '流转记录'),
      field: g.field({
        type: g.String,
        resolve: async (item, _args, context) => JSON.stringify(await trailOf(context, listKey, String(item.id))),
      }),
    }),
  };
}

export function previewField() {
  return {
    preview: virtual<ListTypeInfo<'Document'>>({
      access: { read: signedIn },
      ui: {
        ...onPageOnly('./admin/fields/preview-link', '预览'),
        itemView: { fieldMode: 'read' as const, fieldPosition: 'sidebar' as const },
      },
      field: g.field({
        type: g.String,
        resolve: (item, _args, context) => (mayPreview(context.session, item.departmentId) ? previewPath(String(item.id)) : null),
      }),
    }),
  };
}
