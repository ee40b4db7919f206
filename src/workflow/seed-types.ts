// The shapes of the demo content (src/workflow/seed.ts and the capabilities' seeds that add to it).
import type { ColumnKind, Disclosure, OpenCategory } from '../platform/content/vocabulary.js';
import type { Role } from '../platform/access/roles.js';
export type { ColumnKind };

export interface DemoColumn {
  slug: string;
  name: string;
  kind: ColumnKind;
  internal?: boolean;
  children?: DemoColumn[];
}
export interface DemoDepartment {
  code: string;
  name: string;
}
export type DemoRole = Role;
export interface DemoUser {
  username: string;
  name: string;
  role: DemoRole;
  department: string; /* DemoDepartment.code */
}
export interface DemoDocument {
  key: string; // stable unique ascii key, used for idempotent seeding
  title: string;
  documentNumber?: string; // 发文字号
  issuingAuthority: string; // 发文机关
  formationDate: string; // 成文日期, 'YYYY-MM-DD'
  publishedAt?: string; // 发布日期, ISO 'YYYY-MM-DDTHH:mm:00+08:00'; absent = still a draft
  topic: string; // 主题分类 (State Council 主题分类 style)
  openCategory: OpenCategory;
  disclosure: Disclosure;
  disclosureReason?: string; // required when disclosure !== 'proactive'
  redactedParagraphs?: string[]; // required when disclosure === 'redacted': the withheld paragraphs (kept internally, never published)
  paragraphs: string[]; // body, one string per paragraph (for 'redacted': the public, 删减后 version)
  columns: string[]; // column slugs
  department: string; // department code (the drafting 科室)
  drafter: string; // username of an editor in that department
  requiresInterpretation?: boolean;
  reprint?: { sourceName: string; sourceUrl: string }; // 转载: where it was first published
  tables?: DemoTable[]; // tables of the body (附表), as the editor holds them
  recurs?: 'yearly'; // published every year on the same day (the annual report): moves by whole years
}
/** A table placed after paragraph `after` (from 0): a caption, then rows of cells, the first row the header. */
export interface DemoTable {
  after: number;
  caption: string;
  rows: string[][];
}
export interface DemoInterpretation {
  key: string;
  title: string;
  documents: string[] /* DemoDocument.key */;
  form: 'text' | 'chart' | 'graphic' | 'video';
  paragraphs: string[];
  department: string;
  drafter: string;
  publishedAt?: string;
  /** Chart blocks (图表) drawn from the interpretation's own figures, each placed after paragraph `after` (from 0). */
  charts?: (DemoChart & { after: number })[];
}
/** What an editor types into a chart block; `data` as pasted from a spreadsheet (tab-separated). */
export interface DemoChart {
  kind: 'bar' | 'line' | 'pie' | 'compare';
  title: string;
  unit: string;
  source: string;
  data: string;
}
