/**
 * The roles of the bureau's web team. Every user has exactly one; who counts as the office, a leader or
 * the site's keepers is decided here, in one place, and the lists, task lists and workflows only name
 * these predicates.
 */
export const roles = {
  admin: '系统管理员',
  infoSection: '规划财务与信息建设科',
  officeReviewer: '局办公室审核',
  leader: '分管局领导',
  editor: '科室（单位）编辑',
} as const;

export type Role = keyof typeof roles;

export const roleOptions = (Object.entries(roles) as [Role, string][]).map(([value, label]) => ({ value, label }));

/** The session of a signed-in user, as the auth's `sessionData` query reads it (src/app/keystone-config.ts). */
export interface SessionData {
  itemId: string;
  data: { name: string; username?: string; role: Role; isActive: boolean; department: { id: string } | null };
}

export interface AccessArgs {
  session?: SessionData | undefined;
}

/** The session of an access call, a hook or a context: Keystone types it `any`, our sessions are SessionData. */
export function sessionOf(holder: { session?: unknown }): SessionData | undefined {
  return holder.session as SessionData | undefined;
}

/** The session of a signed-in user whose account is active (停用 accounts count as signed out). */
export function activeSessionOf(holder: { session?: unknown }): SessionData | undefined {
  const session = sessionOf(holder);
  return session?.data?.isActive ? session : undefined;
}

/** The role of a signed-in user whose account is active; null for anyone else. */
export function roleOf(session: SessionData | undefined): Role | null {
  return session?.data?.isActive ? session.data.role : null;
}

/** Someone acting: the user, the role and, for an editor, the department (every workflow's actor). */
export interface Member {
  id: string;
  role: Role;
  departmentId: string | null;
}

/** The member a session is, when the account is active. */
export function memberOf(session: SessionData | undefined): Member | null {
  const role = roleOf(session);
  return role ? { id: session!.itemId, role, departmentId: session!.data.department?.id ?? null } : null;
}

export type RoleOrNobody = Role | null | undefined;

/** 系统管理员: manages accounts and departments. */
export const isAdmin = (role: RoleOrNobody): boolean => role === 'admin';

/** 规划财务与信息建设科 (the info-construction section) itself. */
export const isInfoSection = (role: RoleOrNobody): boolean => role === 'infoSection';

/** S8: the info-construction section runs the site (columns, settings, monitor, sources); the admin with it. */
export const runsSite = (role: RoleOrNobody): boolean => role === 'infoSection' || role === 'admin';

/**
 * 局办公室审核 itself. Only it reviews in the document workflow (S1, S4 保密审查) and keeps the 规范表述词库
 * (N7): the admin manages accounts, not what is published.
 */
export const isOfficeReviewer = (role: RoleOrNobody): boolean => role === 'officeReviewer';

/**
 * 局办公室: assigns messages and requests, edits incidents, supervises self-inspections. The system admin
 * may stand in. Leaders are not the office: they approve (S1 path: the office reviews, the leader approves).
 */
export const isOffice = (role: RoleOrNobody): boolean => role === 'officeReviewer' || role === 'admin';

/** 分管局领导: approves. */
export const isLeader = (role: RoleOrNobody): boolean => role === 'leader';

/** The office or a leader: those who approve and publish replies, consultations and their adoption reports. */
export const isOfficeOrLeader = (role: RoleOrNobody): boolean => isOffice(role) || isLeader(role);

/** The office or the info-construction section: those who keep the bureau's reports (年报, 网站年度报表, 自查). */
export const isOfficeOrSection = (role: RoleOrNobody): boolean => isOffice(role) || runsSite(role);

/** Everyone but a department's editor: sees the whole bureau's figures (visits, the monitor's reports). */
export const seesWholeBureau = (role: RoleOrNobody): boolean => isOfficeOrSection(role) || isLeader(role);

/** 科室（单位）编辑: drafts for his own department. */
export const isEditor = (role: RoleOrNobody): boolean => role === 'editor';

/** An editor of `departmentId` (谁起草谁负责: a department's items are its editors'). */
export function isEditorOf(member: Member | null | undefined, departmentId: string | null | undefined): boolean {
  return member?.role === 'editor' && member.departmentId != null && member.departmentId === departmentId;
}

/** An editor of one of `departmentIds` (an item several departments share). */
export function isEditorOfAny(member: Member | null | undefined, departmentIds: readonly string[]): boolean {
  return member?.role === 'editor' && member.departmentId != null && departmentIds.includes(member.departmentId);
}

/** Any member of staff whose account is active. */
export function signedIn(args: { session?: unknown }): boolean {
  return roleOf(sessionOf(args)) !== null;
}

/** A Keystone access rule from a role predicate: true when the signed-in, active user's role answers it. */
export const byRole =
  (allowed: (role: Role | null) => boolean) =>
  (args: { session?: unknown }): boolean =>
    allowed(roleOf(sessionOf(args)));

/** The info-construction section runs the site: columns and site settings (S8). */
export const managesSite = byRole(runsSite);
