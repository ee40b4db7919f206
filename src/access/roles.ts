/**
 * The roles of the bureau's web team. Every user has exactly one; what each may do is decided
 * here, in one place, and the lists only name these rules.
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

export interface SessionData {
  itemId: string;
  data: { name: string; username?: string; role: Role; isActive: boolean; department: { id: string } | null };
}

export interface AccessArgs {
  session?: SessionData | undefined;
}

export function signedIn({ session }: AccessArgs): boolean {
  return Boolean(session?.data?.isActive);
}

export function hasRole(session: SessionData | undefined, ...allowed: Role[]): boolean {
  return Boolean(session?.data?.isActive && allowed.includes(session.data.role));
}

/** The system admin manages users and departments. */
export const isAdmin = ({ session }: AccessArgs): boolean => hasRole(session, 'admin');

/** The info-construction section runs the site: columns and site settings (S8). */
export const managesSite = ({ session }: AccessArgs): boolean => hasRole(session, 'admin', 'infoSection');
