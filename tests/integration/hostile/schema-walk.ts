import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { lists } from '../../../src/app/lists.js';

/*
 * What the hostile suites attack, read from the schema Keystone built out of `lists` (src/app/lists.ts):
 * every list, its queries, every relationship filter and every filterable or orderable field. Nothing here
 * names a list or a field, so a list added tomorrow is attacked without anyone remembering.
 */

export interface Relationship {
  list: string;
  field: string;
  target: string;
  many: boolean;
}

export interface ScalarField {
  field: string;
  /** A value its `equals` filter accepts; undefined when it has none. */
  sample: unknown;
  filterable: boolean;
  orderable: boolean;
}

export interface ListInfo {
  key: string;
  /** The GraphQL query of many items, and its count. */
  query: string;
  count: string;
  /** The Prisma client's table. */
  table: string;
  relationships: Relationship[];
  scalars: ScalarField[];
}

export const listKeys = Object.keys(lists);

function sampleOf(type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]?.value;
  if (!isScalarType(named)) return undefined;
  const samples: Record<string, unknown> = {
    String: '某',
    ID: 'cl0000000000000000000000',
    Int: 0,
    Float: 0,
    Boolean: false,
    DateTime: '2026-01-01T00:00:00.000Z',
    CalendarDay: '2026-01-01',
    Decimal: '0',
    BigInt: '0',
  };
  return samples[named.name];
}

export function listsOf(schema: GraphQLSchema): ListInfo[] {
  const queryFields = Object.values(schema.getQueryType()!.getFields()) as GraphQLField<unknown, unknown>[];
  // A list kept out of the API altogether (graphql.omit: server-side sessions, used form tokens) has no type
  // there and nothing to attack; one with its type but no query would be a half-omitted list: refused below.
  return listKeys
    .filter((key) => schema.getType(key) !== undefined)
    .map((key) => {
      const many = queryFields.find(
        (f) =>
          isListType(isNonNullType(f.type) ? f.type.ofType : f.type) &&
          getNamedType(f.type).name === key &&
          f.args.some((a) => a.name === 'where'),
      );
      if (!many) throw new Error(`no query of many ${key}`);
      const count = `${many.name}Count`;
      if (!queryFields.some((f) => f.name === count)) throw new Error(`no ${count}`);
      const where = schema.getType(`${key}WhereInput`);
      const orderBy = schema.getType(`${key}OrderByInput`);
      if (!isInputObjectType(where) || !isInputObjectType(orderBy)) throw new Error(`no filter or order types for ${key}`);
      const orderable = new Set(Object.keys(orderBy.getFields()));
      const relationships: Relationship[] = [];
      const scalars: ScalarField[] = [];
      for (const field of Object.values(where.getFields())) {
        if (['AND', 'OR', 'NOT'].includes(field.name)) continue;
        const typeName = getNamedType(field.type).name;
        const manyTarget = /^(\w+)ManyRelationFilter$/.exec(typeName)?.[1];
        const oneTarget = /^(\w+)WhereInput$/.exec(typeName)?.[1];
        if (manyTarget && listKeys.includes(manyTarget))
          relationships.push({ list: key, field: field.name, target: manyTarget, many: true });
        else if (oneTarget && listKeys.includes(oneTarget))
          relationships.push({ list: key, field: field.name, target: oneTarget, many: false });
        else {
          const filter = getNamedType(field.type);
          const equals = isInputObjectType(filter) ? filter.getFields().equals : undefined;
          scalars.push({
            field: field.name,
            sample: equals ? sampleOf(equals.type) : undefined,
            filterable: true,
            orderable: orderable.has(field.name),
          });
        }
      }
      for (const field of orderable)
        if (!scalars.some((s) => s.field === field)) scalars.push({ field, sample: undefined, filterable: false, orderable: true });
      return { key, query: many.name, count, table: key[0].toLowerCase() + key.slice(1), relationships, scalars };
    });
}

/** Whether a list's output field is a plain value (selectable without a sub-selection). */
export function isPlainOutput(schema: GraphQLSchema, listKey: string, field: string): boolean {
  const type = schema.getType(listKey);
  if (!isObjectType(type)) return false;
  const output = type.getFields()[field];
  if (!output) return false;
  const named = getNamedType(output.type);
  return isScalarType(named) || isEnumType(named);
}

/** A GraphQL literal of a JSON value (object keys bare, as input object fields are written). */
export function literal(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object')
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(', ')} }`;
  return JSON.stringify(value);
}

/** Every plain field of an output type, and its object fields to `depth` levels: what a query can ask for at once. */
export function selectionOf(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth > 0) {
      const inner = selectionOf(named, depth - 1);
      if (inner) parts.push(`${field.name} { ${inner} }`);
    }
  }
  return parts.join(' ');
}
