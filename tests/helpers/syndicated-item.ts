import type { SyndicatedItem } from '../../syndication/core/run.js';

/** An item as a syndication run hands it to the store, from a source `sourceKey` of the State Council's level. */
export function syndicatedItem(sourceKey: string, id: string, title: string, policy: SyndicatedItem['policy']): SyndicatedItem {
  return {
    sourceKey,
    sourceName: '测试上游',
    sourceLevel: 'state-council',
    targetColumn: 'gwy',
    images: [],
    dedupKey: `${sourceKey}:${id}`,
    upstreamId: id,
    listUrl: 'http://127.0.0.1:9/list.json',
    url: `http://127.0.0.1:9/content_${id}.htm`,
    title,
    number: '',
    issuer: '国务院',
    writtenAt: new Date('2026-11-18T00:00:00Z'),
    publishedAt: new Date('2026-11-20T02:00:00Z'),
    bodyHtml: `<p>${title}的正文。</p>`,
    summary: '',
    attachments: [],
    contentHash: `hash-${title}`,
    fetchedAt: new Date('2026-11-21T00:00:00Z'),
    policy,
  };
}
