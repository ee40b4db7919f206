import { toCalendarDay, type CalendarDay } from '../platform/calendar/working-days.js';
import { calendarDayOf } from '../platform/db/calendar-day.js';
import { isPublicDocument } from '../platform/access/documents.js';
import { maskPersonalData } from '../platform/privacy/mask.js';
import { effectiveValidity, validityBanner, validityLabel, type Successor, type Validity } from './core/validity.js';

/** The columns of a document row this view reads (Prisma names). */
export interface ValidityRow {
  regulatoryKind: string | null;
  effectiveFrom: unknown;
  validUntil: unknown;
  repealedOn: unknown;
  validity: string;
}

interface SuccessorRow {
  id: string;
  title: string;
  effectiveFrom: unknown;
  formationDate: unknown;
}

export const successorSelect = { id: true, title: true, effectiveFrom: true, formationDate: true, status: true, disclosure: true } as const;

/** S1: only a public successor is named or linked (published, 主动公开 or 删减后公开). */
const publicSuccessor = <T extends SuccessorRow & { status?: string; disclosure?: string | null }>(row: T | null): T | null =>
  row && isPublicDocument(row) ? row : null;

/** Whether a document's page speaks of its validity at all: regulations, normative documents, and anything dated or no longer current. */
export const hasValidity = (row: ValidityRow) =>
  Boolean(row.regulatoryKind || calendarDayOf(row.effectiveFrom) || calendarDayOf(row.validUntil) || row.validity !== 'current');

/**
 * N19: the validity rows of a document's metadata table and its banner ("本文件已于…废止，详见…"), as of
 * `today`; null for a document that has nothing to say about validity.
 */
export function validityView(
  row: ValidityRow,
  stored: (SuccessorRow & { status?: string; disclosure?: string | null }) | null,
  today: CalendarDay = toCalendarDay(new Date()),
) {
  if (!hasValidity(row)) return null;
  const successor = publicSuccessor(stored);
  const facts = {
    validity: row.validity as Validity,
    effectiveFrom: calendarDayOf(row.effectiveFrom),
    validUntil: calendarDayOf(row.validUntil),
    repealedOn: calendarDayOf(row.repealedOn),
  };
  const next: Successor | null = successor && {
    id: successor.id,
    title: maskPersonalData(successor.title),
    effectiveFrom: calendarDayOf(successor.effectiveFrom),
    formationDate: calendarDayOf(successor.formationDate),
  };
  const status = effectiveValidity(facts, today);
  return {
    status,
    statusLabel: validityLabel(status),
    inForce: status === 'current',
    effectiveFrom: facts.effectiveFrom ?? '',
    validUntil: facts.validUntil ?? '长期',
    repealedOn: facts.repealedOn ?? '',
    successor: next,
    banner: validityBanner(facts, next, today),
  };
}
