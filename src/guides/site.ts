import { maskPersonalData } from '../platform/privacy/mask.js';
import { elementLines, guideElements, isFree, isServiceUrl, type GuideField, type GuideFields } from './core/guides.js';

/*
 * N6: what the public page of a 办事指南 shows — one section per element, in the order of the indicators,
 * the materials with their forms to download and the steps as lists, the online service as a link.
 * Masked on the way out (N15) like every public text.
 */

export interface GuideSection {
  /** Anchor id, from the element's field name. */
  anchor: string;
  label: string;
  text: string | null;
  lines: string[] | null;
  ordered: boolean;
  link: string | null;
  forms: { title: string; url: string }[];
}

const listed: Partial<Record<GuideField, 'ordered' | 'unordered'>> = {
  guideMaterials: 'unordered',
  guideSteps: 'ordered',
  guideConditions: 'unordered',
  guideBasis: 'unordered',
};

export function guideSections(fields: GuideFields, forms: { title: string; url: string }[]): GuideSection[] {
  return guideElements
    .filter((element) => !(element.field === 'guideFeeBasis' && !fields.guideFeeBasis?.trim() && isFree(fields.guideFee)))
    .map((element) => {
      const value = maskPersonalData((fields[element.field] ?? '').trim());
      const list = listed[element.field];
      const lines = list ? elementLines(value) : null;
      return {
        anchor: element.field.replace(/^guide/, '').toLowerCase(),
        label: element.label,
        text: lines && lines.length > 1 ? null : value || '无',
        lines: lines && lines.length > 1 ? lines : null,
        ordered: list === 'ordered',
        link: element.field === 'guideOnlineUrl' && isServiceUrl(value) ? value : null,
        forms: element.field === 'guideMaterials' ? forms : [],
      };
    });
}
