// clock-sensitive: also runs at each fixed today (tests/run-at-fixed-days.mjs).
import { describe, expect, test } from '@jest/globals';
import { tasksFor, type TaskItem } from '../../../src/workflow/core/tasks.js';
import type { Member } from '../../../src/platform/access/roles.js';

const editor: Member = { id: 'u1', role: 'editor', departmentId: 'assist' };
const office: Member = { id: 'u2', role: 'officeReviewer', departmentId: 'office' };
const leader: Member = { id: 'u3', role: 'leader', departmentId: 'leaders' };

function item(overrides: Partial<TaskItem>): TaskItem {
  return {
    listKey: 'Document',
    id: 'd1',
    title: '文件',
    status: 'draft',
    departmentId: 'assist',
    drafterId: 'u1',
    disclosure: 'proactive',
    lastReturnReason: '',
    formationDate: null,
    publishedDay: null,
    movesWithDocument: false,
    ...overrides,
  };
}

describe('待办', () => {
  test('a drafter sees what was returned to them, with the reason', () => {
    const tasks = tasksFor(editor, [item({ id: 'r', lastReturnReason: '请补充政策依据' }), item({ id: 'plain' })], '2026-11-24');
    expect(tasks).toEqual([expect.objectContaining({ kind: 'returned', id: 'r', detail: '文件被退回：请补充政策依据' })]);
  });

  test('the office sees what waits for review, the leader what waits for approval; interpretations travelling with documents are not listed twice', () => {
    const items = [
      item({ id: 's', status: 'submitted' }),
      item({ id: 'l', status: 'leaderApproval' }),
      item({ id: 'j', listKey: 'Interpretation', status: 'submitted', movesWithDocument: true }),
    ];
    expect(tasksFor(office, items, '2026-11-24').map((t) => [t.kind, t.id])).toEqual([['review', 's']]);
    expect(tasksFor(leader, items, '2026-11-24').map((t) => [t.kind, t.id])).toEqual([['approve', 'l']]);
    expect(tasksFor(editor, items, '2026-11-24')).toEqual([]);
  });

  test('N12: proactive documents near or past their 20-working-day limit are listed for their department and the office', () => {
    // Formed 2026-10-09: twenty working days later (after the National Day holiday) is the deadline.
    const items = [
      item({ id: 'late', formationDate: '2026-09-01' }),
      item({ id: 'soon', formationDate: '2026-10-30' }),
      item({ id: 'fresh', formationDate: '2026-11-23' }),
      item({ id: 'other', formationDate: '2026-09-01', departmentId: 'elderly' }),
      item({ id: 'closed', formationDate: '2026-09-01', disclosure: 'notPublic' }),
    ];
    const mine = tasksFor(editor, items, '2026-11-24');
    expect(mine.map((t) => t.id)).toEqual(['late', 'soon']);
    expect(mine[0].detail).toContain('已超过 20 个工作日公开时限');
    expect(mine[1].detail).toMatch(/还剩 \d 个工作日须公开/);
    expect(tasksFor(office, items, '2026-11-24').map((t) => t.id)).toEqual(['late', 'other', 'soon']);
  });
});
