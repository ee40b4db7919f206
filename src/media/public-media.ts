import type { KeystoneContext } from '@keystone-6/core/types';
import { publicDocument, publicInterpretation } from '../site/data.js';

/**
 * Whether a stored file is shown by something public: an attachment of a public document, or an
 * image, video, poster or caption file of a published interpretation (S1: nothing else is served to
 * the public, however its name became known).
 */
export async function isPublicMedia(context: KeystoneContext, filename: string): Promise<boolean> {
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
  return count > 0;
}
