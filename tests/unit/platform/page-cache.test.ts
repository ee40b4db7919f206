import { describe, expect, test } from '@jest/globals';
import { PageCache, etagOf, type CachedPage } from '../../../src/platform/page-cache/cache.js';

const page = (text: string, tags: string[]): CachedPage => {
  const body = Buffer.from(text);
  return { status: 200, type: 'text/html', body, etag: etagOf(body), tags };
};

describe('the page cache', () => {
  test('invalidating a tag drops exactly the pages carrying it', () => {
    const cache = new PageCache();
    cache.set('/documents/a', page('a', ['doc:a']), cache.generation);
    cache.set('/columns/x', page('x', ['column:x']), cache.generation);
    cache.set('/', page('home', ['column:x', 'interpretations']), cache.generation);
    cache.invalidate(['column:x']);
    expect(cache.get('/columns/x')).toBeUndefined();
    expect(cache.get('/')).toBeUndefined();
    expect(cache.get('/documents/a')?.body.toString()).toBe('a');
  });

  test('a change to what every page shows clears everything', () => {
    const cache = new PageCache();
    cache.set('/documents/a', page('a', ['doc:a']), cache.generation);
    cache.invalidate(['frame']);
    expect(cache.size).toBe(0);
  });

  test('a page rendered across an invalidation is not stored, since its data may be stale', () => {
    const cache = new PageCache();
    const since = cache.generation;
    cache.invalidate(['doc:b']);
    expect(cache.set('/documents/a', page('a', ['doc:a']), since)).toBe(false);
    expect(cache.get('/documents/a')).toBeUndefined();
  });

  test('beyond its byte budget the least recently used page goes first', () => {
    const cache = new PageCache(80);
    cache.set('/1', page('x'.repeat(10), []), cache.generation);
    cache.set('/2', page('y'.repeat(10), []), cache.generation);
    cache.get('/1');
    for (let i = 3; i < 10; i++) cache.set(`/${i}`, page('z'.repeat(10), []), cache.generation);
    expect(cache.get('/1')).toBeDefined();
    expect(cache.get('/2')).toBeUndefined();
    expect(cache.set('/big', page('w'.repeat(11), []), cache.generation)).toBe(false);
  });

  test('the ETag is strong and changes with the bytes', () => {
    expect(etagOf(Buffer.from('a'))).toMatch(/^"[\w-]+"$/);
    expect(etagOf(Buffer.from('a'))).not.toBe(etagOf(Buffer.from('b')));
  });

  test('followers (the publisher of the files) hear every invalidation, another instance’s too, and settled() waits for them', async () => {
    const cache = new PageCache();
    const heard: (string[] | null)[] = [];
    let release = () => {};
    cache.follow(async (tags) => {
      heard.push(tags);
      await new Promise<void>((resolve) => (release = resolve));
    });
    cache.invalidate(['doc:a', 'column:x']);
    let settled = false;
    const done = cache.settled().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    release();
    await done;
    cache.invalidate(['doc:b'], { remote: true });
    release();
    cache.clear({ remote: true });
    release();
    cache.invalidate(['frame']);
    release();
    await cache.settled();
    expect(heard).toEqual([['doc:a', 'column:x'], ['doc:b'], null, null]);
  });
});
