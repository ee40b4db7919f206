/** Map the CMS's column kinds (src/platform/content/vocabulary.ts) to the monitor's N3 kinds. */
import type { ColumnKind } from './types.js';

/**
 * news → news; notice → notice; policy, interpretation and reprint (上级文件) → policy (6 months);
 * personnel (人事规划) → personnel (1 year); anything else → other (not expected to update unless
 * the caller sets `updateExpected`).
 */
export function columnKindFromCms(kind: string): ColumnKind {
  switch (kind) {
    case 'news':
    case 'notice':
    case 'policy':
    case 'personnel':
    case 'plan':
      return kind;
    case 'interpretation':
    case 'reprint':
      return 'policy';
    default:
      return 'other';
  }
}
