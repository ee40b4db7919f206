import type { DatabaseContext } from '../platform/db/prisma.js';
import express from 'express';
import { toCalendarDay, type CalendarDay } from '../platform/calendar/working-days.js';
import { calendarDayOf } from '../platform/db/calendar-day.js';
import { pageNumber, type SiteKit } from '../site/kit.js';
import { publicDocument } from '../platform/access/documents.js';
import { maskPersonalData } from '../platform/privacy/mask.js';
import { effectiveValidity, validityLabel, validityOptions, type Validity } from './core/validity.js';

/*
 * N19: the 现行有效行政规范性文件 library — the public regulations and normative documents, in force by
 * default, filterable by year (of 成文日期), issuer and validity status (as of today: one past its 有效期至
 * is 已失效 even before anyone records it).
 */

export const libraryPath = '/disclosure/normative-documents';
export const libraryPageSize = 20;

export interface LibraryEntry {
  id: string;
  title: string;
  documentNumber: string;
  issuingAuthority: string;
  formationDate: CalendarDay | null;
  effectiveFrom: CalendarDay | null;
  validUntil: CalendarDay | null;
  status: Validity;
}

export interface LibraryFilter {
  year: number | null;
  issuer: string | null;
  /** 'all' shows every status. */
  status: Validity | 'all';
}

/** Reads the filter from the query string; null when a value is malformed. Absent status means 现行有效. */
export function libraryFilterOf(query: Record<string, unknown>): LibraryFilter | null {
  const { year, issuer, status } = query;
  if (year !== undefined && year !== '' && (typeof year !== 'string' || !/^(19|20)\d{2}$/.test(year))) return null;
  if (issuer !== undefined && (typeof issuer !== 'string' || issuer.length > 100)) return null;
  if (status !== undefined && status !== 'all' && !validityOptions.some((o) => o.value === status)) return null;
  return {
    year: typeof year === 'string' && year ? Number(year) : null,
    issuer: typeof issuer === 'string' && issuer.trim() ? issuer.trim() : null,
    status: (status as Validity | 'all' | undefined) ?? 'current',
  };
}

/** The entries the filter keeps, newest first. Pure. */
export function filterLibrary(entries: LibraryEntry[], filter: LibraryFilter): LibraryEntry[] {
  return entries
    .filter((e) => filter.status === 'all' || e.status === filter.status)
    .filter((e) => filter.year === null || e.formationDate?.startsWith(String(filter.year)))
    .filter(
      (e) => filter.issuer === null || e.issuingAuthority.split(/\s+/).includes(filter.issuer) || e.issuingAuthority === filter.issuer,
    )
    .sort((a, b) => (b.formationDate ?? '').localeCompare(a.formationDate ?? ''));
}

interface Row {
  id: string;
  title: string;
  documentNumber: string;
  issuingAuthority: string;
  formationDate: unknown;
  effectiveFrom: unknown;
  validUntil: unknown;
  validity: string;
}

export async function libraryEntries(context: DatabaseContext, today: CalendarDay): Promise<LibraryEntry[]> {
  const rows = (await context.sudo().prisma.document.findMany({
    where: { ...publicDocument, regulatoryKind: { not: null } },
    select: {
      id: true,
      title: true,
      documentNumber: true,
      issuingAuthority: true,
      formationDate: true,
      effectiveFrom: true,
      validUntil: true,
      validity: true,
    },
  })) as Row[];
  return rows.map((r) => {
    const validUntil = calendarDayOf(r.validUntil);
    return {
      id: r.id,
      title: maskPersonalData(r.title),
      documentNumber: r.documentNumber,
      issuingAuthority: r.issuingAuthority,
      formationDate: calendarDayOf(r.formationDate),
      effectiveFrom: calendarDayOf(r.effectiveFrom),
      validUntil,
      status: effectiveValidity({ validity: r.validity as Validity, validUntil }, today),
    };
  });
}

/** The library page. */
export function normativeLibraryRoutes(context: DatabaseContext, kit: SiteKit): express.Router {
  const router = express.Router();
  router.get(libraryPath, async (req, res) => {
    const since = kit.cache.generation;
    const filter = libraryFilterOf(req.query as Record<string, unknown>);
    const page = pageNumber(req.query.page);
    if (!filter || page === null)
      return kit.badRequest(req, res, '年份应为四位数字，效力状态应为现行有效、已修改、已废止、已失效或全部，页码应为正整数。');
    const all = await libraryEntries(context, toCalendarDay(new Date()));
    const found = filterLibrary(all, filter);
    const pages = Math.max(1, Math.ceil(found.length / libraryPageSize));
    if (page > pages) return kit.notFound(req, res);
    const query = (p: number) => {
      const params = new URLSearchParams();
      if (filter.year) params.set('year', String(filter.year));
      if (filter.issuer) params.set('issuer', filter.issuer);
      if (filter.status !== 'current') params.set('status', filter.status);
      if (p > 1) params.set('page', String(p));
      const text = params.toString();
      return `${libraryPath}${text ? `?${text}` : ''}`;
    };
    const years = [...new Set(all.map((e) => e.formationDate?.slice(0, 4)).filter((y): y is string => Boolean(y)))].sort().reverse();
    const issuers = [...new Set(all.flatMap((e) => e.issuingAuthority.split(/\s+/)).filter(Boolean))].sort((a, b) =>
      a.localeCompare(b, 'zh-CN'),
    );
    return kit.html(req, res, since, 200, 'normative-library', {
      title: '现行有效行政规范性文件',
      heading: filter.status === 'current' ? '现行有效行政规范性文件' : '行政规范性文件库',
      entries: found
        .slice((page - 1) * libraryPageSize, page * libraryPageSize)
        .map((e) => ({ ...e, statusLabel: validityLabel(e.status), validUntil: e.validUntil ?? '长期' })),
      total: found.length,
      years: years.map((y) => ({ value: y, selected: String(filter.year) === y })),
      issuers: issuers.map((i) => ({ value: i, selected: filter.issuer === i })),
      statuses: [
        ...validityOptions.map((o) => ({ value: o.value, label: o.label, selected: filter.status === o.value })),
        { value: 'all', label: '全部', selected: filter.status === 'all' },
      ],
      page,
      pages,
      previous: page > 1 ? query(page - 1) : null,
      next: page < pages ? query(page + 1) : null,
      cacheTags: ['documents', 'normative-library'],
    });
  });
  return router;
}
