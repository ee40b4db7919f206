import { describe, expect, test } from '@jest/globals';
import {
  byRole,
  isAdmin,
  isEditor,
  isEditorOf,
  isEditorOfAny,
  isInfoSection,
  isLeader,
  isOffice,
  isOfficeOrLeader,
  isOfficeOrSection,
  isOfficeReviewer,
  memberOf,
  roleOf,
  roles,
  runsSite,
  seesWholeBureau,
  signedIn,
  type Role,
  type SessionData,
} from '../../../src/platform/access/roles.js';

const allRoles = Object.keys(roles) as Role[];
/** The roles for which `predicate` answers true. */
const holders = (predicate: (role: Role | null) => boolean) => allRoles.filter((role) => predicate(role));

const session = (role: Role, isActive = true, department: string | null = 'elderly'): SessionData => ({
  itemId: 'u1',
  data: { name: '张三', role, isActive, department: department ? { id: department } : null },
});

describe('who is who: the role predicates, defined once', () => {
  test('S1: the office (局办公室审核) reviews in the document workflow; only its own role does, not the admin', () => {
    expect(holders(isOfficeReviewer)).toEqual(['officeReviewer']);
  });

  test('S4, S7, S11: the office assigns, supervises and edits; the admin stands in; a leader is not the office', () => {
    expect(holders(isOffice)).toEqual(['admin', 'officeReviewer']);
    expect(isOffice('leader')).toBe(false);
  });

  test('S1: the leader (分管局领导) approves', () => {
    expect(holders(isLeader)).toEqual(['leader']);
  });

  test('S2, S11: replies, consultations and adoption reports are approved by the office or a leader', () => {
    expect(holders(isOfficeOrLeader)).toEqual(['admin', 'officeReviewer', 'leader']);
  });

  test('S8: the info-construction section runs the site, with the admin', () => {
    expect(holders(isInfoSection)).toEqual(['infoSection']);
    expect(holders(runsSite)).toEqual(['admin', 'infoSection']);
  });

  test('N14, N17, S4: the reports are kept by the office and the section', () => {
    expect(holders(isOfficeOrSection)).toEqual(['admin', 'infoSection', 'officeReviewer']);
  });

  test('N17, S8: everyone but a department editor sees the whole bureau (visits, monitor reports)', () => {
    expect(holders(seesWholeBureau)).toEqual(['admin', 'infoSection', 'officeReviewer', 'leader']);
  });

  test('the admin manages accounts; editors draft', () => {
    expect(holders(isAdmin)).toEqual(['admin']);
    expect(holders(isEditor)).toEqual(['editor']);
  });

  test('nobody signed in holds no role', () => {
    for (const predicate of [
      isAdmin,
      isInfoSection,
      runsSite,
      isOfficeReviewer,
      isOffice,
      isLeader,
      isOfficeOrLeader,
      isOfficeOrSection,
      seesWholeBureau,
      isEditor,
    ]) {
      expect(predicate(null)).toBe(false);
      expect(predicate(undefined)).toBe(false);
    }
  });

  test('S5 (谁起草谁解读): an editor is of his own department only; other roles are of none', () => {
    const editor = { id: 'u1', role: 'editor' as const, departmentId: 'elderly' };
    expect(isEditorOf(editor, 'elderly')).toBe(true);
    expect(isEditorOf(editor, 'assistance')).toBe(false);
    expect(isEditorOf(editor, null)).toBe(false);
    expect(isEditorOf({ id: 'u2', role: 'editor', departmentId: null }, null)).toBe(false);
    expect(isEditorOf({ id: 'u3', role: 'officeReviewer', departmentId: 'office' }, 'office')).toBe(false);
    expect(isEditorOfAny(editor, ['assistance', 'elderly'])).toBe(true);
    expect(isEditorOfAny(editor, ['assistance'])).toBe(false);
  });
});

describe('the session, read once', () => {
  test('a disabled account has no role and is not signed in', () => {
    expect(roleOf(session('officeReviewer'))).toBe('officeReviewer');
    expect(roleOf(session('officeReviewer', false))).toBeNull();
    expect(roleOf(undefined)).toBeNull();
    expect(signedIn({ session: session('editor', false) })).toBe(false);
    expect(signedIn({ session: session('editor') })).toBe(true);
    expect(signedIn({})).toBe(false);
  });

  test('the member of a session is its user, role and department', () => {
    expect(memberOf(session('editor'))).toEqual({ id: 'u1', role: 'editor', departmentId: 'elderly' });
    expect(memberOf(session('leader', true, null))).toEqual({ id: 'u1', role: 'leader', departmentId: null });
    expect(memberOf(session('editor', false))).toBeNull();
  });

  test('a Keystone access rule from a predicate', () => {
    const officeOnly = byRole(isOffice);
    expect(officeOnly({ session: session('officeReviewer') })).toBe(true);
    expect(officeOnly({ session: session('admin') })).toBe(true);
    expect(officeOnly({ session: session('leader') })).toBe(false);
    expect(officeOnly({ session: session('officeReviewer', false) })).toBe(false);
    expect(officeOnly({})).toBe(false);
  });
});
