/** The registry of checks: one module per rule id. To add a check, write checks/<rule>.ts and list it here. */
import type { Check, CheckInput, Finding, Note } from '../types.js';
import { n1Availability } from './n1-availability.js';
import { n2HomeUpdated } from './n2-home-updated.js';
import { n3ColumnsUpdated } from './n3-columns-updated.js';
import { n4EmptyColumns } from './n4-empty-columns.js';
import { n5Interaction } from './n5-interaction.js';
import { n6Services } from './n6-services.js';
import { n7SeriousErrors } from './n7-serious-errors.js';
import { n8BrokenLinks } from './n8-broken-links.js';
import { n9Security } from './n9-security.js';
import { n10Footer } from './n10-footer.js';
import { n11InterpretationLinks } from './n11-interpretation-links.js';
import { n18PageMetadata } from './n18-page-metadata.js';
import { n19Validity } from './n19-validity.js';
import { n19SupersededContent } from './n19-superseded.js';
import { s1NonPublic } from './s1-non-public.js';
import { n19OutdatedExpressions } from './n19-outdated-expressions.js';

export const allChecks: readonly Check[] = [
  n1Availability,
  n2HomeUpdated,
  n3ColumnsUpdated,
  n4EmptyColumns,
  n5Interaction,
  n6Services,
  n7SeriousErrors,
  n8BrokenLinks,
  n9Security,
  n10Footer,
  n11InterpretationLinks,
  n18PageMetadata,
  n19SupersededContent,
  s1NonPublic,
];

/** Run checks; a check that throws becomes a note, so one bad rule cannot lose the others' findings. */
export function runChecks(input: CheckInput, checks: readonly Check[] = allChecks): { findings: Finding[]; notes: Note[] } {
  const findings: Finding[] = [];
  const notes: Note[] = [];
  for (const check of checks) {
    try {
      findings.push(...check.run(input));
    } catch (err) {
      notes.push({
        code: `check-error-${check.id}`,
        message: `检查项 ${check.id}（${check.title}）运行出错：${(err as Error)?.message ?? err}`,
      });
    }
  }
  return { findings, notes };
}

export {
  n1Availability,
  n2HomeUpdated,
  n3ColumnsUpdated,
  n4EmptyColumns,
  n5Interaction,
  n6Services,
  n7SeriousErrors,
  n8BrokenLinks,
  n9Security,
  n10Footer,
  n11InterpretationLinks,
  n18PageMetadata,
  n19SupersededContent,
  n19Validity,
  n19OutdatedExpressions,
  s1NonPublic,
};
