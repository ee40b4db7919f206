import type { BaseListTypeInfo, ListConfig as KeystoneListConfig } from '@keystone-6/core/types';
import type { AnyLists, Context } from '../../platform/db/prisma.js';
import { activeSessionOf } from '../../platform/access/roles.js';
import { linkOverrides } from '../../platform/access/documents.js';
import {
  changedLinks,
  currentLinks,
  linkRefusals,
  type Filter,
  type LinkableFilter,
  type LinkTarget,
  type ResolvedRelation,
} from '../../platform/access/links.js';
import { searchTextOf } from '../../platform/content/search-text.js';
import { itemAfter } from '../../platform/db/item-after.js';

type Data = Record<string, unknown>;

/**
 * On create, the drafter and the department are the signed-in user and theirs (谁起草谁解读 needs both):
 * they are never typed (the API has no such input, see `withOwnershipRules`). Code acting for the system
 * (the seed, through sudo) may name them.
 */
export function withDrafter<R extends { drafter?: unknown; department?: unknown }>({
  resolvedData,
  context,
}: {
  resolvedData: R;
  context: Context;
}): R {
  const session = activeSessionOf(context);
  if (!session) return resolvedData;
  const fromSession = {
    drafter: { connect: { id: session.itemId } },
    department: session.data.department ? { connect: { id: session.data.department.id } } : undefined,
  };
  if (context.__internal.sudo)
    return {
      ...resolvedData,
      drafter: resolvedData.drafter ?? fromSession.drafter,
      department: resolvedData.department ?? fromSession.department,
    };
  return { ...resolvedData, ...fromSession };
}

/** Keeps the search text in step with what the public may read of the item. */
export function withSearchText<R extends Data>(resolvedData: R, item?: object | null): R & { searchText: string } {
  // itemAfter: resolvedData holds every field, undefined when unchanged (a spread would drop the body).
  return { ...resolvedData, searchText: searchTextOf(itemAfter(item, resolvedData)) };
}

/*
 * Who owns an item comes from the session, never from the request. Every relationship to a person or a
 * department (起草人, 起草科室, 上传人, 登记人, 审核人 …) is set by the system: the hooks and the actions
 * set it from the signed-in user, and the API has no input for it. The exceptions are the relationships
 * that assign work or membership, which the roles named here choose (each list's access says exactly who):
 */
export const assignedByStaff: Record<string, string> = {
  'User.department': '系统管理员：用户所属科室',
  'Department.users': '系统管理员：科室人员',
  'Message.department': '局办公室分办：承办科室',
  'DisclosureRequest.department': '局办公室：承办科室（科室编辑只能登记本科室承办的申请）',
  'OpinionIncident.departments': '局办公室或责任科室：责任科室（S7）',
  'CatalogueEntry.department': '信息建设科：主动公开目录事项的责任科室（S3）',
  'SelfInspection.department': '局办公室、信息建设科、系统管理员为科室建立自查报告（S4；建立后不能更改）',
};

/** Timestamps the system keeps on every list that has them. */
const systemTimestamps = new Set(['createdAt', 'updatedAt']);

type ListConfig = KeystoneListConfig<BaseListTypeInfo>;
type Lists = AnyLists;
type FieldFunc = ListConfig['fields'][string];
type FieldConfig = ReturnType<FieldFunc>;
type GraphQLOmit = Exclude<NonNullable<FieldConfig['graphql']>['omit'], undefined>;
type ValidateArgs = {
  operation: 'create' | 'update' | 'delete';
  resolvedData: Data;
  item?: { id: unknown };
  context: Context;
  addValidationError(message: string): void;
};
type Validate = (args: ValidateArgs) => Promise<void> | void;

/** The field as the system keeps it: no API input, shown read-only in the Admin UI. */
function systemSet(field: FieldConfig): FieldConfig {
  const omit: GraphQLOmit | undefined = field.graphql?.omit;
  const itemMode = field.ui?.itemView?.fieldMode;
  return {
    ...field,
    graphql: { ...field.graphql, omit: omit === true ? true : { ...(typeof omit === 'object' ? omit : {}), create: true, update: true } },
    ui: {
      ...field.ui,
      createView: { ...field.ui?.createView, fieldMode: 'hidden' },
      itemView: { ...field.ui?.itemView, fieldMode: itemMode === 'hidden' ? 'hidden' : 'read' },
    },
  };
}

/** The update access of a list, as a linkable filter: the caller may link what he may edit. */
function editAccessOf(listKey: string, access: ListConfig['access']): LinkableFilter {
  type AccessFn = (args: object) => unknown;
  return async ({ session, context }) => {
    const args = { session, context, listKey, operation: 'update' as const };
    if (typeof access === 'function') return Boolean(await (access as AccessFn)(args));
    const operation = (typeof access.operation === 'function' ? access.operation : access.operation.update) as AccessFn;
    if (!(await operation(args))) return false;
    const filter = access.filter?.update as AccessFn | undefined;
    return filter ? ((await filter(args)) as Filter) : true;
  };
}

function withValidate(field: FieldConfig, extra: Validate): FieldConfig {
  const existing = field.hooks?.validate as Validate | Partial<Record<ValidateArgs['operation'], Validate>> | undefined;
  const validate: Validate = async (args) => {
    if (typeof existing === 'function') await existing(args);
    else await existing?.[args.operation]?.(args);
    await extra(args);
  };
  return { ...field, hooks: { ...field.hooks, validate: validate as NonNullable<FieldConfig['hooks']>['validate'] } };
}

/**
 * The ownership rules of every list, derived from the schema so that a list added later is covered:
 *
 * - relationships to a person or a department, and createdAt/updatedAt, are set by the system (above);
 * - a list whose items carry a department set by the system is *owned* by that department; a link into
 *   an owned list from the other side of a two-sided relationship (文件⇄解读, 栏目→文件, 会议→征求意见 …)
 *   changes that item too, so connect, set and disconnect alike, on create and on update, are refused for
 *   any item the caller may not edit (the list's update access, or `linkOverrides`). Code acting for the
 *   system (sudo: the seed, the jobs) is not a caller.
 */
export function withOwnershipRules(lists: Lists): Lists {
  // Filled as Keystone initialises the fields, before any request: list → its owning department field.
  const owned = new Map<string, string>();
  const targets = new Map<string, LinkTarget>();
  const targetOf = (listKey: string): LinkTarget | undefined => {
    if (!owned.has(listKey)) return undefined;
    if (!targets.has(listKey)) {
      const { ui, access } = lists[listKey];
      const noun = ui?.singular ?? ui?.label ?? listKey;
      const override = linkOverrides[listKey];
      targets.set(listKey, {
        listKey,
        noun,
        labelField: String(ui?.labelField ?? 'id'),
        linkable: override?.linkable ?? editAccessOf(listKey, access),
        hint: override?.hint ?? `只能关联您有权修改的${noun}`,
      });
    }
    return targets.get(listKey);
  };

  const wrapField =
    (listKey: string, fieldKey: string, fieldFunc: FieldFunc): FieldFunc =>
    (data) => {
      let field = fieldFunc(data);
      const { dbField } = field;
      if (systemTimestamps.has(fieldKey)) field = systemSet(field);
      if (dbField.kind !== 'relation') return field;
      if ((dbField.list === 'User' || dbField.list === 'Department') && !(`${listKey}.${fieldKey}` in assignedByStaff)) {
        field = systemSet(field);
        if (dbField.list === 'Department' && dbField.mode === 'one') owned.set(listKey, fieldKey);
      }
      if (dbField.field === undefined) return field;
      const many = dbField.mode === 'many';
      // S5 and every owned list: link only what you may edit.
      return withValidate(field, async ({ operation, resolvedData, item, context, addValidationError }) => {
        if (operation === 'delete') return;
        const input = resolvedData[fieldKey] as ResolvedRelation | undefined;
        const target = targetOf(dbField.list);
        if (input === undefined || !target || context.__internal.sudo) return;
        const current = operation === 'update' && item ? await currentLinks(context, listKey, fieldKey, String(item.id)) : [];
        for (const message of await linkRefusals(context, target, changedLinks(input, current, many))) addValidationError(message);
      });
    };

  return Object.fromEntries(
    Object.entries(lists).map(([listKey, list]) => [
      listKey,
      {
        ...list,
        fields: Object.fromEntries(
          // Field groups (`__group…`) are layout, not fields.
          Object.entries(list.fields).map(([fieldKey, fieldFunc]) => [
            fieldKey,
            typeof fieldFunc === 'function' ? wrapField(listKey, fieldKey, fieldFunc) : fieldFunc,
          ]),
        ),
      },
    ]),
  );
}
