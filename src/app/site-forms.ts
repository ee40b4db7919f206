import type { SiteFeatureForms } from '../site/kit.js';
import { mailboxForms } from '../mailbox/forms.js';
import { requestRoutes } from '../requests/routes.js';

/**
 * The public forms whose posts are stored through Keystone's lists: the 领导信箱's letter and look-up, and
 * 依申请公开's request and look-up. The server mounts them ahead of the pages (site-features.ts); the publisher,
 * which renders pages without Keystone, does not load them.
 */
export const siteForms: readonly SiteFeatureForms[] = [mailboxForms, requestRoutes];
