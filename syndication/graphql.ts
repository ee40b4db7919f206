import type { Context } from '../src/platform/db/prisma.js';
import { g } from '../src/platform/db/g.js';
import { extend } from '@keystone-6/core/graphql-ts';
import { HttpFetcher } from './core/fetch.js';
import { previewSource, type SourcePreview } from './core/preview.js';
import { validateSourceConfig } from './core/source-config.js';
import { activeSessionOf, managesSite } from '../src/platform/access/roles.js';
import { refusal } from '../src/platform/admin-ui/item-actions.js';
import { outboundPolicyFor } from '../src/platform/http/outbound-settings.js';
import { configInputOf } from './source-item.js';

/*
 * 试采集 (S9) in the Admin UI: what a 转载来源 would yield, from the values of its form before anyone saves
 * or enables it. The same preview as `gongkai source try` (`previewSource`: one real run into memory), so
 * nothing is stored; every request goes through the outbound rules of 网站设置 and GONGKAI_OUTBOUND_ALLOW.
 */

const tryError = refusal('SYNDICATION_TRY_REFUSED');

/** The form's values, as the Admin UI serializes them (the fields of SyndicationSourceCreateInput). */
export interface SourceTryInput {
  name?: string | null;
  adapter: string;
  listUrls: string;
  selectors?: unknown;
  charset?: string | null;
  feedContent?: string | null;
  allowedHosts?: string | null;
}

/** 试采集 of a source form's values: only for those who may edit sources (the info-construction section, admins). */
export async function trySyndicationSource(context: Context, input: SourceTryInput): Promise<SourcePreview> {
  const session = activeSessionOf(context);
  if (!session) throw tryError('请先登录');
  if (!managesSite({ session })) throw tryError('只有信息化建设科和系统管理员可以试采集转载来源');
  const selectors = input.selectors ?? null;
  if (selectors !== null && (typeof selectors !== 'object' || Array.isArray(selectors)))
    throw tryError('字段名与选择器必须是 JSON 对象，例如 {"list": {"item": "ul.list li"}}');
  // Validated as a saved source is; key, schedule and column are not the preview's business.
  const result = validateSourceConfig(
    configInputOf(
      {
        key: 'preview',
        name: input.name?.trim() || '试采集',
        level: 'city',
        adapter: input.adapter,
        listUrls: input.listUrls,
        selectors,
        charset: input.charset,
        feedContent: input.feedContent,
        allowedHosts: input.allowedHosts,
        schedule: '0 0 * * *',
        policy: 'review',
      },
      'preview',
    ),
  );
  if (!result.ok) throw tryError(`无法试采集：${result.errors.map((e) => e.message).join('；')}`);
  const policy = await outboundPolicyFor(context);
  const refused = result.config.listUrls.map((url) => policy.literalRefusal(url)).filter(Boolean);
  if (refused.length) throw tryError(`无法试采集：列表地址 ${refused.join('；')}`);
  const fetcher = new HttpFetcher({ outbound: policy });
  try {
    return await previewSource(result.config, { fetcher });
  } finally {
    fetcher.close();
  }
}

const PreviewItem = g.object<{ title: string; url: string; publishedAt?: string; number?: string; issuer?: string }>()({
  name: 'SyndicationPreviewItem',
  fields: {
    title: g.field({ type: g.nonNull(g.String) }),
    url: g.field({ type: g.nonNull(g.String) }),
    publishedAt: g.field({ type: g.String }),
    number: g.field({ type: g.String }),
    issuer: g.field({ type: g.String }),
  },
});

const Attachment = g.object<{ url: string; name: string }>()({
  name: 'SyndicationPreviewAttachment',
  fields: { url: g.field({ type: g.nonNull(g.String) }), name: g.field({ type: g.nonNull(g.String) }) },
});

const FirstItem = g.object<NonNullable<SourcePreview['first']>>()({
  name: 'SyndicationPreviewFirstItem',
  fields: {
    title: g.field({ type: g.nonNull(g.String) }),
    url: g.field({ type: g.nonNull(g.String) }),
    publishedAt: g.field({ type: g.String }),
    writtenAt: g.field({ type: g.String }),
    number: g.field({ type: g.String }),
    issuer: g.field({ type: g.String }),
    bodyHtml: g.field({ type: g.nonNull(g.String) }),
    bodyText: g.field({ type: g.nonNull(g.String) }),
    attachments: g.field({ type: g.nonNull(g.list(g.nonNull(Attachment))) }),
  },
});

const Failure = g.object<SourcePreview['failures'][number]>()({
  name: 'SyndicationPreviewFailure',
  fields: {
    url: g.field({ type: g.nonNull(g.String) }),
    title: g.field({ type: g.String }),
    message: g.field({ type: g.nonNull(g.String) }),
  },
});

const Preview = g.object<SourcePreview>()({
  name: 'SyndicationSourcePreview',
  fields: {
    ok: g.field({ type: g.nonNull(g.Boolean) }),
    error: g.field({ type: g.String }),
    warnings: g.field({ type: g.nonNull(g.list(g.nonNull(g.String))) }),
    itemsSeen: g.field({ type: g.nonNull(g.Int) }),
    items: g.field({ type: g.nonNull(g.list(g.nonNull(PreviewItem))) }),
    first: g.field({ type: FirstItem }),
    failures: g.field({ type: g.nonNull(g.list(g.nonNull(Failure))) }),
  },
});

const TryInput = g.inputObject({
  name: 'SyndicationSourceTryInput',
  fields: {
    name: g.arg({ type: g.String }),
    adapter: g.arg({ type: g.nonNull(g.String) }),
    listUrls: g.arg({ type: g.nonNull(g.String) }),
    selectors: g.arg({ type: g.JSON }),
    charset: g.arg({ type: g.String }),
    feedContent: g.arg({ type: g.String }),
    allowedHosts: g.arg({ type: g.String }),
  },
});

/** `trySyndicationSource(data)`: the 试采集 of the 转载来源 form. A mutation: it makes requests, though it stores nothing. */
export const extendSyndicationSchema = extend({
  mutation: {
    trySyndicationSource: g.field({
      // Nullable: a refusal is this field's error, not the whole answer's.
      type: Preview,
      args: { data: g.arg({ type: g.nonNull(TryInput) }) },
      resolve: (_root, { data }, context: Context) => trySyndicationSource(context, data),
    }),
  },
});
