import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../platform/db/prisma.js';
import { calendarDay, select, text, timestamp } from '@keystone-6/core/fields';
import { byRole, isOfficeReviewer, signedIn } from '../../platform/access/roles.js';
import { calendarDayOf } from '../../platform/db/calendar-day.js';
import { entryProblems, gateKindLabels, seriousCategoryLabels, type GateEntry } from '../core/content-gate.js';
import { itemAfter } from '../../platform/db/item-after.js';
import { readOnly } from '../../platform/admin-ui/ui-modes.js';

/** 局办公室 keeps the dictionary (N7, N19): it answers for what the bureau publishes. */
const keepsDictionary = byRole(isOfficeReviewer);

const officeEdits = {
  itemView: { fieldMode: ({ session }: { session?: unknown }): 'edit' | 'read' => (keepsDictionary({ session }) ? 'edit' : 'read') },
};

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

// 规范表述词库 (the content gate): serious errors that block a submission, outdated expressions and
// leaders' titles that warn; the monitor checks published pages against the same entries. Staff read it
// (an editor sees why a text was stopped); only the office changes it. Never public.
export const ContentRule = list<ListTypeInfo<'ContentRule'>>({
  access: { operation: { query: signedIn, create: keepsDictionary, update: keepsDictionary, delete: keepsDictionary } },
  hooks: {
    validate: ({ operation, resolvedData, item, addValidationError }) => {
      if (operation === 'delete') return;
      const after = itemAfter(item, resolvedData);
      const entry: Partial<GateEntry> = {
        kind: after.kind as GateEntry['kind'],
        category: (after.category as GateEntry['category']) || null,
        term: after.term as string,
        replacement: after.replacement as string,
        title: after.title as string,
        retiredOn: calendarDayOf(after.retiredOn),
        termStart: calendarDayOf(after.termStart),
        termEnd: calendarDayOf(after.termEnd),
        source: after.source as string,
      };
      for (const problem of entryProblems(entry)) addValidationError(problem);
    },
  },
  ui: {
    label: '规范表述词库',
    singular: '词条',
    plural: '规范表述词库',
    labelField: 'term',
    // Others read the dictionary: no 新建 or 删除 button and read-only fields for them.
    hideCreate: (args) => !keepsDictionary(args),
    hideDelete: (args) => !keepsDictionary(args),
    listView: {
      initialColumns: ['kind', 'category', 'term', 'replacement', 'title', 'retiredOn', 'termEnd', 'source'],
      initialSort: { field: 'kind', direction: 'ASC' },
    },
  },
  fields: {
    kind: select({
      type: 'string',
      options: options(gateKindLabels),
      validation: { isRequired: true },
      defaultValue: 'serious',
      ui: {
        ...officeEdits,
        label: '类型',
        displayMode: 'segmented-control',
        description:
          '提交审核时检查文件、解读和答复：严重错误不能提交，过时表述和领导职务给出提醒；每日监测用同一词库检查网站。由局办公室维护',
      },
    }),
    category: select({
      type: 'string',
      options: options(seriousCategoryLabels),
      ui: { ...officeEdits, label: '类别', description: '严重错误的类别' },
    }),
    term: text({
      validation: { isRequired: true, length: { max: 100 } },
      ui: { ...officeEdits, label: '词语', description: '严重错误：错误写法或敏感词；过时表述：不再使用的说法；领导职务：姓名' },
    }),
    replacement: text({
      validation: { length: { max: 200 } },
      ui: { ...officeEdits, label: '正确写法或现行表述', description: '提示编辑改成什么；敏感词可不填' },
    }),
    title: text({
      validation: { length: { max: 50 } },
      ui: { ...officeEdits, label: '职务', description: '领导职务：例如“局长”，按“姓名+职务”和“职务+姓名”两种写法查找' },
    }),
    retiredOn: calendarDay({ ui: { ...officeEdits, label: '停用日期', description: '过时表述：自这一天起不再使用' } }),
    termStart: calendarDay({ ui: { ...officeEdits, label: '任职起始日' } }),
    termEnd: calendarDay({ ui: { ...officeEdits, label: '任职截止日', description: '仍在任的不填' } }),
    source: text({
      validation: { length: { max: 300 } },
      ui: { ...officeEdits, label: '来源依据', description: '依据的文件、通知或任免决定' },
    }),
    updatedAt: timestamp({ db: { updatedAt: true }, access: { read: signedIn }, ui: { label: '更新时间', ...readOnly } }),
  },
});
