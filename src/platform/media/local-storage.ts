import type { Context } from '../db/prisma.js';
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import { mediaDirectory } from '../config/env.js';
import { extensionOf, kindForFilename, maxBytesForFilename, type ContentFacts } from './rules.js';
import { noteStoredUpload } from './upload-scope.js';
import { storedFileInUse } from './usage.js';

export class UploadRejected extends Error {
  override name = 'UploadRejected';
}

/** Public URL prefix under which stored media are served. */
export const mediaUrlPrefix = '/media';

/** What was stored: the bytes received, counted and hashed as they streamed in. */
export interface StoredFile {
  size: number;
  sha256: string;
}

/** What was stored, with what its bytes are (checked against its name by the Media list, rules.ts). */
export interface Receipt extends StoredFile {
  content: ContentFacts;
}

const headBytes = 4096;

/** The type of a file by its content (its magic number, read by file-type) and its first bytes. */
async function contentOf(file: string): Promise<ContentFacts> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(headBytes);
    const { bytesRead } = await handle.read(head, 0, headBytes, 0);
    return { type: (await fileTypeFromFile(file))?.ext ?? null, head: head.subarray(0, bytesRead) };
  } finally {
    await handle.close();
  }
}

/**
 * A name this storage may have written: letters, digits, `_` and `-` in dot-separated parts, so never
 * `..`, a path separator or a hidden file (half-written files are hidden, and /media never serves those).
 */
export function isStoredName(name: string): boolean {
  return /^[\w-]+(\.[\w-]+)*$/.test(name);
}

/** Stored names are random, so an upload can never choose a path or overwrite another file. */
export function storedName(originalFilename: string): string {
  const ext = extensionOf(originalFilename);
  if (!kindForFilename(originalFilename)) throw new UploadRejected(`不接受该文件类型：${originalFilename}`);
  return `${new Date().toISOString().slice(0, 7)}-${randomBytes(12).toString('hex')}${ext}`;
}

const MB = 1024 * 1024;

/** The size and SHA-256 of a file as it is on disk, after flushing it there. */
async function fileDigest(file: string): Promise<StoredFile> {
  const handle = await fs.promises.open(file, 'r');
  try {
    await handle.sync();
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of handle.createReadStream({ autoClose: false }) as AsyncIterable<Buffer>) {
      size += chunk.length;
      hash.update(chunk);
    }
    return { size, sha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}

/** Gives the finished file its name, never replacing a file already there. */
async function moveIntoPlace(partial: string, target: string): Promise<void> {
  try {
    await fs.promises.link(partial, target);
    await fs.promises.rm(partial, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UploadRejected(`文件名冲突：${path.basename(target)} 已存在，请重新上传`);
    // A shared mount without hard links: rename, after making sure nothing is there.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(code ?? '')) throw error;
    if (fs.existsSync(target)) throw new UploadRejected(`文件名冲突：${path.basename(target)} 已存在，请重新上传`);
    await fs.promises.rename(partial, target);
  }
  // Best effort: make the new name itself durable.
  await fs.promises
    .open(path.dirname(target), 'r')
    .then(async (dir) => dir.sync().finally(() => dir.close()))
    .catch(() => undefined);
}

// What put() received for each stored name, for the Media list's hooks (its SHA-256, and its size to compare
// with the size Keystone counted). Taken within the same mutation; entries left over expire.
const receipts = new Map<string, Receipt & { at: number }>();
const receiptLifetimeMs = 60 * 60 * 1000;

/** What was received and stored under this name by this process, if it was stored within the hour. */
export function receiptFor(key: string): Receipt | undefined {
  const receipt = receipts.get(key);
  return receipt && { size: receipt.size, sha256: receipt.sha256, content: receipt.content };
}

export function forgetReceipt(key: string): void {
  receipts.delete(key);
}

function remember(key: string, stored: Receipt): void {
  const now = Date.now();
  for (const [name, receipt] of receipts) if (now - receipt.at > receiptLifetimeMs) receipts.delete(name);
  receipts.set(key, { ...stored, at: now });
}

/**
 * Keystone storage strategy on a local (or shared, mounted) directory (issue 14 #2: uploads land whole
 * or not at all):
 * - the upload is consumed from the moment put() is called: Keystone has already attached its own
 *   `data` listener (to count the size), so the stream flows as soon as anything is awaited, and a writer
 *   attached after an `await` loses the bytes that passed meanwhile;
 * - the bytes are counted and hashed as they arrive, capped by the size limit of their kind, written to
 *   a hidden partial file, flushed, read back and compared by size and SHA-256, and only then given their
 *   name (never replacing a file); anything less leaves no file behind;
 * - a file stored during a GraphQL mutation that ends without a Media row naming it (the item was
 *   refused) is removed when the mutation ends (upload-scope.ts);
 * - delete() removes a file only when nothing uses it any more (usage.ts).
 */
export function localMediaStorage(directory: string | (() => string)) {
  const folder = typeof directory === 'string' ? () => directory : directory;

  /** Stores a stream under `key`; what it received, or a rejection with nothing left behind. */
  function write(key: string, stream: Readable): Promise<Receipt> {
    if (!isStoredName(key)) return Promise.reject(new UploadRejected(`非法文件名：${key}`));
    const max = maxBytesForFilename(key);
    const target = path.join(folder(), key);
    const partial = path.join(folder(), `.${key}.${randomBytes(6).toString('hex')}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const receiver = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > max) return done(new UploadRejected(`文件 ${key} 超过大小上限 ${Math.round(max / MB)} MB`));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    // Synchronously, up to the pipeline: no byte may pass before the writer is attached.
    let writing: Promise<void>;
    try {
      fs.mkdirSync(folder(), { recursive: true });
      writing = pipeline(stream, receiver, fs.createWriteStream(partial, { flags: 'wx' }));
    } catch (error) {
      stream.destroy();
      return Promise.reject(error);
    }
    return (async () => {
      try {
        await writing;
        const received = { size, sha256: hash.digest('hex') };
        const written = await fileDigest(partial);
        if (written.size !== received.size || written.sha256 !== received.sha256) {
          throw new UploadRejected(`文件 ${key} 未完整写入（收到 ${received.size} 字节，写入 ${written.size} 字节），请重新上传`);
        }
        const content = await contentOf(partial);
        await moveIntoPlace(partial, target);
        return { ...received, content };
      } catch (error) {
        await fs.promises.rm(partial, { force: true });
        if (error instanceof UploadRejected) throw error;
        // The client went away or the request was cut off: say so in Chinese, keep the cause for the log.
        throw new UploadRejected('文件上传未完成（连接中断或超过服务器的大小上限），未保存任何内容，请重新上传', { cause: error });
      }
    })();
  }

  async function remove(key: string): Promise<void> {
    if (isStoredName(key)) await fs.promises.rm(path.join(folder(), key), { force: true });
  }

  return {
    async put(key: string, stream: Readable): Promise<void> {
      const stored = await write(key, stream);
      remember(key, stored);
      noteStoredUpload(key, async (kept) => {
        forgetReceipt(key);
        if (!kept) await remove(key);
      });
    },
    /** Called by Keystone after a Media item's file was replaced or the item deleted. */
    async delete(key: string, context?: Context) {
      if (!isStoredName(key)) return;
      forgetReceipt(key);
      if (context && (await storedFileInUse(context, key, `${mediaUrlPrefix}/${key}`))) return;
      await remove(key);
    },
    url(key: string) {
      return `${mediaUrlPrefix}/${key}`;
    },
    /** Stores bytes already in memory (copies of syndicated assets), with the same guarantees. */
    storeBytes(key: string, bytes: Uint8Array): Promise<StoredFile> {
      return write(key, Readable.from([Buffer.from(bytes)]));
    },
    remove,
  };
}

/** The storage of the configured media directory (MEDIA_DIR, read at each call). */
export const mediaStorage = localMediaStorage(() => mediaDirectory());
