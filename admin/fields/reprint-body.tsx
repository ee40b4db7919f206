import { VStack } from '@keystar/ui/layout';
import { Text } from '@keystar/ui/typography';
import type { controller } from '@keystone-6/core/fields/types/virtual/views';
import type { FieldProps } from '@keystone-6/core/types';

/**
 * 转载审核 (S9, issue 16): the upstream body as the public will see it. The HTML comes from the server
 * already through renderReprintBody — the public page's renderer for reprints (allowlist sanitizing, N15
 * masking) — so what is shown here is what would be published, never the raw upstream markup.
 */
const styles = `
.gongkai-reprint-body { line-height: 1.8; font-size: 15px; max-height: 640px; overflow: auto; border: 1px solid #d0d7de; border-radius: 6px; padding: 12px 16px; background: #fff; }
.gongkai-reprint-body table { border-collapse: collapse; margin: 8px 0; }
.gongkai-reprint-body th, .gongkai-reprint-body td { border: 1px solid #8c959f; padding: 4px 8px; }
.gongkai-reprint-body img { max-width: 100%; height: auto; }
.gongkai-reprint-body p { margin: 0 0 8px; }
`;

export function Field({ field, value }: FieldProps<typeof controller>) {
  const html = typeof value === 'string' ? value : '';
  return (
    <VStack gap="regular" role="group" aria-label={field.label}>
      <Text weight="medium">{field.label}</Text>
      {field.description ? (
        <Text size="small" color="neutralSecondary">
          {field.description}
        </Text>
      ) : null}
      <style>{styles}</style>
      {html ? (
        <article className="gongkai-reprint-body" aria-label="正文预览" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <Text color="neutralSecondary">（正文为空）</Text>
      )}
    </VStack>
  );
}
