import { hasRole, type SessionData } from '../access/roles.js';

/*
 * Who sees and handles requests for disclosure (N13, N15): the applicant's identity and contact
 * details are personal data, never public. The office (局办公室, which runs 依申请公开) and the admin
 * handle all of them; leaders read them (they approve extensions); an editor handles those assigned
 * to their own department. The public and the info-construction section see none.
 */

type Args = { session?: unknown };
const sessionOf = (args: Args) => args.session as SessionData | undefined;

export const handlesAllRequests = (session: SessionData | undefined) => hasRole(session, 'admin', 'officeReviewer');
export const approvesExtensions = (session: SessionData | undefined) => hasRole(session, 'admin', 'leader');
const departmentEditor = (session: SessionData | undefined) => hasRole(session, 'editor') && Boolean(session!.data.department);
const ownDepartment = (session: SessionData) => ({ department: { id: { equals: session.data.department!.id } } });

export const mayQueryRequests = (args: Args) => handlesAllRequests(sessionOf(args)) || approvesExtensions(sessionOf(args)) || departmentEditor(sessionOf(args));
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
  if (handlesAllRequests(session)) return true;
  return departmentEditor(session) && departmentId != null && session!.data.department!.id === departmentId;
}
