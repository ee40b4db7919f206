import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A fresh media directory for one test file, set as MEDIA_DIR before anything of ours is loaded: import
 * this module first (imports run in order), so that no module can have read the default directory.
 */
export const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-media-test-'));
process.env.MEDIA_DIR = mediaDir;
