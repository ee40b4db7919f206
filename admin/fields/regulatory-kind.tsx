import { Item, Picker } from '@keystar/ui/picker';
import type { controller } from '@keystone-6/core/fields/types/select/views';
import type { FieldProps } from '@keystone-6/core/types';

/**
 * 规章或规范性文件 as one plain choice (issue 16). Empty means neither, which is most documents, so that is the
 * first option and what a new document shows; Keystone's own view greyed the picker out behind a ticked 留空 box
 * until the editor found and unticked it. Stored as before: null for neither (N14 counts only the other two).
 */
const neither = { value: 'none', label: '不属于规章或规范性文件' };

export function Field({ field, value, onChange, autoFocus }: FieldProps<typeof controller>) {
  return (
    <Picker
      autoFocus={autoFocus}
      label={field.label}
      description={field.description}
      isReadOnly={onChange === undefined}
      // Wide enough for its longest option (“不属于规章或规范性文件”), never wider than the form.
      UNSAFE_style={{ width: 'min(100%, 18em)' }}
      items={[neither, ...field.options]}
      selectedKey={value.value?.value ?? neither.value}
      onSelectionChange={(key) => onChange?.({ ...value, value: field.options.find((option) => option.value === key) ?? null })}
    >
      {(item) => <Item key={item.value}>{item.label}</Item>}
    </Picker>
  );
}
