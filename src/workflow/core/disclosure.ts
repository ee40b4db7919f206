import type { Disclosure } from '../../platform/content/vocabulary.js';
import { plainText } from '../../platform/content/plain-text.js';

export interface DisclosureFacts {
  disclosure: Disclosure | null | undefined;
  disclosureReason: string | null | undefined;
  /** Whether the redacted body (删减后公开) has any content. */
  hasRedactedBody: boolean;
}

/**
 * S1: every attribute but 主动公开 needs a legal reason, and 删减后公开 needs its redacted body.
 * Returns the causes, in Chinese, of what is missing (empty when the facts are complete).
 * Whether an attribute is required at all depends on the workflow step; see `disclosureMissing`.
 */
export function disclosureProblems(facts: DisclosureFacts): string[] {
  const problems: string[] = [];
  if (!facts.disclosure) return problems;
  if (facts.disclosure !== 'proactive' && !facts.disclosureReason?.trim()) {
    problems.push('公开属性为“删减后公开”“依申请公开”或“不公开”的，必须依法依规说明理由');
  }
  if (facts.disclosure === 'redacted' && !facts.hasRedactedBody) {
    problems.push('“删减后公开”的文件必须提供删减后的公开文本');
  }
  return problems;
}

/** S1: the cause to give when a document leaves draft without an attribute. */
export function disclosureMissing(disclosure: Disclosure | null | undefined): string | null {
  return disclosure ? null : '未明确公开属性（主动公开、删减后公开、依申请公开、不公开）';
}

/** Whether a rich-text body (HTML) has any text in it: empty paragraphs and bare markup are no content. */
export function richTextHasContent(value: unknown): boolean {
  return plainText(value).length > 0;
}
