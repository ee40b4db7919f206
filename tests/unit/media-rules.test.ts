import { describe, expect, test } from '@jest/globals';
import { checkUpload, kindForFilename, maxBytesForFilename } from '../../src/media/rules.js';
import { updatePeriodDays } from '../../src/content/vocabulary.js';

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

describe('N3 update periods by column kind', () => {
  test('N3: news 2 weeks, notices and policies 6 months, personnel and plans 1 year', () => {
    expect(updatePeriodDays('news')).toBe(14);
    expect(updatePeriodDays('notice')).toBe(183);
    expect(updatePeriodDays('policy')).toBe(183);
    expect(updatePeriodDays('personnel')).toBe(365);
    expect(updatePeriodDays('general')).toBeNull();
  });
});
