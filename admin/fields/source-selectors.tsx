import { Button } from '@keystar/ui/button';
import { VStack } from '@keystar/ui/layout';
import { css, tokenSchema } from '@keystar/ui/style';
import { TextArea } from '@keystar/ui/text-field';
import { Text } from '@keystar/ui/typography';
import { useList } from '@keystone-6/core/admin-ui/context';
import type { controller } from '@keystone-6/core/fields/types/json/views';
import type { FieldProps } from '@keystone-6/core/types';

/**
 * 字段名与选择器 explained in plain words (S9, issue 16): for the chosen 采集方式, each selector says what it
 * points at, whether it may be left out and an example, and 填入示例 writes a starting point. The value is
 * still the JSON the syndication library reads; 试采集 just below shows what it yields.
 */

interface Entry {
  key: string;
  what: string;
  example: string;
  required?: boolean;
}

const INTRO =
  '选择器用网页里的标签名和 class 名指出内容在哪里：在浏览器里右键点那段内容，选“检查”，看到 <div class="TRS_UEDITOR"> 就写 div.TRS_UEDITOR，看到 <ul class="list"> 里的每个 <li> 就写 ul.list li。多个写法可放在数组里依次尝试。';

const DETAIL: Entry[] = [
  { key: 'detail.body', what: '详情页正文所在的位置；不填则按中国政府网和 TRS 网站的常见版式查找', example: 'div.TRS_UEDITOR' },
  { key: 'detail.title', what: '详情页的标题；不填则用列表里的标题', example: 'h1' },
  { key: 'detail.number', what: '发文字号，例如“云民发〔2026〕45号”；不填则在信息表里找“发文字号”', example: 'td.wh' },
  { key: 'detail.issuer', what: '发文机关；不填则在信息表里找“发文机关”', example: 'td.fwjg' },
  { key: 'detail.publishedAt', what: '发布日期；不填则在信息表里找“发布日期”', example: 'span.pubdate' },
  { key: 'detail.attachments', what: '附件链接；不填则取正文里指向 PDF、Word、Excel 等文件的链接', example: 'div.fujian a' },
];

const HELP: Record<string, { summary: string; entries: Entry[]; example: unknown }> = {
  'html-list': {
    summary: 'HTML 列表页：先指出列表里“每一条”在哪里，其余可不填。',
    entries: [
      { key: 'list.item', what: '列表里的每一条（必填）', example: 'ul.list li', required: true },
      { key: 'list.title', what: '每一条里的标题；不填则取链接的文字', example: 'a' },
      { key: 'list.link', what: '每一条里指向详情页的链接；不填则取第一个链接', example: 'a.title' },
      { key: 'list.date', what: '每一条里的日期；不填则取文字里的第一个日期', example: 'span.date' },
      ...DETAIL,
    ],
    example: { list: { item: 'ul.list li', date: 'span.date' }, detail: { body: 'div.TRS_UEDITOR' } },
  },
  'json-list': {
    summary: 'JSON 列表：写出接口返回的数据里各项的名称（不是选择器）。不填则按中国政府网接口的名称读取。',
    entries: [
      { key: 'fields.items', what: '条目数组在数据中的位置，用点连接；数据本身就是数组时不填', example: 'searchVO.listVO' },
      { key: 'fields.title', what: '标题的名称', example: 'TITLE' },
      { key: 'fields.url', what: '详情页网址的名称', example: 'URL' },
      { key: 'fields.publishedAt', what: '发布日期的名称', example: 'DOCRELPUBTIME' },
      { key: 'fields.number', what: '发文字号的名称', example: 'FILENUM' },
      ...DETAIL,
    ],
    example: { fields: { items: 'searchVO.listVO', title: 'TITLE', url: 'URL', publishedAt: 'DOCRELPUBTIME' } },
  },
  feed: {
    summary: 'RSS/Atom 订阅源：列表不需要选择器，可以留空；详情页的内容找不准时再填写下面几项。',
    entries: DETAIL,
    example: { detail: { body: 'div.TRS_UEDITOR' } },
  },
  'gov-search-api': {
    summary: '国务院政策文件库接口：不需要选择器，可以留空；详情页的内容找不准时再填写下面几项。',
    entries: DETAIL,
    example: { detail: { body: 'div.pages_content' } },
  },
};

const code = css({ fontFamily: tokenSchema.typography.fontFamily.code, fontSize: tokenSchema.typography.text.small.size });
const cell = { padding: '4px 8px', verticalAlign: 'top', textAlign: 'left' } as const;

export function Field({ field, value, onChange, forceValidation, itemValue }: FieldProps<typeof controller>) {
  const list = useList('SyndicationSource');
  const adapter = String(Object.values(list.fields.adapter.controller.serialize(itemValue.adapter))[0] ?? '');
  const help = HELP[adapter];
  let invalid = false;
  try {
    if (value.trim()) JSON.parse(value);
  } catch {
    invalid = true;
  }
  return (
    <VStack gap="regular">
      <TextArea
        label={field.label}
        description={help ? help.summary : '请先选择采集方式，这里会说明每一项怎么填。'}
        errorMessage={
          invalid && (forceValidation || value.trim()) ? '格式不正确：请检查引号、逗号和括号是否成对，或点“填入示例”重新开始' : undefined
        }
        isReadOnly={onChange === undefined}
        value={value}
        onChange={onChange}
        UNSAFE_className={css({
          textarea: { fontSize: tokenSchema.typography.text.small.size, fontFamily: tokenSchema.typography.fontFamily.code },
        })}
      />
      {help ? (
        <section aria-label="选择器说明" style={{ display: 'grid', gap: 6 }}>
          <Text size="small" color="neutralSecondary">
            {INTRO}
          </Text>
          <table style={{ borderCollapse: 'collapse', fontSize: 13 }}>
            <thead>
              <tr style={{ borderBottom: '1px solid #d0d7de' }}>
                <th style={cell}>项目</th>
                <th style={cell}>指的是</th>
                <th style={cell}>例如</th>
              </tr>
            </thead>
            <tbody>
              {help.entries.map((entry) => (
                <tr key={entry.key} style={{ borderBottom: '1px solid #eaeef2' }}>
                  <td style={{ ...cell, whiteSpace: 'nowrap' }} className={code}>
                    {entry.key}
                  </td>
                  <td style={cell}>{entry.what}</td>
                  <td style={{ ...cell, whiteSpace: 'nowrap' }} className={code}>
                    {entry.example}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {onChange ? (
            <div>
              <Button onPress={() => onChange(JSON.stringify(help.example, null, 2))}>填入示例</Button>
            </div>
          ) : null}
        </section>
      ) : null}
    </VStack>
  );
}
