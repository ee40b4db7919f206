import type { KeystoneContext } from '@keystone-6/core/types';
import { pageCacheFor } from '../site/cache.js';
import { publicDocument, publicInterpretation } from '../site/data.js';

// Answers per file name, kept while the page cache's generation holds: whatever publishes, withdraws or
// changes media invalidates that cache, so images on cached pages cost no query each time.
const answers = new WeakMap<object, { generation: number; byName: Map<string, boolean> }>();
const maxRemembered = 10_000;

/**
 * Whether a stored file is shown by something public: an attachment of a public document, or an
 * image, video, poster or caption file of a published interpretation (S1: nothing else is served to
 * the public, however its name became known).
 */
export async function isPublicMedia(context: KeystoneContext, filename: string): Promise<boolean> {
  const { generation } = pageCacheFor(context);
  let remembered = answers.get(context.prisma);
  if (!remembered || remembered.generation !== generation) answers.set(context.prisma, (remembered = { generation, byName: new Map() }));
  const known = remembered.byName.get(filename);
  if (known !== undefined) return known;
  const count = await context.sudo().prisma.media.count({
    where: {
      file_filename: filename,
      OR: [
        { from_Document_attachments: { some: publicDocument } },
        { from_Document_inlineMedia: { some: publicDocument } },
        { from_Interpretation_images: { some: publicInterpretation } },
        { from_Interpretation_video: { some: publicInterpretation } },
        { from_Interpretation_videoPoster: { some: publicInterpretation } },
        { from_Interpretation_videoCaptions: { some: publicInterpretation } },
      ],
    },
  });
  // Only an answer read without an invalidation in between is kept.
  if (pageCacheFor(context).generation === generation && remembered.byName.size < maxRemembered) remembered.byName.set(filename, count > 0);
  return count > 0;
}
