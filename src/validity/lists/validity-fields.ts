import { calendarDay, relationship, select } from '@keystone-6/core/fields';
import type { BaseListTypeInfo } from '@keystone-6/core/types';
import { calendarDayOf } from '../../platform/db/calendar-day.js';
import { validityOptions, validityProblems, type Validity } from '../core/validity.js';

/*
 * N19: whether a regulation or normative document is in force, from when and until when, and which
 * document amended or replaced it. Both its page and its interpretations' say so (src/site/data.ts); the
 * 现行有效行政规范性文件 library lists them (src/validity/library.ts). 有效期至 also ends the period of a
 * 招聘, 公示 or 征集, which puts it on the clean-up queue once passed (src/validity/tasks.ts).
 */
export function validityFields<L extends BaseListTypeInfo>() {
  return {
    effectiveFrom: calendarDay<L>({ ui: { label: '施行日期' } }),
    validUntil: calendarDay<L>({ ui: { label: '有效期至', description: '规范性文件的有效期；招聘、公示、征集类信息填写截止日期' } }),
    validity: select<L>({
      type: 'string',
      options: [...validityOptions],
      defaultValue: 'current',
      validation: { isRequired: true },
      ui: { label: '效力状态', description: '已修改、已废止的，请关联修改或废止它的文件' },
    }),
    replacedBy: relationship<L, 'Document'>({
      ref: 'Document',
      ui: { label: '修改或废止它的文件', description: '公众页面的横幅会链接到这份文件' },
    }),
  };
}

type Data = Record<string, unknown>;
const pick = (resolved: Data, item: Data | undefined, key: string) => (resolved[key] !== undefined ? resolved[key] : item?.[key]);

/** The validity problems of a document as it will be saved (form validation). */
export function validityInputProblems(resolvedData: Data, item: Data | undefined): string[] {
  const replaced = resolvedData.replacedBy as { connect?: unknown; disconnect?: boolean } | undefined;
  const hasSuccessor = replaced ? Boolean(replaced.connect) : Boolean(item?.replacedById);
  return validityProblems({
    validity: (pick(resolvedData, item, 'validity') ?? 'current') as Validity,
    effectiveFrom: calendarDayOf(pick(resolvedData, item, 'effectiveFrom')),
    validUntil: calendarDayOf(pick(resolvedData, item, 'validUntil')),
    repealedOn: calendarDayOf(pick(resolvedData, item, 'repealedOn')),
    hasSuccessor,
  });
}
