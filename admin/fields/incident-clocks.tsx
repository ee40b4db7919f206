import { VStack } from '@keystar/ui/layout';
import { Text } from '@keystar/ui/typography';
import type { controller } from '@keystone-6/core/fields/types/virtual/views';
import type { CellComponent, FieldProps } from '@keystone-6/core/types';

/**
 * 时限状态 of a 舆情事件 (S7): one line per clock, 【state】what, time left, due time; coloured so an
 * officer sees at a glance what is overdue (red) or about to be (orange). The server writes the lines.
 */
type Tone = 'critical' | 'caution' | 'positive' | 'neutral';

function toneOf(line: string): Tone {
  if (line.startsWith('【已超时】') || line.startsWith('【逾期完成】') || line.startsWith('【未办理】')) return 'critical';
  if (line.startsWith('【即将到期】')) return 'caution';
  if (line.startsWith('【按时完成】')) return 'positive';
  return 'neutral';
}

function linesOf(value: unknown): string[] {
  return typeof value === 'string' && value ? value.split('\n') : [];
}

export function Field({ field, value }: FieldProps<typeof controller>) {
  const lines = linesOf(value);
  return (
    <VStack gap="regular" role="group" aria-label={field.label}>
      <Text weight="medium">{field.label}</Text>
      {lines.length === 0 ? <Text color="neutralSecondary">保存后显示各项时限</Text> : null}
      {lines.map((line, i) => (
        <Text key={i} color={toneOf(line)}>
          {line}
        </Text>
      ))}
    </VStack>
  );
}

/** In the list: the most pressing clock first (overdue, then at risk), and how many more. */
export const Cell: CellComponent<typeof controller> = ({ value }) => {
  const lines = linesOf(value);
  if (!lines.length) return null;
  const rank = (line: string) => ['critical', 'caution', 'neutral', 'positive'].indexOf(toneOf(line));
  const first = [...lines].sort((a, b) => rank(a) - rank(b))[0];
  // Short enough for a column: the limit's wording and the due time are on the item page.
  const short = first.replace(/（[^）]*）：/, '：').replace(/（截止[^）]*）.*$/, '');
  return (
    <Text color={toneOf(first)}>
      {short}
      {lines.length > 1 ? `（共 ${lines.length} 项）` : ''}
    </Text>
  );
};
