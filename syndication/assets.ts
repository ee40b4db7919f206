import type { Context } from '../src/platform/db/prisma.js';
import { copyAsset } from './core/assets.js';
import type { Fetcher } from './core/fetch.js';
import type { SyndicatedItem } from './core/run.js';
import { rewriteAssetUrls } from '../src/platform/content/sanitize.js';
import { mediaStorage, mediaUrlPrefix, storedName } from '../src/platform/media/local-storage.js';
import { kindForFilename } from '../src/platform/media/rules.js';

/**
 * Copies a reprint's images and attachments into our media storage, so the public pages never hot-link
 * upstream (S9), and rewrites the body to the local copies. An image that cannot be copied fails the
 * item (it is retried next run); an attachment of a type we do not store keeps its upstream link.
 */
export function assetLocalizer(context: Context, fetcher: Fetcher) {
  // Once, not per item: each sudo() builds a whole context.
  const prisma = context.sudo().prisma;
  return async (item: SyndicatedItem): Promise<SyndicatedItem> => {
    const copies = new Map<string, string>();
    const store = async (url: string, type: 'image' | 'attachment', name: string) => {
      const asset = await copyAsset(url, { fetcher, type, name });
      const kind = kindForFilename(asset.filename);
      if (!kind || (type === 'image') !== (kind === 'image')) {
        if (type === 'image') throw new Error(`图片类型不受支持：${url}`);
        return;
      }
      const filename = storedName(asset.filename);
      // Written whole or not at all, with its checksum, like every upload (issue 14 #2).
      const stored = await mediaStorage.storeBytes(filename, asset.bytes);
      await prisma.media.create({
        data: {
          title: (name || asset.filename).slice(0, 200),
          kind,
          altText: type === 'image' ? name.slice(0, 500) : '',
          file_filename: filename,
          file_filesize: stored.size,
          sha256: stored.sha256,
        },
      });
      copies.set(url, `${mediaUrlPrefix}/${filename}`);
    };
    for (const image of item.images) await store(image.url, 'image', image.alt || item.title);
    for (const attachment of item.attachments) await store(attachment.url, 'attachment', attachment.name);
    return {
      ...item,
      bodyHtml: rewriteAssetUrls(item.bodyHtml, item.url, (url) => copies.get(url)),
      images: item.images.map((i) => ({ ...i, url: copies.get(i.url) ?? i.url })),
      attachments: item.attachments.map((a) => ({ ...a, url: copies.get(a.url) ?? a.url })),
    };
  };
}
