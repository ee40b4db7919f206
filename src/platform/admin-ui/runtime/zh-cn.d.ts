/** Types of zh-cn.js (plain JavaScript, because the translation step copies it into Keystone's packages). */

export declare const timeZone: string;
export declare function formatDateTime(value: string | Date | null | undefined, zone?: string): string;
export declare function formatDateTimeSeconds(value: string | Date | null | undefined, zone?: string): string;
export declare function formatDay(value: string | Date | null | undefined, zone?: string): string;
export declare function timeZoneLabel(): string;
export declare function compareZh(a: unknown, b: unknown): number;
export declare function sortByPinyin<T>(items: readonly T[], label?: (item: T) => string): T[];

interface AdminListLike {
  key?: string;
  singular?: string;
  label?: string;
  graphql?: { names?: { outputTypeName?: string } };
  fields?: Record<string, { label?: string; controller?: { displayMode?: string } }>;
  actions?: { key: string; label: string }[];
}

export declare function pinyinRows<T extends Record<string, unknown>>(
  rows: T[],
  sort: { column: string; direction: 'ascending' | 'descending' } | null,
  fields: AdminListLike['fields'],
  count: number | undefined,
): T[];
export declare function pinyinOptions<T extends { label?: string | null }>(items: T[], data: { items?: unknown[]; count?: number } | undefined, sort: unknown): T[];
export declare function translateMessage(message: string, lists?: Record<string, AdminListLike>): string;
export declare function actionRefusal(error: unknown, lists?: Record<string, AdminListLike>): string;
export declare function bulkOutcome(
  outcome: {
    done: string | null;
    failed: string;
    itemIds: string[];
    items: Record<string, unknown>[];
    labelField: string;
    errors: Record<string, { message?: string }[]>;
  },
  lists?: Record<string, AdminListLike>,
): string;
export declare function columnWidth(
  key: string,
  labelField: string,
): { defaultWidth: string; minWidth: number } | { width: number };
