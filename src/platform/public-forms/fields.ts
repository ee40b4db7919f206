import { z } from 'zod';

/*
 * Validation of public form posts (zod): plain text only, within limits, with every refusal said in
 * Chinese next to its field. What is stored is the citizen's plain text; pages render it escaped,
 * never as HTML, and markup is refused outright rather than silently stripped, so nothing executable
 * is ever stored and the writer knows why the post was not accepted.
 */

// Tags, comments and doctype, script URLs, and HTML character references that spell them.
const markup = /<[a-z!/?]|javascript\s*:|vbscript\s*:|data\s*:\s*text\/html|&#x?[0-9a-f]+;?/i;
// Control characters other than tab and line breaks, and Unicode direction overrides.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

export function containsMarkup(text: string): boolean {
  return markup.test(text);
}

/** A plain-text field: trimmed, `min`–`max` characters, no markup or control characters; absent is ''. */
export function plainText(label: string, { min = 1, max }: { min?: number; max: number }) {
  return z.preprocess(
    (value) => (value === undefined ? '' : value),
    z
      .string({ error: `${label}格式不正确` })
      .transform((value) => value.replace(/\r\n?/g, '\n').trim())
      .pipe(
        z
          .string()
          // Markup first: that is the error to show when a post is both too long and script-laden.
          .refine((value) => !containsMarkup(value), { error: `${label}不能包含网页代码（如 HTML 标签或脚本），请只填写文字` })
          .refine((value) => !controls.test(value), { error: `${label}含有无法识别的控制字符` })
          // The text arrived garbled: U+FFFD is what the body parser makes of bytes that are not UTF-8,
          // and an escape of a non-ASCII byte (%E6%9D) is left as it is when it is not valid UTF-8.
          .refine((value) => !/\uFFFD|%[89a-f][0-9a-f]/i.test(value), { error: `${label}含有无法识别的字符（编码错误），请检查后重新填写` })
          .min(min, { error: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` })
          .max(max, { error: `${label}不能超过 ${max} 个字` }),
      ),
  );
}

/** An optional plain-text field: absent or blank is ''. */
export function optionalText(label: string, max: number) {
  return plainText(label, { min: 0, max });
}

/** A mainland mobile, an office line (0883-2123456, 0883 2123456) or an e-mail address. */
export function contact(label: string) {
  return plainText(label, { max: 60 }).refine(
    (value) => /^(1[3-9]\d{9}|0\d{2,3}[- ]?\d{7,8}(-\d{1,6})?|[\w.+-]+@[\w-]+(\.[\w-]+)+)$/.test(value.replace(/\s+/g, ' ')),
    {
      error: `${label}应为手机号码、固定电话（如 0883-2123456）或电子邮箱`,
    },
  );
}

/** One of the listed values (a select or radio group). */
export function choice<const T extends readonly { value: string; label: string }[]>(label: string, options: T) {
  const values = options.map((o) => o.value) as [T[number]['value'], ...T[number]['value'][]];
  return z.enum(values, { error: `请选择${label}` });
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string>; messages: string[] };

/** Parses a posted body: the data, or the first error of each field in Chinese. */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.output<S>> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '_form');
    errors[key] ??= issue.message;
  }
  return { ok: false, errors, messages: Object.values(errors) };
}
