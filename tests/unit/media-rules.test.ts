import { describe, expect, test } from '@jest/globals';
import { checkUpload, kindForFilename, largestUploadBytes, maxBytesForFilename } from '../../src/media/rules.js';
import { holdsItsMedia } from '../../src/media/usage.js';
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

describe('media that may no longer change', () => {
  test('trust #6: an item holds its media once it has left its draft, whatever its list calls the later states', () => {
    expect(holdsItsMedia({ status: 'draft' })).toBe(false);
    for (const status of ['submitted', 'officeReview', 'leaderApproval', 'scheduled', 'published', 'withdrawn', 'merged', 'closed']) expect(holdsItsMedia({ status })).toBe(true);
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
