import { describe, expect, test } from '@jest/globals';
import { editorLists, navigationLists, tasksLabel } from '../../../src/platform/admin-ui/navigation.js';
import { lists } from '../../../src/app/lists.js';

const all = Object.keys(lists).map((key) => ({ key }));

describe('the Admin UI navigation by role', () => {
  test('a department editor sees her eight lists, in her order; nothing else (通知 is reached from 待办)', () => {
    expect(navigationLists('editor', all).map((l) => l.key)).toEqual([...editorLists]);
    expect(editorLists).toHaveLength(8);
  });
  test('every list a department editor is offered exists', () => {
    for (const key of editorLists) expect(Object.keys(lists)).toContain(key);
  });
  test('the office, leaders, the information section and the admin see every list, as given', () => {
    for (const role of ['officeReviewer', 'leader', 'infoSection', 'admin'] as const) expect(navigationLists(role, all)).toEqual(all);
  });
  test('待办 shows how many wait', () => {
    expect(tasksLabel(3)).toBe('待办（3）');
    expect(tasksLabel(0)).toBe('待办');
    expect(tasksLabel(undefined)).toBe('待办');
  });
});
