import { describe, expect, it } from '@jest/globals';
import {
  joinManifestEntries,
  manifestHash,
  serializeManifest,
  serializeManifestEntry,
  sha256Hex,
  type Manifest,
} from '../../../../src/site/static/core/manifest.js';

/*
 * The publisher joins each file's lines rather than serializing the whole manifest every round: the bytes,
 * and so the hash recorded with each publication, must be exactly serializeManifest's.
 */

const manifest: Manifest = {
  version: 1,
  files: {
    'documents/abc/index.html': {
      url: '/documents/abc',
      sha256: 'a'.repeat(64),
      size: 5120,
      type: 'text/html; charset=utf-8',
      item: 'document:abc',
      tags: ['doc:abc', 'column:c1'],
    },
    'columns/dt/index-2.html': {
      url: '/columns/dt?page=2',
      sha256: 'b'.repeat(64),
      size: 10,
      type: 'text/html; charset=utf-8',
      item: 'column:dt',
      tags: ['column:c1'],
    },
    'static/site.css': { url: '/static/site.css', sha256: 'c'.repeat(64), size: 0, type: 'text/css', item: null, tags: [] },
    '栏目/"引号"\n.txt': { url: '/x', sha256: 'd'.repeat(64), size: 1, type: 't', item: '首页', tags: ['标签"\\'] },
  },
};

function joined(m: Manifest): string {
  const files = Object.keys(m.files).sort();
  return joinManifestEntries(files.map((file) => serializeManifestEntry(file, m.files[file])));
}

describe('manifest lines', () => {
  it('joined lines are the bytes of serializeManifest, so the recorded hash is the same', () => {
    expect(joined(manifest)).toBe(serializeManifest(manifest));
    expect(sha256Hex(joined(manifest))).toBe(manifestHash(manifest));
  });

  it('an empty manifest too', () => {
    const empty: Manifest = { version: 1, files: {} };
    expect(joined(empty)).toBe(serializeManifest(empty));
  });

  it('a changed entry changes the bytes (the comparison can fail)', () => {
    const changed: Manifest = {
      version: 1,
      files: { ...manifest.files, 'static/site.css': { ...manifest.files['static/site.css'], size: 1 } },
    };
    expect(joined(changed)).not.toBe(serializeManifest(manifest));
    expect(joined(changed)).toBe(serializeManifest(changed));
  });
});
