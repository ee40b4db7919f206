import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The environment every test runs in: a fixed session secret, no scheduler, quiet logs.
process.env.SESSION_SECRET ??= 'test-secret-that-is-at-least-32-characters-long';
process.env.GONGKAI_SCHEDULER = 'off';
// No published files (PUBLISH_DIR) unless a test asks for them: the checkout's data/site stays untouched.
process.env.GONGKAI_PUBLISH ??= 'off';
// No access log file unless a test asks for one.
process.env.GONGKAI_ACCESS_LOG ??= 'off';
process.env.NODE_ENV = 'test';
// The demo writes files (the service guides' forms): a test file that does not choose a media directory
// gets a temporary one, never the checkout's data/media.
process.env.MEDIA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-test-media-'));
