// The environment every test runs in: a fixed session secret, no scheduler, quiet logs.
process.env.SESSION_SECRET ??= 'test-secret-that-is-at-least-32-characters-long';
process.env.GONGKAI_SCHEDULER = 'off';
process.env.NODE_ENV = 'test';
