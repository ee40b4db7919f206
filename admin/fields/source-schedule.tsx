import { useState } from 'react';
import { VStack } from '@keystar/ui/layout';
import { Radio, RadioGroup } from '@keystar/ui/radio';
import { TextField } from '@keystar/ui/text-field';
import type { CellComponent, FieldProps } from '@keystone-6/core/types';
import type { controller } from '@keystone-6/core/fields/types/text/views';
import {
  CUSTOM_SCHEDULE_LABEL,
  DEFAULT_SCHEDULE,
  SCHEDULE_CHOICES,
  describeSchedule,
  scheduleChoiceOf,
} from '../../syndication/core/schedule.ts';

/**
 * 采集计划 as plain choices (S9, issue 16): 每小时, 每天 8:00 … with the cron expression behind
 * 自定义（高级）. The field still stores the expression, so existing rows and the scheduler are unchanged;
 * a stored expression that is one of the choices shows as that choice.
 */
const CUSTOM = 'custom';

export function Field({ field, value, onChange }: FieldProps<typeof controller>) {
  const stored = value.inner.kind === 'value' ? value.inner.value : DEFAULT_SCHEDULE;
  const [custom, setCustom] = useState(() => !scheduleChoiceOf(stored));
  const set = (expression: string) => onChange?.({ ...value, inner: { kind: 'value', value: expression } });
  const selected = custom ? CUSTOM : (scheduleChoiceOf(stored)?.cron ?? CUSTOM);
  return (
    <VStack gap="regular">
      <RadioGroup
        label={field.label}
        description="到点自动采集一次（北京时间）。来源停用时不采集"
        value={selected}
        isReadOnly={onChange === undefined}
        onChange={(key) => {
          if (key === CUSTOM) return setCustom(true);
          setCustom(false);
          set(key);
        }}
      >
        {SCHEDULE_CHOICES.map((choice) => (
          <Radio key={choice.cron} value={choice.cron}>
            {choice.label}
          </Radio>
        ))}
        <Radio value={CUSTOM}>{CUSTOM_SCHEDULE_LABEL}</Radio>
      </RadioGroup>
      {custom ? (
        <TextField
          label="cron 表达式"
          description="分 时 日 月 星期，北京时间。例如 30 7 * * 1-5 表示工作日每天 7:30；15 8-20/2 * * * 表示 8 点到 20 点每两小时一次"
          value={stored}
          isReadOnly={onChange === undefined}
          onChange={set}
          UNSAFE_style={{ maxWidth: '24em' }}
        />
      ) : null}
    </VStack>
  );
}

export const Cell: CellComponent<typeof controller> = ({ value }) => (
  <span>{typeof value === 'string' ? describeSchedule(value) : ''}</span>
);
