import { group } from '@keystone-6/core';

/** One section of an item form: a Keystone field group with its fields in this order. */
export interface FormSection {
  label: string;
  description?: string;
  fields: string[];
}

/** The sections of a form, then the fields that follow them ungrouped, in this order (the sidebar's, mostly). */
export interface FormLayout {
  sections: FormSection[];
  then?: string[];
}

/**
 * Lays a list's fields out in sections, as the bureau's paper forms do (发文稿纸): each section becomes a
 * Keystone field group, in the order given; fields no section names follow in their own order. Only the
 * order and grouping of the form change: the fields themselves, their database columns and their API stay
 * as they are (the migrations test checks that the schema does not change).
 */
export function formSections<Fields extends Record<string, unknown>>(fields: Fields, { sections, then = [] }: FormLayout): Fields {
  const laidOut: Record<string, unknown> = {};
  const placed = new Set<string>();
  for (const section of sections) {
    const sectionFields: Record<string, unknown> = {};
    for (const key of section.fields) {
      if (!(key in fields)) throw new Error(`表单分组“${section.label}”中的字段 ${key} 不存在`);
      if (placed.has(key)) throw new Error(`字段 ${key} 出现在两个表单分组中`);
      sectionFields[key] = fields[key];
      placed.add(key);
    }
    Object.assign(
      laidOut,
      group({ label: section.label, description: section.description, fields: sectionFields as Parameters<typeof group>[0]['fields'] }),
    );
  }
  for (const key of then) {
    if (!(key in fields)) throw new Error(`表单中的字段 ${key} 不存在`);
    if (placed.has(key)) throw new Error(`字段 ${key} 已在表单分组中`);
    laidOut[key] = fields[key];
    placed.add(key);
  }
  for (const [key, value] of Object.entries(fields)) if (!placed.has(key)) laidOut[key] = value;
  return laidOut as Fields;
}
