import { describe, expect, test } from '@jest/globals';
import { checkContent, checkUpload, kindForFilename, largestUploadBytes, maxBytesForFilename } from '../../../src/platform/media/rules.js';
import { holdsItsMedia } from '../../../src/platform/media/usage.js';
import { updatePeriodDays } from '../../../src/platform/content/vocabulary.js';

describe('media type and size limits', () => {
  test('files are classified by extension, and script-capable SVG is refused', () => {
    expect(kindForFilename('图解.PNG')).toBe('image');
    expect(kindForFilename('解读.mp4')).toBe('video');
    expect(kindForFilename('字幕.vtt')).toBe('captions');
    expect(kindForFilename('通知.ofd')).toBe('document');
    expect(kindForFilename('logo.svg')).toBeNull();
    expect(kindForFilename('run.exe')).toBeNull();
    expect(maxBytesForFilename('run.exe')).toBe(0);
  });

  test('an upload of the wrong type or over the cap is refused with the reason', () => {
    expect(checkUpload('image', 'a.jpg', 1000)).toEqual([]);
    expect(checkUpload('image', 'a.mp4', 1000)[0]).toContain('图片只接受');
    expect(checkUpload('captions', 'a.vtt', 2 * 1024 * 1024)[0]).toContain('不能超过 1 MB');
  });
});

describe('uploads checked by their content, not their name', () => {
  const bytes = (text: string) => new Uint8Array(Buffer.from(text));
  test('a file whose bytes are what its extension says is accepted', () => {
    expect(checkContent('a.png', '流程图', { type: 'png', head: bytes('\x89PNG') })).toEqual([]);
    expect(checkContent('a.mp4', '解读视频', { type: 'mp4', head: bytes('....ftypisom') })).toEqual([]);
    expect(checkContent('a.docx', '通知', { type: 'zip', head: bytes('PK') })).toEqual([]);
    expect(checkContent('a.vtt', '字幕', { type: null, head: bytes('\ufeffWEBVTT\n\n00:00.000 --> 00:02.000\n低保标准提高了') })).toEqual(
      [],
    );
    expect(checkContent('a.csv', '数据', { type: null, head: bytes('类别,人数\n城市,1') })).toEqual([]);
  });

  test('N16: a renamed file is refused with what it really is, and a caption file must be WebVTT', () => {
    expect(checkContent('视频.mp4', '解读视频', { type: 'png', head: bytes('\x89PNG') })).toEqual([
      '文件“解读视频”（.mp4）的内容不是MP4 视频，实际内容是 PNG 格式：请上传真实的MP4 视频，不能只改文件扩展名',
    ]);
    expect(checkContent('通知.pdf', '通知', { type: null, head: bytes('MZ') })).toEqual([
      '文件“通知”（.pdf）的内容不是PDF 文件（无法识别其格式）：请上传真实的PDF 文件，不能只改文件扩展名',
    ]);
    expect(checkContent('a.txt', '说明', { type: 'exe', head: bytes('MZ') })[0]).toBe(
      '文件“说明”（.txt）不是纯文本文件，实际内容是 EXE 格式：请上传真实的 .txt 文件，不能只改文件扩展名',
    );
    expect(checkContent('字幕.vtt', '解读字幕', { type: null, head: bytes('1\n00:00:00,000 --> 00:00:02,000\n低保') })).toEqual([
      '字幕文件“解读字幕”（.vtt）不是 WebVTT 格式：文件须以“WEBVTT”开头，请用字幕软件导出 WebVTT（.vtt）字幕',
    ]);
  });
});

describe('media that may no longer change', () => {
  test('trust #6: an item holds its media once it has left its draft, whatever its list calls the later states', () => {
    expect(holdsItsMedia({ status: 'draft' })).toBe(false);
    for (const status of ['submitted', 'officeReview', 'leaderApproval', 'scheduled', 'published', 'withdrawn', 'merged', 'closed'])
      expect(holdsItsMedia({ status })).toBe(true);
    // Lists without a workflow status: frozen once published, otherwise free (deletion is refused while used anyway).
    expect(holdsItsMedia({})).toBe(false);
    expect(holdsItsMedia({ publishedAt: null })).toBe(false);
    expect(holdsItsMedia({ publishedAt: new Date(0) })).toBe(true);
  });

  test('the server accepts an uploaded file as large as the largest kind allows, and no larger', () => {
    expect(largestUploadBytes).toBe(500 * 1024 * 1024);
  });
});

describe('N3 update periods by column kind', () => {
  test('N3: news 2 weeks, notices and policies 6 months, personnel and plans 1 year', () => {
    expect(updatePeriodDays('news')).toBe(14);
    expect(updatePeriodDays('notice')).toBe(183);
    expect(updatePeriodDays('policy')).toBe(183);
    expect(updatePeriodDays('personnel')).toBe(365);
    expect(updatePeriodDays('general')).toBeNull();
  });
});
