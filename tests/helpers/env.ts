// The environment every test runs in: a fixed session secret, no scheduler, quiet logs.
process.env.SESSION_SECRET ??= 'test-secret-that-is-at-least-32-characters-long';
process.env.GONGKAI_SCHEDULER = 'off';
// No access log file unless a test asks for one.
process.env.GONGKAI_ACCESS_LOG ??= 'off';
process.env.NODE_ENV = 'test';
