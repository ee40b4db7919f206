import { config } from '@keystone-6/core';
import { createAuth } from '@keystone-6/auth';
import type { DatabaseSettings } from '../platform/config/env.js';
import { sessionSecret } from '../platform/config/env.js';
import { createAdapterFactory } from '../platform/db/adapter.js';
import type { KeystoneTypes } from '../platform/db/prisma.js';
import type { SessionStrategy } from '@keystone-6/core/types';
import { lists } from './lists.js';
import { withOwnershipRules } from '../workflow/lists/ownership.js';
import { adminBasePath, serverRoutes } from './routes.js';
import { startScheduler } from './scheduler.js';
import { pageCacheFor, servePageCacheFirst } from '../platform/page-cache/cache.js';
import { shareInvalidations } from '../platform/page-cache/cache-bus.js';
import { serverBackgroundConcurrency, startPublishing } from './publishing.js';
import { logger } from '../platform/logging/logger.js';
import { servePublishedFiles } from '../site/static/serve.js';
import { hasUsers } from '../platform/accounts/first-admin.js';
import { extendWorkflowSchema } from '../workflow/graphql.js';
import { extraTasks } from './tasks.js';
import { extendSyndicationSchema } from '../../syndication/graphql.js';
import { extendVisitSchema } from '../site/visits/graphql.js';
import { removeRefusedUploads } from '../platform/media/upload-scope.js';
import { largestUploadBytes } from '../platform/media/rules.js';
import { signedIn, type SessionData } from '../platform/access/roles.js';
import { serverSessions, type ServerSession } from '../platform/accounts/sessions.js';
import { guardSignIns } from '../platform/accounts/sign-in.js';
import { recordMutations } from '../platform/oplog/record.js';
import { adminAccessGuard } from '../platform/oplog/admin-guard.js';
import { accessLogFile, writeAccessLog } from '../platform/oplog/access-log.js';
import { apolloLimits } from '../platform/server/graphql-limits.js';
import { answerErrorsInChinese } from '../platform/server/error-responses.js';
import { debugResponses } from '../platform/server/debug.js';
import { startUp } from './start-up.js';

const { withAuth } = createAuth({
  listKey: 'User',
  identityField: 'username',
  secretField: 'password',
  sessionData: 'name username role isActive department { id }',
});

/**
 * The strategy as the configuration takes it. withAuth wraps the strategy and adds the user's `data` to the
 * session it gives ({ itemId, sessionHash }), so the context's session is SessionData; Keystone's types have
 * the configuration's strategy give the final session already, which is why the types are converted here.
 */
function authSessions(strategy: SessionStrategy<ServerSession, KeystoneTypes>): SessionStrategy<SessionData, KeystoneTypes> {
  return strategy as unknown as SessionStrategy<SessionData, KeystoneTypes>;
}

/** The Keystone configuration for a database; keystone.ts uses the configured one. */
export function createConfig(db: DatabaseSettings) {
  return withAuth(
    config<KeystoneTypes>({
      db: {
        provider: db.provider,
        prismaClientOptions: () => ({ adapter: createAdapterFactory(db) }),
        // One generated client per engine, so SQLite and PostgreSQL builds can live side by side.
        prismaClientPath: `generated/prisma-${db.provider}`,
        prismaSchemaPath: `generated/schema-${db.provider}.prisma`,
        // Only `keystone start` (run by `gongkai start`) connects this way; contexts of the CLI and tests do not.
        onConnect: startUp,
      },
      // Ownership from the session, system-kept fields and the rule of links, for every list.
      lists: withOwnershipRules(lists),
      // Server-side sessions: signing out ends them (issue 14 #13).
      session: authSessions(serverSessions({ secret: () => sessionSecret(), cookieName: 'gongkai-session', maxAge: 60 * 60 * 10 })),
      // No request may leave the intranet.
      telemetry: false,
      // No GraphQL explorer page: Apollo's loads its code and fonts from Apollo's CDN and Google (issue 9).
      // Depth, alias and cost limits, one sign-in per request, sign-in throttling, no stack traces (issue 14 #8, #9, #12).
      // Refused uploads leave nothing behind: that wrapper stays outermost.
      graphql: {
        playground: false,
        schemaPath: 'generated/schema.graphql',
        debug: debugResponses(),
        apolloConfig: apolloLimits(),
        // N20: every mutation is recorded in the 操作日志, around the sign-in guard (a locked attempt is recorded too).
        extendGraphqlSchema: (schema) =>
          recordMutations(
            removeRefusedUploads(guardSignIns(extendVisitSchema(extendSyndicationSchema(extendWorkflowSchema(extraTasks)(schema))))),
            lists,
          ),
      },
      ui: {
        isAccessAllowed: signedIn,
        basePath: adminBasePath,
        // On a fresh install without accounts, the sign-in page leads to the first-run screen.
        pageMiddleware: async ({ context }) =>
          context.session || (await hasUsers(context)) ? undefined : { kind: 'redirect', to: '/setup' },
      },
      server: {
        // Keystone's default (200 MB) would cut off videos the media rules accept (500 MB).
        maxFileSize: largestUploadBytes,
        extendExpressApp: (app, context) => {
          app.disable('x-powered-by');
          // Express's last handler answers in Chinese, without stack traces (issue 14 #12).
          answerErrorsInChinese(app);
          // Behind a proxy (nginx), the visitor's address for the form rate limit: e.g. loopback, or 1 (hops).
          const trustProxy = process.env.GONGKAI_TRUST_PROXY?.trim();
          if (trustProxy) app.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);
          // N20: the Admin UI and the staff routes only from GONGKAI_ADMIN_ALLOW (after trust proxy: the visitor's address).
          app.use(adminAccessGuard() as unknown as Parameters<typeof app.use>[0]);
          // Keystone's typings are of Express 4 while it runs Express 5, like our routes.
          app.use(serverRoutes(context, db) as unknown as Parameters<typeof app.use>[0]);
        },
        extendHttpServer: async (server, context) => {
          // The published files (PUBLISH_DIR) answer ahead of the dynamic routes, the page cache ahead of both.
          // GONGKAI_PUBLISH=off: this instance neither writes nor serves the files (another instance publishes for all).
          if (process.env.GONGKAI_PUBLISH !== 'off') {
            const publisher = startPublishing(context, { backgroundConcurrency: serverBackgroundConcurrency });
            await publisher.current();
            servePublishedFiles(server, publisher);
            // A fresh machine, or data changed while the server was down: the directory is brought up to the data.
            const started = performance.now();
            void publisher
              .sync(null, { reason: '启动时核对发布目录' })
              .then((result) =>
                logger.info(
                  {
                    files: result.files,
                    written: result.written.length,
                    removed: result.removed.length,
                    ms: Math.round(performance.now() - started),
                  },
                  'published site checked at start',
                ),
              )
              .catch((error) => logger.error({ err: error }, 'publishing the site files failed'));
          }
          servePageCacheFirst(server, context);
          // N20, N17: every request in nginx's combined format (logs/access.log of the data directory), including
          // those answered by the published files and the page cache (which take over the server's listeners above).
          const accessLog = accessLogFile();
          if (accessLog) writeAccessLog(server, accessLog);
          const stopSharing = await shareInvalidations(pageCacheFor(context), db);
          server.on('close', () => void stopSharing());
          startScheduler(context, db.provider);
        },
      },
    }),
  );
}
