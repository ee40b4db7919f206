import { pino } from 'pino';

/** Structured JSON logs (one line per event) for the server, the scheduler and the CLI. */
export const logger = pino({
  name: 'gongkai',
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
});
