import { useState } from 'react';
import { Button } from '@keystar/ui/button';
import { VStack } from '@keystar/ui/layout';
import { Text } from '@keystar/ui/typography';
import { gql, useMutation } from '@keystone-6/core/admin-ui/apollo';
import { useList } from '@keystone-6/core/admin-ui/context';
import type { controller } from '@keystone-6/core/fields/types/virtual/views';
import type { FieldProps } from '@keystone-6/core/types';

/**
 * 试采集 on the 转载来源 form (S9): previews what the source as typed would yield — before it is saved or
 * enabled — with the same preview as `gongkai source try` (mutation trySyndicationSource). Reads the
 * values of the whole form, saved or not; stores nothing.
 */

const TRY = gql`
  mutation GongkaiTrySyndicationSource($data: SyndicationSourceTryInput!) {
    trySyndicationSource(data: $data) {
      ok
      error
      warnings
      itemsSeen
      items {
        title
        url
        publishedAt
        number
        issuer
      }
      first {
        title
        bodyText
        attachments {
          name
          url
        }
      }
      failures {
        url
        title
        message
      }
    }
  }
`;

interface Item {
  title: string;
  url: string;
  publishedAt: string | null;
  number: string | null;
  issuer: string | null;
}

interface Preview {
  ok: boolean;
  error: string | null;
  warnings: string[];
  itemsSeen: number;
  items: Item[];
  first: { title: string; bodyText: string; attachments: { name: string; url: string }[] } | null;
  failures: { url: string; title: string | null; message: string }[];
}

/** The form's fields the preview reads. */
const FORM_FIELDS = ['name', 'adapter', 'listUrls', 'selectors', 'charset', 'feedContent', 'allowedHosts'] as const;

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '（无）');
const cell = { padding: '6px 8px', verticalAlign: 'top', textAlign: 'left' } as const;

export function Field({ field, itemValue }: FieldProps<typeof controller>) {
  const list = useList('SyndicationSource');
  const [run, { loading }] = useMutation<{ trySyndicationSource: Preview }>(TRY);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function tryIt() {
    setPreview(null);
    setProblem(null);
    // Each field's own serialization, as the form would send it on save.
    const values: Record<string, unknown> = {};
    for (const key of FORM_FIELDS) Object.assign(values, list.fields[key].controller.serialize(itemValue[key]));
    if (values.selectors === undefined) return setProblem('“字段名与选择器”不是有效的 JSON，请先改正');
    if (!values.adapter) return setProblem('请先选择采集方式');
    if (!String(values.listUrls ?? '').trim()) return setProblem('请先填写列表地址');
    try {
      const result = await run({ variables: { data: values } });
      if (result.data?.trySyndicationSource) setPreview(result.data.trySyndicationSource);
      else setProblem(result.error?.message ?? '试采集失败');
    } catch (error) {
      setProblem(error instanceof Error ? error.message.replace(/^\[GraphQL\] /, '') : String(error));
    }
  }

  return (
    <VStack gap="regular" role="group" aria-label={field.label}>
      <Text weight="medium">{field.label}</Text>
      <Text color="neutralSecondary" size="small">
        {field.description}
      </Text>
      <div>
        <Button onPress={tryIt} isDisabled={loading}>
          {loading ? '正在试采集…' : '试采集'}
        </Button>
      </div>
      {problem ? (
        <Text color="critical" role="alert">
          {problem}
        </Text>
      ) : null}
      {preview ? <PreviewView preview={preview} /> : null}
    </VStack>
  );
}

function PreviewView({ preview }: { preview: Preview }) {
  return (
    <section aria-label="试采集结果" style={{ display: 'grid', gap: 8 }}>
      {preview.error ? <Text color="critical">失败：{preview.error}</Text> : null}
      {preview.warnings.map((warning, i) => (
        <Text key={i} color="caution">
          警告：{warning}
        </Text>
      ))}
      <Text>
        列表共 {preview.itemsSeen} 条，试采集 {preview.items.length} 条
        {preview.failures.length ? `，失败 ${preview.failures.length} 条` : ''}（未保存）
      </Text>
      {preview.items.length ? (
        <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 14 }}>
          <thead>
            <tr style={{ borderBottom: '1px solid #d0d7de' }}>
              <th style={cell}>标题</th>
              <th style={cell}>发布日期</th>
              <th style={cell}>文号</th>
              <th style={cell}>发文机关</th>
            </tr>
          </thead>
          <tbody>
            {preview.items.map((item) => (
              <tr key={item.url} style={{ borderBottom: '1px solid #eaeef2' }}>
                <td style={cell}>
                  <a href={item.url} target="_blank" rel="noreferrer noopener">
                    {item.title}
                  </a>
                  <div style={{ color: '#57606a', fontSize: 12, wordBreak: 'break-all' }}>{item.url}</div>
                </td>
                <td style={{ ...cell, whiteSpace: 'nowrap' }}>{when(item.publishedAt)}</td>
                <td style={{ ...cell, whiteSpace: 'nowrap' }}>{item.number ?? '（无）'}</td>
                <td style={{ ...cell, whiteSpace: 'nowrap' }}>{item.issuer ?? '（无）'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {preview.failures.map((failure, i) => (
        <Text key={i} color="critical">
          采集失败：{failure.title ? `${failure.title} ` : ''}
          {failure.url}：{failure.message}
        </Text>
      ))}
      {preview.first ? (
        <div>
          <Text weight="medium">
            第 1 条“{preview.first.title}”的正文（{preview.first.bodyText.length} 字）：
          </Text>
          <div
            style={{
              whiteSpace: 'pre-wrap',
              maxHeight: 240,
              overflow: 'auto',
              border: '1px solid #d0d7de',
              padding: 8,
              marginTop: 4,
              fontSize: 14,
            }}
          >
            {preview.first.bodyText}
          </div>
          {preview.first.attachments.length ? (
            <ul aria-label="附件" style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {preview.first.attachments.map((a) => (
                <li key={a.url}>
                  附件：
                  <a href={a.url} target="_blank" rel="noreferrer noopener">
                    {a.name.replace(/^附件\s*[：:]\s*/, '') || a.url}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
