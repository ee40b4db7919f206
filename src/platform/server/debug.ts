/**
 * GONGKAI_DEBUG=1 lets responses carry stack traces and internal messages (for a developer's machine
 * only). Read at each call, so a test can switch it.
 */
export function debugResponses(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GONGKAI_DEBUG?.trim() === '1';
}

/** Production as the API sees it at request time: the Admin UI's server sets NODE_ENV after start-up. */
export function inProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'production';
}
