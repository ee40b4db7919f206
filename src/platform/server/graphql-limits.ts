import os from 'node:os';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  parse,
  validate,
  visit,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLFormattedError,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { KeystoneConfig } from '@keystone-6/core/types';
import type { Context, KeystoneTypes } from '../db/prisma.js';
import { dataDirectory, mediaDirectory, projectRoot } from '../config/env.js';
import { logger } from '../logging/logger.js';
import { debugResponses, inProduction } from './debug.js';

/*
 * Limits of the GraphQL API (issue 14 #8, #9, #12), so that one request cannot stall the server or guess
 * many passwords, and no answer shows how the server is built:
 * - tokens, depth, aliases, cost and directives (graphql-armor's rules), checked as soon as the request is
 *   parsed, before GraphQL's own validation (whose cost grows with the square of the fields) and any
 *   resolver: limits with room for the Admin UI's queries for signed-in staff, tighter ones for the anonymous;
 * - at most one password sign-in per request (any authenticate… mutation, however aliased): refused whole;
 * - no introspection for the anonymous in production;
 * - errors without stack traces, file paths or internal messages unless GONGKAI_DEBUG=1.
 * A refusal is a 400 (403 for introspection) with a Chinese message and the code GRAPHQL_LIMIT_EXCEEDED.
 */

type ApolloConfig = NonNullable<NonNullable<KeystoneConfig<KeystoneTypes>['graphql']>['apolloConfig']>;
type Plugin = NonNullable<ApolloConfig['plugins']>[number];
type GraphQLArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;
type GraphQLArmorRejectCallback = NonNullable<NonNullable<GraphQLArmorConfig['maxDepth']>['onReject']>[number];

export interface GraphqlLimits {
  /** Tokens of one request: the parser stops there, before anything else is spent on it. */
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxDirectives: number;
}

/*
 * Measured on the Admin UI's own queries (list, item and create pages, 待办, sign-in and workflow actions,
 * driven in Chromium by tests/e2e): at most 7 levels deep, 11 aliases (an item page with many
 * relationships), cost 801 (its metadata query) and 231 tokens. Signed-in staff get about twice that or
 * more; the anonymous, who need the sign-in form and public data only, much less: a long anonymous
 * query stops at the parser, before its fields cost anything.
 */
export const staffGraphqlLimits: GraphqlLimits = { maxTokens: 5000, maxDepth: 15, maxAliases: 30, maxCost: 5000, maxDirectives: 50 };
export const anonymousGraphqlLimits: GraphqlLimits = { maxTokens: 1000, maxDepth: 8, maxAliases: 10, maxCost: 1000, maxDirectives: 10 };

/** A request refused by a limit: answered as it is (status in `extensions.http`), never as an internal error. */
class LimitRefusal extends GraphQLError {
  constructor(message: string, code = 'GRAPHQL_LIMIT_EXCEEDED', status = 400) {
    super(message, { extensions: { code, http: { status } } });
  }
}

const report =
  (message: string): GraphQLArmorRejectCallback =>
  (context) =>
    context?.reportError(new GraphQLError(message));

function armorConfig(limits: GraphqlLimits): GraphQLArmorConfig {
  const quiet = { propagateOnRejection: false, exposeLimits: false } as const;
  return {
    // "Did you mean …" would list the schema's fields to anyone.
    blockFieldSuggestion: { enabled: true, mask: '' },
    maxDepth: {
      ...quiet,
      n: limits.maxDepth,
      onReject: [report(`查询嵌套过深：最多 ${limits.maxDepth} 层，请减少嵌套或拆分为多个请求。`)],
    },
    maxAliases: {
      ...quiet,
      n: limits.maxAliases,
      onReject: [report(`查询使用的别名过多：最多 ${limits.maxAliases} 个，请拆分为多个请求。`)],
    },
    costLimit: {
      ...quiet,
      maxCost: limits.maxCost,
      onReject: [report(`查询过于复杂（超过复杂度上限 ${limits.maxCost}）：请减少字段或拆分为多个请求。`)],
    },
    maxDirectives: { ...quiet, n: limits.maxDirectives, onReject: [report(`查询使用的指令过多：最多 ${limits.maxDirectives} 个。`)] },
    // Tokens are limited by the parser below.
    maxTokens: { enabled: false },
  };
}

/** Armor's rules one by one, so the more telling refusal (depth, aliases) comes before the cost that follows from it. */
function armorRules(limits: GraphqlLimits): { rules: ValidationRule[]; plugins: unknown[] } {
  const config = armorConfig(limits);
  const off = { enabled: false } as const;
  const only = (key: 'maxDepth' | 'maxAliases' | 'maxDirectives' | 'costLimit') =>
    new ApolloArmor({
      blockFieldSuggestion: off,
      maxTokens: off,
      maxDepth: off,
      maxAliases: off,
      maxDirectives: off,
      costLimit: off,
      [key]: config[key],
    }).protect().validationRules;
  const rules = [...only('maxDepth'), ...only('maxAliases'), ...only('maxDirectives'), ...only('costLimit')];
  const plugins = new ApolloArmor({
    blockFieldSuggestion: config.blockFieldSuggestion,
    maxTokens: off,
    maxDepth: off,
    maxAliases: off,
    maxDirectives: off,
    costLimit: off,
  }).protect().plugins;
  return { rules, plugins };
}

const oneSignInMessage = '一次请求只能登录一次：请不要在同一请求中多次提交登录。';

/** issue 14 #8: one password sign-in per request at most, however it is spelled (aliases, fragments). */
export const oneSignInPerRequest: ValidationRule = (context: ValidationContext): ASTVisitor => {
  let signIns = 0;
  return {
    Field(node) {
      const parent = context.getParentType();
      if (parent && parent === context.getSchema().getMutationType() && /^authenticate\w+WithPassword$/.test(node.name.value)) signIns++;
    },
    Document: {
      leave() {
        if (signIns > 1) context.reportError(new GraphQLError(oneSignInMessage));
      },
    },
  };
};

export function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD](node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

interface Tier {
  limits: GraphqlLimits;
  rules: ValidationRule[];
}

/** The plugin that applies the limits: the staff's to signed-in users, the anonymous' to everyone else. */
function limitsPlugin(staff: Tier, anonymous: Tier): Plugin {
  return {
    async requestDidStart() {
      return {
        async parsingDidStart({ source, contextValue, schema }) {
          if (source === undefined) return;
          const isAnonymous = !(contextValue as Context).session;
          const { limits, rules } = isAnonymous ? anonymous : staff;
          let document: DocumentNode;
          try {
            document = parse(source, { maxTokens: limits.maxTokens });
          } catch (error) {
            if (/contains more th\w+ \d+ tokens/.test((error as Error).message))
              throw new LimitRefusal(`查询过长：最多 ${limits.maxTokens} 个词法单元，请拆分为多个请求。`);
            // Any other syntax error is Apollo's to report, as usual.
            return;
          }
          const errors = validate(schema, document, [...rules, oneSignInPerRequest]);
          // The sign-in refusal says more than a limit that a guessing request also breaks.
          const refused = errors.find((e) => e.message === oneSignInMessage) ?? errors[0];
          if (refused) throw new LimitRefusal(refused.message);
          if (isAnonymous && inProduction() && !debugResponses() && usesIntrospection(document)) {
            throw new LimitRefusal('未登录时不提供接口结构查询（introspection）：请登录后再试。', 'INTROSPECTION_DISABLED', 403);
          }
        },
      };
    },
    // A hook's error would otherwise become "Internal server error": a refusal is answered as it is.
    async unexpectedErrorProcessingRequest({ error }) {
      if (error instanceof LimitRefusal) throw error;
    },
  };
}

const cjk = /[\u4e00-\u9fff]/;
// A file's absolute path (not the path of a URL), a file URL, a Windows path or a stack frame.
const internalPatterns = /(?<![\w.:/-])(?:\/[\w.@+-]+){2,}\.\w{1,8}\b|file:\/\/|node_modules|[A-Za-z]:\\|\bat .*\(.*:\d+:\d+\)|^\s+at \S/m;
// The server's own folders, wherever it is installed.
const serverFolders = [projectRoot, dataDirectory(), mediaDirectory(), os.tmpdir(), os.homedir()].filter((folder) => folder.length > 1);
const namesInternals = (message: string) => internalPatterns.test(message) || serverFolders.some((folder) => message.includes(folder));
export const internalErrorMessage = '服务器处理请求时出错，请稍后重试；如一再出现，请联系系统管理员。';

/**
 * issue 14 #12: what an error may tell the client. Its message (the Chinese ones of our rules and
 * Keystone's, which the Admin UI translates) and its code stay; stack traces and every other extension
 * go; a message naming a file or stack frame, or an unexpected error's English message, is replaced
 * (and logged here).
 */
export function publicError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (debugResponses()) return formatted;
  const code = formatted.extensions?.code;
  const unexpected = code === undefined || code === 'INTERNAL_SERVER_ERROR';
  const hidden = namesInternals(formatted.message) || (unexpected && !cjk.test(formatted.message));
  if (hidden) logger.error({ err: error, message: formatted.message, path: formatted.path }, 'GraphQL error hidden from the client');
  return {
    message: hidden ? internalErrorMessage : formatted.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' },
  };
}

/** The Apollo configuration Keystone passes on: the limits above, no batching, no stack traces. */
export function apolloLimits(staff: GraphqlLimits = staffGraphqlLimits, anonymous: GraphqlLimits = anonymousGraphqlLimits): ApolloConfig {
  const forStaff = armorRules(staff);
  return {
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: debugResponses(),
    parseOptions: { maxTokens: Math.max(staff.maxTokens, anonymous.maxTokens) },
    plugins: [
      ...(forStaff.plugins as Plugin[]),
      limitsPlugin({ limits: staff, rules: forStaff.rules }, { limits: anonymous, rules: armorRules(anonymous).rules }),
    ],
    formatError: publicError,
  };
}
