import { isAdmin, isEditor, isEditorOf, isLeader, isOffice, memberOf, sessionOf, type SessionData } from '../platform/access/roles.js';

/*
 * Who sees and handles requests for disclosure (N13, N15): the applicant's identity and contact
 * details are personal data, never public. The office (局办公室, which runs 依申请公开) and the admin
 * handle all of them; leaders read them (they approve extensions); an editor handles those assigned
 * to their own department. The public and the info-construction section see none.
 */

type Args = { session?: unknown };

export const handlesAllRequests = (session: SessionData | undefined) => isOffice(memberOf(session)?.role);
/** 分管局领导 approve extensions (条例 第三十三条); the admin may stand in. */
export const approvesExtensions = (session: SessionData | undefined) => {
  const role = memberOf(session)?.role;
  return isLeader(role) || isAdmin(role);
};
const departmentEditor = (session: SessionData | undefined) => {
  const member = memberOf(session);
  return isEditor(member?.role) && Boolean(member!.departmentId);
};
const ownDepartment = (session: SessionData) => ({ department: { id: { equals: session.data.department!.id } } });

export const mayQueryRequests = (args: Args) =>
  handlesAllRequests(sessionOf(args)) || approvesExtensions(sessionOf(args)) || departmentEditor(sessionOf(args));
export const mayCreateRequests = (args: Args) => handlesAllRequests(sessionOf(args)) || departmentEditor(sessionOf(args));
export const mayChangeRequests = mayCreateRequests;

export function requestReadFilter(args: Args) {
  const session = sessionOf(args);
  if (handlesAllRequests(session) || approvesExtensions(session)) return true;
  return departmentEditor(session) ? ownDepartment(session!) : false;
}

export function requestUpdateFilter(args: Args) {
  const session = sessionOf(args);
  if (handlesAllRequests(session)) return true;
  return departmentEditor(session) ? ownDepartment(session!) : false;
}

/** Whether `session` handles this request (answer, notice, correction): the office, or its department. */
export function handlesRequest(session: SessionData | undefined, departmentId: string | null | undefined): boolean {
  return handlesAllRequests(session) || isEditorOf(memberOf(session), departmentId);
}
