import type { Context } from '../db/prisma.js';
import type { Member } from '../access/roles.js';
import type { ExtraTask } from './task.js';

export type { ExtraTask } from './task.js';
export { chinaDue } from './task.js';

/** A capability's 待办 source: its tasks for one user (`context` is sudo: the source filters by the actor). */
export type TaskSource = (context: Context, actor: Member, now: Date) => Promise<ExtraTask[]>;
