import { VStack } from '@keystar/ui/layout';
import { Text } from '@keystar/ui/typography';
import type { controller } from '@keystone-6/core/fields/types/json/views';
import type { CellComponent, FieldProps } from '@keystone-6/core/types';

/**
 * 发布前检查结果 as an editor reads it: each finding in Chinese with whether it must be fixed, instead of the
 * JSON that Keystone's json field shows (keys such as "blocking" are not for editors). Read-only: the
 * workflow writes the findings.
 */
interface Finding {
  rule?: string;
  message: string;
  blocking: boolean;
}

function parse(value: string | null | undefined): Finding[] | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? (parsed as Finding[]) : null;
  } catch {
    return null;
  }
}

export function Field({ field, value }: FieldProps<typeof controller>) {
  const findings = parse(value);
  return (
    <VStack gap="regular" role="group" aria-label={field.label}>
      <Text weight="medium">{field.label}</Text>
      {findings === null ? <Text color="neutralSecondary">尚无检查结果（提交审核时检查）</Text> : null}
      {findings !== null && findings.length === 0 ? <Text color="positive">未发现问题</Text> : null}
      {findings && findings.length > 0 ? (
        <ul style={{ margin: 0, paddingInlineStart: 20, display: 'grid', gap: 6 }}>
          {findings.map((finding, i) => (
            <li key={i}>
              <Text color={finding.blocking ? 'critical' : 'neutral'}>
                {finding.blocking ? '必须修改' : '建议修改'}
                {finding.rule ? `（${finding.rule}）` : ''}：{finding.message}
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
    </VStack>
  );
}

export const Cell: CellComponent<typeof controller> = ({ value }) => {
  const findings = parse(typeof value === 'string' ? value : value == null ? null : JSON.stringify(value));
  if (!findings) return null;
  const blocking = findings.filter((f) => f.blocking).length;
  return <Text>{findings.length === 0 ? '未发现问题' : `${findings.length} 项（必须修改 ${blocking} 项）`}</Text>;
};
