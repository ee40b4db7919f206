import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extensionOf, kindForFilename, maxBytesForFilename } from './rules.js';

export class UploadRejected extends Error {
  override name = 'UploadRejected';
}

/** Public URL prefix under which stored media are served. */
export const mediaUrlPrefix = '/media';

/** Stored names are random, so an upload can never choose a path or overwrite another file. */
export function storedName(originalFilename: string): string {
  const ext = extensionOf(originalFilename);
  if (!kindForFilename(originalFilename)) throw new UploadRejected(`不接受该文件类型：${originalFilename}`);
  return `${new Date().toISOString().slice(0, 7)}-${randomBytes(12).toString('hex')}${ext}`;
}

function limitBytes(max: number, name: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > max) done(new UploadRejected(`文件 ${name} 超过大小上限 ${Math.round(max / 1024 / 1024)} MB`));
      else done(null, chunk);
    },
  });
}

/**
 * Keystone storage strategy on a local (or shared, mounted) directory. The size cap is enforced while
 * the upload streams in; an oversized or unfinished upload leaves no file behind.
 */
export function localMediaStorage(directory: string) {
  return {
    async put(key: string, stream: Readable) {
      if (!/^[\w.-]+$/.test(key)) throw new UploadRejected(`非法文件名：${key}`);
      await fs.promises.mkdir(directory, { recursive: true });
      const target = path.join(directory, key);
      const partial = `${target}.part`;
      try {
        await pipeline(stream, limitBytes(maxBytesForFilename(key), key), fs.createWriteStream(partial));
        await fs.promises.rename(partial, target);
      } catch (error) {
        await fs.promises.rm(partial, { force: true });
        throw error;
      }
    },
    async delete(key: string) {
      if (!/^[\w.-]+$/.test(key)) return;
      await fs.promises.rm(path.join(directory, key), { force: true });
    },
    url(key: string) {
      return `${mediaUrlPrefix}/${key}`;
    },
  };
}
