import { randomBytes } from 'node:crypto';

/*
 * Files whose bytes are what their names say, as uploads are checked by their content (file-type): a PNG
 * made of its signature, an IHDR chunk, one IDAT chunk of random bytes and IEND, at any size; an MP4 (an ISO
 * base media file with the isom brand); WebVTT captions.
 */

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}

const signature = Buffer.from('89504e470d0a1a0a', 'hex');
const header = chunk('IHDR', Buffer.from('00000001000000010806000000', 'hex'));

/** A PNG of exactly `size` bytes (at least 57), different every call. */
export function pngBytes(size: number): Buffer {
  return Buffer.concat([
    signature,
    header,
    chunk('IDAT', randomBytes(size - signature.length - header.length - 24)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An MP4 of `size` bytes. */
export function mp4Bytes(size: number): Buffer {
  const ftyp = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');
  return Buffer.concat([ftyp, randomBytes(size - ftyp.length)]);
}

export function webvttBytes(text: string): Buffer {
  return Buffer.from(`WEBVTT\n\n00:00.000 --> 00:03.000\n${text}\n`);
}
