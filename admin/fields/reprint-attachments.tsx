import { VStack } from '@keystar/ui/layout';
import { Text } from '@keystar/ui/typography';
import type { controller } from '@keystone-6/core/fields/types/json/views';
import type { CellComponent, FieldProps } from '@keystone-6/core/types';

/**
 * A reprint's attachments in 转载审核 (S9, issue 16): each a link with its name, as on the public page,
 * instead of Keystone's JSON (`[]`). Read-only: the syndication run writes them.
 */
interface Attachment {
  name?: string;
  url: string;
}

function parse(value: unknown): Attachment[] {
  try {
    const parsed: unknown = typeof value === 'string' ? (value ? JSON.parse(value) : []) : value;
    return Array.isArray(parsed) ? (parsed as unknown[]).filter((a): a is Attachment => typeof (a as Attachment)?.url === 'string') : [];
  } catch {
    return [];
  }
}

// Only web links are made clickable: an attachment URL is upstream data.
const safe = (url: string) => /^(https?:\/\/|\/)/i.test(url);

export function Field({ field, value }: FieldProps<typeof controller>) {
  const attachments = parse(value);
  return (
    <VStack gap="regular" role="group" aria-label={field.label}>
      <Text weight="medium">{field.label}</Text>
      {attachments.length === 0 ? (
        <Text color="neutralSecondary">无附件</Text>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 20, display: 'grid', gap: 4 }}>
          {attachments.map((attachment, i) => (
            <li key={i}>
              {safe(attachment.url) ? (
                <a href={attachment.url} target="_blank" rel="noreferrer noopener">
                  {attachment.name?.trim() || attachment.url}
                </a>
              ) : (
                <Text>{attachment.name?.trim() || attachment.url}</Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </VStack>
  );
}

export const Cell: CellComponent<typeof controller> = ({ value }) => {
  const count = parse(value).length;
  return <span>{count ? `${count} 个附件` : '无'}</span>;
};
