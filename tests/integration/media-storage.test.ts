import { afterAll, describe, expect, test } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { localMediaStorage, storedName, UploadRejected } from '../../src/media/local-storage.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-media-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const storage = localMediaStorage(dir);

describe('local media storage', () => {
  test('stores an accepted file under a random name and serves it under /media', async () => {
    const key = storedName('低保图解.png');
    expect(key).toMatch(/^\d{4}-\d{2}-[0-9a-f]{24}\.png$/);
    await storage.put(key, Readable.from([Buffer.from('png-bytes')]));
    expect(fs.readFileSync(path.join(dir, key), 'utf8')).toBe('png-bytes');
    expect(storage.url(key)).toBe(`/media/${key}`);
    await storage.delete(key);
    expect(fs.existsSync(path.join(dir, key))).toBe(false);
  });

  test('refuses types it does not accept before anything is written', () => {
    expect(() => storedName('payload.svg')).toThrow(UploadRejected);
    expect(() => storedName('setup.exe')).toThrow(/不接受该文件类型/);
  });

  test('an upload over its size cap is cut off while streaming and leaves no file behind', async () => {
    const key = storedName('字幕.vtt');
    const chunk = Buffer.alloc(256 * 1024, 65);
    const tooBig = Readable.from((function* () {
      for (let i = 0; i < 8; i++) yield chunk; // 2 MB against a 1 MB cap
    })());
    await expect(storage.put(key, tooBig)).rejects.toThrow(/超过大小上限 1 MB/);
    expect(fs.readdirSync(dir).filter((f) => f.includes(key.slice(0, 10)))).toEqual([]);
  });

  test('a key that tries to leave the folder is refused', async () => {
    await expect(storage.put('../escape.png', Readable.from([Buffer.from('x')]))).rejects.toThrow(/非法文件名/);
  });
});
