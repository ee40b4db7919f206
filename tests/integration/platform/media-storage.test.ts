import { afterAll, describe, expect, test } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { isStoredName, localMediaStorage, receiptFor, storedName, UploadRejected } from '../../../src/platform/media/local-storage.js';

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
    const tooBig = Readable.from(
      (function* () {
        for (let i = 0; i < 8; i++) yield chunk; // 2 MB against a 1 MB cap
      })(),
    );
    await expect(storage.put(key, tooBig)).rejects.toThrow(/超过大小上限 1 MB/);
    expect(fs.readdirSync(dir).filter((f) => f.includes(key.slice(0, 10)))).toEqual([]);
  });

  test('a key that tries to leave the folder is refused', async () => {
    await expect(storage.put('../escape.png', Readable.from([Buffer.from('x')]))).rejects.toThrow(/非法文件名/);
  });

  test('trust #2: a stream already flowing when put() is called (Keystone counts its size first) is stored whole', async () => {
    const key = storedName('附件.pdf');
    const bytes = randomBytes(512 * 1024);
    const upload = new PassThrough();
    let counted = 0;
    upload.on('data', (chunk: Buffer) => (counted += chunk.length));
    const storing = storage.put(key, upload);
    for (let offset = 0; offset < bytes.length; offset += 16 * 1024) upload.write(bytes.subarray(offset, offset + 16 * 1024));
    upload.end();
    await storing;
    const stored = fs.readFileSync(path.join(dir, key));
    expect(counted).toBe(bytes.length);
    expect(stored.length).toBe(bytes.length);
    expect(receiptFor(key)).toMatchObject({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  });

  test('trust #2: bytes already in memory are stored with their checksum; a stored name is never written twice', async () => {
    const key = storedName('图解.png');
    const bytes = randomBytes(70_000);
    expect(await storage.storeBytes(key, bytes)).toMatchObject({
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    await expect(storage.storeBytes(key, randomBytes(10))).rejects.toThrow(/文件名冲突/);
    expect(fs.readFileSync(path.join(dir, key)).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  test('stored names are plain: no parent folder, separator or hidden file', () => {
    expect(isStoredName('2026-12-0a1b.pdf')).toBe(true);
    for (const name of ['..', '.', '.hidden.part', 'a/b.pdf', 'a\\b.pdf', 'a..pdf', '']) expect(isStoredName(name)).toBe(false);
  });
});
