import { describe, expect, test } from '@jest/globals';
import type { Member } from '../../../src/platform/access/roles.js';
import { availableActions, decide, type ItemFacts } from '../../../src/workflow/core/state-machine.js';
import { statusOf } from '../../../src/platform/content/vocabulary.js';

const now = new Date('2026-11-24T10:00:00+08:00');
const editor: Member = { id: 'u-editor', role: 'editor', departmentId: 'd-assist' };
const otherEditor: Member = { id: 'u-other', role: 'editor', departmentId: 'd-elderly' };
const office: Member = { id: 'u-office', role: 'officeReviewer', departmentId: 'd-office' };
const leader: Member = { id: 'u-leader', role: 'leader', departmentId: 'd-leaders' };

function item(overrides: Partial<ItemFacts> = {}): ItemFacts {
  return {
    status: 'draft',
    drafterId: editor.id,
    departmentId: 'd-assist',
    disclosure: 'proactive',
    disclosureReason: null,
    hasRedactedBody: false,
    requiresInterpretation: false,
    interpretationStatuses: [],
    confidentialityReviewed: false,
    publishAt: null,
    ...overrides,
  };
}

describe('the document workflow', () => {
  test('S1: a draft without a disclosure attribute is returned to its drafter with the cause', () => {
    const d = decide('submit', item({ disclosure: null }), editor, {}, now);
    expect(d).toMatchObject({ ok: true, to: 'draft' });
    expect(d.ok && d.autoReturnCause).toContain('未明确公开属性');
  });

  test('S1: a non-proactive attribute without a reason is returned; with it, the draft goes to the office', () => {
    const returned = decide('submit', item({ disclosure: 'notPublic', disclosureReason: ' ' }), editor, {}, now);
    expect(returned.ok && returned.autoReturnCause).toContain('说明理由');
    expect(decide('submit', item({ disclosure: 'notPublic', disclosureReason: '《条例》第十四条' }), editor, {}, now)).toMatchObject({
      ok: true,
      to: 'submitted',
    });
  });

  test('撤回提交: the drafting department takes a submission back until the office starts its review', () => {
    expect(decide('recallSubmission', item({ status: 'submitted' }), editor, {}, now)).toMatchObject({ ok: true, to: 'draft' });
    // Its interpretations come back with it (三同步).
    expect(decide('recallSubmission', item({ status: 'submitted', requiresInterpretation: true }), editor, {}, now)).toMatchObject({
      ok: true,
      moveInterpretations: true,
    });
    expect(decide('recallSubmission', item({ status: 'officeReview' }), editor, {}, now)).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
    });
    expect(decide('recallSubmission', item({ status: 'submitted' }), otherEditor, {}, now)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decide('recallSubmission', item({ status: 'submitted' }), office, {}, now)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(availableActions({ status: 'submitted', departmentId: 'd-assist' }, editor)).toEqual(['recallSubmission']);
  });

  test('S1: office review cannot be skipped', () => {
    for (const status of ['submitted', 'officeReview'] as const) {
      expect(decide('approve', item({ status, drafterId: editor.id, confidentialityReviewed: true }), leader, {}, now)).toMatchObject({
        ok: false,
        code: 'OFFICE_REVIEW_REQUIRED',
      });
    }
  });

  test('S4: the office records a confidentiality conclusion, and nothing is published without one', () => {
    expect(decide('officeApprove', item({ status: 'officeReview' }), office, {}, now)).toMatchObject({
      ok: false,
      code: 'CONFIDENTIALITY_REVIEW_REQUIRED',
    });
    expect(
      decide('officeApprove', item({ status: 'officeReview' }), office, { confidentialityConclusion: '不涉密，同意公开' }, now),
    ).toMatchObject({
      ok: true,
      to: 'leaderApproval',
      recordConfidentiality: '不涉密，同意公开',
    });
    expect(decide('approve', item({ status: 'leaderApproval', confidentialityReviewed: false }), leader, {}, now)).toMatchObject({
      ok: false,
      code: 'CONFIDENTIALITY_REVIEW_REQUIRED',
    });
  });

  test('S5: a document that needs an interpretation is returned without one, and approved only with it in the same state', () => {
    const noJd = decide('submit', item({ requiresInterpretation: true }), editor, {}, now);
    expect(noJd.ok && noJd.autoReturnCause).toContain('三同步');
    expect(decide('submit', item({ requiresInterpretation: true, interpretationStatuses: ['draft'] }), editor, {}, now)).toMatchObject({
      ok: true,
      to: 'submitted',
      moveInterpretations: true,
    });
    const waiting = item({
      status: 'leaderApproval',
      requiresInterpretation: true,
      confidentialityReviewed: true,
      interpretationStatuses: ['officeReview'],
    });
    expect(decide('approve', waiting, leader, {}, now)).toMatchObject({ ok: false, code: 'INTERPRETATION_NOT_READY' });
    expect(decide('approve', { ...waiting, interpretationStatuses: ['leaderApproval'] }, leader, {}, now)).toMatchObject({
      ok: true,
      to: 'published',
      moveInterpretations: true,
    });
  });

  test('a return (退文) needs its reason and clears the way back to the drafter', () => {
    expect(decide('returnToDrafter', item({ status: 'officeReview' }), office, { reason: '' }, now)).toMatchObject({
      ok: false,
      code: 'REASON_REQUIRED',
    });
    expect(decide('returnToDrafter', item({ status: 'leaderApproval' }), leader, { reason: '请补充政策依据' }, now)).toMatchObject({
      ok: true,
      to: 'draft',
    });
  });

  test('nobody approves or reviews their own draft', () => {
    expect(
      decide('approve', item({ status: 'leaderApproval', drafterId: leader.id, confidentialityReviewed: true }), leader, {}, now),
    ).toMatchObject({ ok: false, code: 'OWN_DRAFT' });
    expect(
      decide('officeApprove', item({ status: 'officeReview', drafterId: office.id }), office, { confidentialityConclusion: '同意' }, now),
    ).toMatchObject({ ok: false, code: 'OWN_DRAFT' });
  });

  test('a future publish time schedules; a past or empty one publishes at once', () => {
    const ready = item({ status: 'leaderApproval', confidentialityReviewed: true });
    expect(decide('approve', { ...ready, publishAt: new Date('2026-11-25T09:00:00+08:00') }, leader, {}, now)).toMatchObject({
      ok: true,
      to: 'scheduled',
    });
    expect(decide('approve', { ...ready, publishAt: new Date('2026-11-23T09:00:00+08:00') }, leader, {}, now)).toMatchObject({
      ok: true,
      to: 'published',
    });
  });

  test('roles and departments decide who may act', () => {
    expect(decide('submit', item(), otherEditor, {}, now)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decide('submit', item(), office, {}, now)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decide('approve', item({ status: 'leaderApproval', confidentialityReviewed: true }), office, {}, now)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(decide('withdraw', item({ status: 'published' }), editor, { reason: 'x' }, now)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decide('submit', item({ status: 'published' }), editor, {}, now)).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });

  test('the actions open to each user follow the state', () => {
    expect(availableActions(item(), editor)).toEqual(['submit']);
    expect(availableActions(item(), otherEditor)).toEqual([]);
    expect(availableActions(item({ status: 'submitted' }), office)).toEqual(['startReview', 'officeApprove', 'returnToDrafter']);
    expect(availableActions(item({ status: 'leaderApproval' }), leader)).toEqual(['returnToDrafter', 'approve']);
    expect(availableActions(item({ status: 'published' }), leader)).toEqual(['withdraw']);
  });
});

describe('the status a stored value names', () => {
  test('a workflow status as stored names it; any other text names none, so no action is offered for it', () => {
    expect(statusOf('officeReview')).toBe('officeReview');
    expect(statusOf('merged')).toBe('merged');
    expect(statusOf('Published')).toBeNull();
    expect(statusOf('')).toBeNull();
  });
});
