import { action } from '@keystone-6/core';
import { g } from '../db/g.js';
import { text } from '@keystone-6/core/fields';
import type { ActionArgConfig, ActionArgsConfig } from '@keystone-6/core/types';
import type { Context, ListKey, ListTypeInfo } from '../db/prisma.js';
import { GraphQLError } from 'graphql';
import { sessionOf, signedIn, type SessionData } from '../access/roles.js';
import { actionMessages } from './action-messages.js';

/*
 * The item-page actions of every capability (workflow, syndication queue, mailbox, consultations,
 * requests, incidents, reports) are built alike: a button on the item page shown only when the step is
 * open to the user, a mutation in GraphQL whose resolver checks everything again, Chinese messages, and
 * the item refetched afterwards.
 */

/** The refusal of an action: its Chinese message, and a code per capability (e.g. REQUEST_REFUSED) for API clients. */
export function refusal(code: string): (message: string) => GraphQLError {
  return (message) => new GraphQLError(message, { extensions: { code } });
}

/**
 * A free-text argument asked in the action's dialog (a reason, a note). A required one is checked by the dialog
 * before anything is sent (issue 16): “请填写…” under the field. The resolver checks again.
 */
export function textArg<K extends ListKey>(
  label: string,
  description?: string,
  { required = false }: { required?: boolean } = {},
): ActionArgConfig<ListTypeInfo<K>> {
  return {
    graphql: g.arg({ type: g.String }),
    ui: {
      source: {
        field: text<ListTypeInfo<K>>({ ui: { label, description, displayMode: 'textarea' }, validation: { isRequired: required } }),
      },
    },
  };
}

/** The arguments of an action on a list. */
export type ActionArgs<K extends ListKey> = ActionArgsConfig<ListTypeInfo<K>>;

export interface ItemActionSpec<K extends ListKey> {
  label: string;
  /** The dialog's question; actionMessages' default otherwise. */
  prompt?: string;
  /** All messages, where the default wording from the label does not fit. */
  messages?: ReturnType<typeof actionMessages>;
  args?: ActionArgs<K>;
  /** Who may call the mutation at all (default: signed-in staff); `run` decides the rest. */
  access?: (args: { session?: unknown }) => boolean;
  /** Whether the button shows for this user on this item (the item as stored, with relationship ids). */
  shown: (session: SessionData | undefined, item: ListTypeInfo<K>['item']) => boolean;
  /**
   * Whether the list offers the action on its selected items to this user (default: never). Each item is then
   * run through `run`, the single item's step, which refuses the items this user may not act on.
   */
  bulk?: (session: SessionData | undefined) => boolean;
  /** Does the step, or throws a Chinese error saying why it may not be done. */
  run: (context: Context, id: string, args: Record<string, unknown>) => Promise<unknown>;
}

export function itemAction<K extends ListKey>(listKey: K, spec: ItemActionSpec<K>) {
  return action<ListTypeInfo<K>, ActionArgs<K>>({
    access: ({ session }) => (spec.access ?? signedIn)({ session }),
    args: spec.args ?? {},
    async resolve({ where, args }, context) {
      const id = String((where as { id?: unknown }).id ?? '');
      await oneAtATime(context, () => spec.run(context, id, (args ?? {}) as Record<string, unknown>));
      return context.sudo().db[listKey].findOne({ where: { id } });
    },
    ui: {
      label: spec.label,
      messages: spec.messages ?? actionMessages(spec.label, spec.prompt),
      itemView: {
        navigation: 'refetch',
        actionMode: ({ session, item }) => (item && spec.shown(session, item) ? 'enabled' : 'hidden'),
      },
      listView: { actionMode: ({ session }) => (spec.bulk?.(sessionOf({ session })) ? 'enabled' : 'hidden') },
    },
  });
}

/** The step running last in each request, by its context (a bulk action's items share one). */
const running = new WeakMap<object, Promise<unknown>>();

/**
 * Keystone starts a bulk action's items all at once; they are run one after another, in the order selected, so
 * that they do not contend for the database (SQLite has one writer) and each sees what the one before did.
 */
function oneAtATime<T>(context: Context, step: () => Promise<T>): Promise<T> {
  const before = running.get(context) ?? Promise.resolve();
  const mine = before.then(step, step);
  running.set(
    context,
    mine.catch(() => undefined),
  );
  return mine;
}
