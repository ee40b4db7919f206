import { VStack } from '@keystar/ui/layout';
import { Text } from '@keystar/ui/typography';
import type { controller } from '@keystone-6/core/fields/types/virtual/views';
import type { CellComponent, FieldProps } from '@keystone-6/core/types';

/**
 * 预览: the item as the public would see it, through a signed link that expires (src/workflow/preview.ts).
 * The server gives the link only to its department's editors, the office and the leaders.
 */
export function Field({ field, value }: FieldProps<typeof controller>) {
  if (typeof value !== 'string' || !value) return null;
  return (
    <VStack gap="regular" role="group" aria-label={field.label}>
      <Text weight="medium">{field.label}</Text>
      <a href={value} target="_blank" rel="noopener" style={{ fontSize: 15 }}>
        按公众看到的样子预览（新窗口）
      </a>
      <Text size="small" color="neutralSecondary">
        预览链接 24 小时内有效，可转给审核人员
      </Text>
    </VStack>
  );
}

export const Cell: CellComponent<typeof controller> = () => null;
