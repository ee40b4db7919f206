import { describe, expect, test } from '@jest/globals';
import { copyAsset, filenameFromDisposition, safeName, sniffFamily } from '../../../syndication/core/assets.js';
import type { FetchBytesResult, Fetcher } from '../../../syndication/core/fetch.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj', 'latin1');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const HTML = Buffer.from('<!DOCTYPE html><html><body>文件不存在</body></html>', 'utf8');

/** A fetcher answering every URL with fixed bytes and headers. */
function fakeFetcher(
  bytes: Buffer,
  headers: Record<string, string> = {},
  finalUrl?: string,
): Fetcher & { calls: { url: string; maxBytes?: number }[] } {
  const calls: { url: string; maxBytes?: number }[] = [];
  return {
    calls,
    async fetchText() {
      throw new Error('not used');
    },
    async fetchBytes(url, request): Promise<FetchBytesResult> {
      calls.push({ url, maxBytes: request?.maxBytes });
      return { status: 200, url: finalUrl ?? url, contentType: headers['content-type'], notModified: false, headers, bytes };
    },
  };
}

describe('S9 copying images and attachments', () => {
  test('S9: an image is typed by its bytes, named safely, hashed', async () => {
    const fetcher = fakeFetcher(PNG, { 'content-type': 'application/octet-stream' });
    const asset = await copyAsset('https://www.gov.cn/zhengce/content/202611/W020261120512345678901.png', { fetcher, type: 'image' });
    expect(asset).toMatchObject({
      filename: 'W020261120512345678901.png',
      mime: 'image/png',
      size: PNG.length,
      sourceUrl: 'https://www.gov.cn/zhengce/content/202611/W020261120512345678901.png',
    });
    expect(asset.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fetcher.calls[0].maxBytes).toBe(10 * 1024 * 1024);
  });

  test('S9: SVG, HTML and unknown bytes are not images', async () => {
    const svg = fakeFetcher(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), {
      'content-type': 'image/svg+xml',
    });
    await expect(copyAsset('https://x.gov.cn/a.svg', { fetcher: svg, type: 'image' })).rejects.toThrow(
      '不是受支持的图片格式（只接受 PNG、JPEG、GIF、WebP）：https://x.gov.cn/a.svg',
    );
    await expect(
      copyAsset('https://x.gov.cn/a.png', { fetcher: fakeFetcher(HTML, { 'content-type': 'image/png' }), type: 'image' }),
    ).rejects.toThrow('不是受支持的图片格式');
  });

  test('S9: attachments: the link text names the file, the bytes must match the extension', async () => {
    const pdf = await copyAsset('https://www.gov.cn/P020261120512345678902.pdf', {
      fetcher: fakeFetcher(PDF),
      type: 'attachment',
      name: '附件1：困难群众基本生活保障工作任务分工.pdf',
    });
    expect(pdf).toMatchObject({ filename: '附件1：困难群众基本生活保障工作任务分工.pdf', mime: 'application/pdf' });
    // A .doc that is really a .docx (zip) is common and accepted; an OLE .doc too.
    expect((await copyAsset('https://x.gov.cn/a.doc', { fetcher: fakeFetcher(ZIP), type: 'attachment', name: '申请表' })).filename).toBe(
      '申请表.doc',
    );
    expect((await copyAsset('https://x.gov.cn/b.wps', { fetcher: fakeFetcher(OLE), type: 'attachment' })).filename).toBe('b.wps');
    expect((await copyAsset('https://x.gov.cn/c.ofd', { fetcher: fakeFetcher(ZIP), type: 'attachment' })).mime).toBe('application/ofd');
  });

  test('S9: an HTML error page served as a .pdf, an executable, or nothing at all is rejected', async () => {
    await expect(copyAsset('https://x.gov.cn/P1.pdf', { fetcher: fakeFetcher(HTML), type: 'attachment' })).rejects.toThrow(
      '附件内容与文件类型（.pdf）不符，可能是错误页面：https://x.gov.cn/P1.pdf',
    );
    await expect(
      copyAsset('https://x.gov.cn/setup.exe', { fetcher: fakeFetcher(Buffer.from('MZ\x90\x00')), type: 'attachment' }),
    ).rejects.toThrow('不是受支持的附件类型');
    await expect(copyAsset('https://x.gov.cn/a.pdf', { fetcher: fakeFetcher(Buffer.alloc(0)), type: 'attachment' })).rejects.toThrow(
      '文件为空：https://x.gov.cn/a.pdf',
    );
  });

  test('S9: a download URL without extension is named by Content-Disposition (RFC 5987 or raw UTF-8)', async () => {
    const rfc5987 = fakeFetcher(PDF, { 'content-disposition': "attachment; filename*=UTF-8''%E9%99%84%E4%BB%B6.pdf" });
    expect((await copyAsset('https://x.gov.cn/dl?id=9', { fetcher: rfc5987, type: 'attachment' })).filename).toBe('附件.pdf');
    const raw = fakeFetcher(ZIP, {
      'content-disposition': `attachment; filename="${Buffer.from('汇总表.xlsx', 'utf8').toString('latin1')}"`,
    });
    expect((await copyAsset('https://x.gov.cn/dl?id=10', { fetcher: raw, type: 'attachment' })).filename).toBe('汇总表.xlsx');
    // Nothing names it, the bytes say PDF: that is unambiguous.
    expect((await copyAsset('https://x.gov.cn/dl?id=11', { fetcher: fakeFetcher(PDF), type: 'attachment' })).filename).toBe('dl.pdf');
  });

  test('file names cannot escape a directory or carry control characters', () => {
    expect(safeName('../../etc/passwd')).toBe('etc_passwd');
    expect(safeName('..\\..\\a.pdf')).toBe('a.pdf');
    expect(safeName('附件\u0000\n1:<申请>.pdf')).toBe('附件_1_申请_.pdf');
    expect(safeName('.hidden')).toBe('hidden');
    expect([...safeName('长'.repeat(300))]).toHaveLength(100);
    expect(filenameFromDisposition('attachment; filename=plain.pdf')).toBe('plain.pdf');
    expect(filenameFromDisposition('inline')).toBeUndefined();
  });

  test('magic bytes', () => {
    expect(sniffFamily(PNG)).toBe('png');
    expect(sniffFamily(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffFamily(Buffer.from('GIF89a'))).toBe('gif');
    expect(sniffFamily(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffFamily(PDF)).toBe('pdf');
    expect(sniffFamily(ZIP)).toBe('zip');
    expect(sniffFamily(OLE)).toBe('ole');
    expect(sniffFamily(HTML)).toBeUndefined();
  });
});
