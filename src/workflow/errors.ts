import { GraphQLError } from 'graphql';
import type { ErrorCode } from './core/state-machine.js';

/** A refusal of the workflow, as the Admin UI shows it: a Chinese message and a code it can act on. */
export function workflowError(
  code: ErrorCode | 'RETURNED' | 'CHECKS_FAILED' | 'UNAUTHENTICATED' | 'NOT_FOUND' | 'MOVES_WITH_DOCUMENT',
  message: string,
): GraphQLError {
  return new GraphQLError(message, { extensions: { code: `WORKFLOW_${code}` } });
}
