import { pino } from 'pino';

/**
 * Structured JSON logs (one line per event) for the server, the scheduler and the CLI, on stderr: stdout is a
 * command's own output (`--json` must parse), and a service manager keeps both streams. Written synchronously, so
 * a CLI command that exits at once loses no line.
 */
export const logger = pino(
  {
    name: 'gongkai',
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  },
  pino.destination({ dest: 2, sync: true }),
);
