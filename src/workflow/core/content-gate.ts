/**
 * The content gate (内容审校): one dictionary of what must not be published, matched in one pass over a
 * text with an Aho-Corasick automaton (@monyone/aho-corasick, leftmost-longest). Pure: no Keystone, no database; the caller
 * loads the dictionary (the office's 规范表述词库) and says on which day the text speaks.
 *
 * - N7 serious errors (严重表述错误): wrong state names, wrong forms of official names, sensitive words.
 *   One is a veto at the national inspection: at submission they block.
 * - N19 outdated expressions (过时表述): in use until a day, replaced by another (十三五规划 after 2021,
 *   agency names changed by reforms). They warn: a text may speak of the past.
 * - N7 leaders' titles (领导职务): a name with a title used outside its holder's term of office warns,
 *   naming the holder of the title on that day when the dictionary knows one.
 */
import { AhoCorasick } from '@monyone/aho-corasick/greedy';

export type GateKind = 'serious' | 'outdated' | 'leader';
export type SeriousCategory = 'stateName' | 'leaderName' | 'officialName' | 'sensitive' | 'typo';

export const gateKindLabels: Record<GateKind, string> = { serious: '严重错误', outdated: '过时表述', leader: '领导职务' };
export const seriousCategoryLabels: Record<SeriousCategory, string> = {
  stateName: '国家名称错误',
  leaderName: '领导人姓名职务错误',
  officialName: '规范名称错误',
  sensitive: '敏感词',
  typo: '严重错别字',
};

/** One entry of the dictionary, as the office keeps it. Dates are calendar days, 'YYYY-MM-DD'. */
export interface GateEntry {
  /** The dictionary row, when the entry comes from the CMS. */
  id?: string;
  kind: GateKind;
  /** serious: which kind of serious error. */
  category?: SeriousCategory | null;
  /** serious: the wrong form or the sensitive word; outdated: the outdated expression; leader: the person's name. */
  term: string;
  /** serious: the right form (empty for a sensitive word: delete it); outdated: what replaced it. */
  replacement?: string | null;
  /** leader: the title, e.g. 局长 or 临沧市民政局局长. */
  title?: string | null;
  /** outdated: the first day the expression is out of use. */
  retiredOn?: string | null;
  /** leader: the first and last day of the term of office (no end: in office). */
  termStart?: string | null;
  termEnd?: string | null;
  /** Where the entry comes from (文件、通知、任免决定). */
  source?: string | null;
}

export interface GateFinding {
  /** N7 for serious errors and leaders' titles, N19 for outdated expressions. */
  rule: 'N7' | 'N19';
  kind: GateKind;
  /** The entry that matched. */
  entry: GateEntry;
  /** The text that matched, and where (UTF-16 offsets). */
  matched: string;
  start: number;
  /** Serious errors block a submission; the others warn. */
  blocking: boolean;
  /** In Chinese: what is wrong, what to write instead, and the entry's source. */
  message: string;
}

// A name or expression preceded by one of these speaks of the past on purpose: 时任局长张三, 原国家卫生计生委.
const historicalMarkers = ['时任', '原任', '前任', '曾任', '原'];
const isHistorical = (text: string, start: number) => historicalMarkers.some((m) => text.slice(Math.max(0, start - m.length), start) === m);

const day = (value: string | null | undefined) => (value ? value.slice(0, 10) : null);

function patternsOf(entry: GateEntry): string[] {
  const term = entry.term.trim();
  if (!term) return [];
  if (entry.kind !== 'leader') return [term];
  const title = entry.title?.trim();
  if (!title) return [];
  // 张三局长 and 局长张三; a title may name the bureau too (临沧市民政局局长张三).
  return [`${term}${title}`, `${title}${term}`];
}

function inTerm(leader: GateEntry, on: string): boolean {
  const termStart = day(leader.termStart);
  const termEnd = day(leader.termEnd);
  return (termStart === null || termStart <= on) && (termEnd === null || on <= termEnd);
}

function quoted(entry: GateEntry): string {
  return entry.source?.trim() ? `（依据：${entry.source.trim()}）` : '';
}

/** A compiled dictionary: build once, check many texts. */
export class ContentGate {
  private readonly matcher: AhoCorasick;
  /** The entries of each pattern (two entries may share one: the same name in two terms of office). */
  private readonly byPattern = new Map<string, GateEntry[]>();
  private readonly leaders: GateEntry[];
  readonly size: number;

  constructor(entries: readonly GateEntry[]) {
    for (const entry of entries) {
      for (const pattern of patternsOf(entry)) this.byPattern.set(pattern, [...(this.byPattern.get(pattern) ?? []), entry]);
    }
    this.matcher = new AhoCorasick([...this.byPattern.keys()]);
    this.leaders = entries.filter((e) => e.kind === 'leader');
    this.size = entries.length;
  }

  /**
   * Every finding of the dictionary in `text`, as of `on` (the day the text speaks: today at submission,
   * a page's publication day for the monitor). Each distinct entry is reported once, at its first match.
   */
  check(text: string, on: string): GateFinding[] {
    const findings: GateFinding[] = [];
    const seen = new Set<GateEntry>();
    for (const hit of this.matcher.matchInText(text)) {
      const entries = this.byPattern.get(hit.keyword) ?? [];
      // The same name and title in two terms of office: right while either term covers the day.
      const inOffice = entries.some((e) => e.kind === 'leader' && inTerm(e, on));
      for (const entry of entries) {
        if (seen.has(entry) || (entry.kind === 'leader' && inOffice)) continue;
        const finding = this.judge(entry, text, hit.begin, hit.end, on);
        if (!finding) continue;
        seen.add(entry);
        findings.push(finding);
        break;
      }
    }
    return findings;
  }

  private judge(entry: GateEntry, text: string, start: number, end: number, on: string): GateFinding | null {
    const matched = text.slice(start, end);
    const base = { entry, matched, start };
    if (entry.kind === 'serious') return seriousFinding(entry, base);
    if (isHistorical(text, start)) return null;
    if (entry.kind === 'outdated') {
      const retiredOn = day(entry.retiredOn);
      if (!retiredOn || on < retiredOn) return null;
      const instead = entry.replacement?.trim() ? `请改为“${entry.replacement.trim()}”` : '请改用现行表述';
      return {
        ...base,
        rule: 'N19',
        kind: 'outdated',
        blocking: false,
        message: `过时表述“${matched}”自 ${retiredOn} 起已不再使用：${instead}；如确为回顾过去，请写明时间（如“十三五”时期）或加“原”字${quoted(entry)}`,
      };
    }
    const termStart = day(entry.termStart);
    const termEnd = day(entry.termEnd);
    const before = termStart !== null && on < termStart;
    const after = termEnd !== null && on > termEnd;
    if (!before && !after) return null;
    const holder = this.holderOn(entry, on);
    const now = holder ? `；${on} 时的${entry.title}为${holder.term}` : '';
    const why = after ? `已于 ${termEnd} 卸任${entry.title}` : `自 ${termStart} 起才任${entry.title}`;
    return {
      ...base,
      rule: 'N7',
      kind: 'leader',
      blocking: false,
      message: `领导职务“${matched}”有误：${entry.term}${why}${now}。请核对姓名与职务，如指任职期间的事，请写“时任${entry.title}”${quoted(entry)}`,
    };
  }

  private holderOn(entry: GateEntry, on: string): GateEntry | undefined {
    return this.leaders.find((other) => other !== entry && other.title === entry.title && inTerm(other, on));
  }
}

function seriousFinding(entry: GateEntry, base: { entry: GateEntry; matched: string; start: number }): GateFinding {
  const label = seriousCategoryLabels[entry.category ?? 'officialName'];
  const right = entry.replacement?.trim();
  const fix = right ? `应为“${right}”，请改正` : '不得出现在公开内容中，请删除或改写';
  return { ...base, rule: 'N7', kind: 'serious', blocking: true, message: `${label}：“${base.matched}”${fix}${quoted(entry)}` };
}

/**
 * What is wrong with a dictionary entry as the office typed it, in Chinese (empty when nothing is): each
 * kind needs the fields its matching reads.
 */
export function entryProblems(entry: Partial<GateEntry>): string[] {
  const problems: string[] = [];
  const term = entry.term?.trim() ?? '';
  if (!term) problems.push('请填写“词语”：要查找的错误写法、过时表述或领导姓名');
  if (!entry.source?.trim()) problems.push('请填写“来源依据”：该词条依据的文件、通知或任免决定');
  if (entry.kind === 'serious') {
    if (!entry.category) problems.push('严重错误请选择“类别”：国家名称、领导人姓名职务、规范名称、敏感词或严重错别字');
    if (entry.category !== 'sensitive' && !entry.replacement?.trim())
      problems.push('严重错误请填写“正确写法”（敏感词除外），提示编辑改成什么');
    if (term && entry.replacement?.trim() && entry.replacement.includes(term))
      problems.push(`“正确写法”中含有错误写法“${term}”本身，正确的文字也会被拦截：请检查两者`);
  }
  if (entry.kind === 'outdated') {
    if (!entry.retiredOn) problems.push('过时表述请填写“停用日期”：自哪一天起不再使用');
    if (!entry.replacement?.trim()) problems.push('过时表述请填写“现行表述”，提示编辑改成什么');
  }
  if (entry.kind === 'leader') {
    if (!entry.title?.trim()) problems.push('领导职务请填写“职务”，例如：局长');
    if (!entry.termStart) problems.push('领导职务请填写“任职起始日”');
    if (entry.termStart && entry.termEnd && entry.termEnd < entry.termStart) problems.push('“任职截止日”早于“任职起始日”：请检查日期');
  }
  return problems;
}
