import type { Context } from '../platform/db/prisma.js';
import type { ExpectedBytes } from '../monitor/tamper-check.js';
import { siteRenderer } from './publishing.js';

/**
 * N9: what a published URL should hold, rendered again in-process from the database, for the tamper check's
 * text difference when PUBLISH_DIR's own file was changed (nginx serving the directory itself). The check keeps
 * the bytes only when their SHA-256 is the manifest's, so a page the data has moved on from shows hashes only.
 * The renderer is made on first use: most checks find nothing and never need it.
 */
export function renderedExpectedBytes(context: Context): ExpectedBytes {
  let render: ReturnType<typeof siteRenderer> | undefined;
  return async (url) => {
    render ??= siteRenderer(context);
    const page = await render(url);
    return page.status === 200 ? page.body : null;
  };
}
