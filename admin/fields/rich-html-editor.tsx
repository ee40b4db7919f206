import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactElement } from 'react';
import { Extension, mergeAttributes, Node, type Editor, type JSONContent } from '@tiptap/core';
import { EditorContent, NodeViewWrapper, ReactNodeViewRenderer, useEditor, useEditorState, type NodeViewProps } from '@tiptap/react';
import { StarterKit } from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { Image } from '@tiptap/extension-image';
import { Subscript } from '@tiptap/extension-subscript';
import { Superscript } from '@tiptap/extension-superscript';
import { NodeSelection, Plugin, TextSelection } from '@tiptap/pm/state';
import { Button, ButtonGroup } from '@keystar/ui/button';
import { Dialog, DialogContainer } from '@keystar/ui/dialog';
import { Icon } from '@keystar/ui/icon';
import { alignCenterIcon } from '@keystar/ui/icon/icons/alignCenterIcon';
import { alignRightIcon } from '@keystar/ui/icon/icons/alignRightIcon';
import { barChart3Icon } from '@keystar/ui/icon/icons/barChart3Icon';
import { boldIcon } from '@keystar/ui/icon/icons/boldIcon';
import { imagePlusIcon } from '@keystar/ui/icon/icons/imagePlusIcon';
import { italicIcon } from '@keystar/ui/icon/icons/italicIcon';
import { link2OffIcon } from '@keystar/ui/icon/icons/link2OffIcon';
import { linkIcon } from '@keystar/ui/icon/icons/linkIcon';
import { listIcon } from '@keystar/ui/icon/icons/listIcon';
import { listOrderedIcon } from '@keystar/ui/icon/icons/listOrderedIcon';
import { paperclipIcon } from '@keystar/ui/icon/icons/paperclipIcon';
import { quoteIcon } from '@keystar/ui/icon/icons/quoteIcon';
import { redo2Icon } from '@keystar/ui/icon/icons/redo2Icon';
import { separatorHorizontalIcon } from '@keystar/ui/icon/icons/separatorHorizontalIcon';
import { subscriptIcon } from '@keystar/ui/icon/icons/subscriptIcon';
import { superscriptIcon } from '@keystar/ui/icon/icons/superscriptIcon';
import { tableIcon } from '@keystar/ui/icon/icons/tableIcon';
import { underlineIcon } from '@keystar/ui/icon/icons/underlineIcon';
import { undo2Icon } from '@keystar/ui/icon/icons/undo2Icon';
import { VStack } from '@keystar/ui/layout';
import { Content } from '@keystar/ui/slots';
import { TextField } from '@keystar/ui/text-field';
import { Heading, Text } from '@keystar/ui/typography';
import type { controller } from '@keystone-6/core/fields/types/text/views';
import type { CellComponent, FieldProps } from '@keystone-6/core/types';
import { chartKindOptions, chartSummary, parseChart } from '../../src/platform/charts/table.ts';
import { translateMessage } from '../../src/platform/admin-ui/runtime/zh-cn.js';
import { cleanOfficeHtml } from './office-paste.ts';

/*
 * The body editor of documents, interpretations and consultation drafts (a Keystone text field whose value is
 * HTML): TipTap, on ProseMirror. What it writes is the allowlist the server keeps (src/platform/content/
 * rich-html.ts sanitizes every save): paragraphs (centred or right-aligned by class, never by style), headings
 * 二 to 四, lists, quotes, rules, tables, bold, italic, underline, super- and subscript, links; with `media`,
 * images and attachments uploaded to 媒体文件 from the editor; with `charts`, chart blocks drawn by the site.
 * Text pasted from Word or WPS is cleaned first (office-paste.ts), and pictures that cannot come with it are
 * counted aloud.
 */

export interface RichHtmlFeatures {
  /** 插入图片 and 插入附件: uploads to the Media list. */
  media: boolean;
  /** 插入图表: chart blocks. */
  charts: boolean;
}

type TextController = ReturnType<typeof controller>;

const styles = `
/* Its width never follows its content (a wide table scrolls inside): the form's column keeps its size. */
.gongkai-rte-field { contain: inline-size; width: 100%; min-width: 0; max-width: 100%; }
.gongkai-rte { border: 1px solid #afb8c1; border-radius: 6px; background: #fff; max-width: 100%; min-width: 0; box-sizing: border-box; }
.gongkai-rte:focus-within { border-color: #0969da; box-shadow: 0 0 0 1px #0969da; }
.gongkai-rte[data-invalid='true'] { border-color: #cf222e; }
.gongkai-rte__toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 2px; padding: 4px 6px; border-bottom: 1px solid #d0d7de;
  background: #f6f8fa; border-radius: 6px 6px 0 0; position: sticky; top: 0; z-index: 2; }
.gongkai-rte__toolbar button, .gongkai-rte__toolbar select { font: inherit; font-size: 14px; color: #1f2328; height: 32px; border: 1px solid transparent;
  border-radius: 4px; background: transparent; cursor: pointer; }
.gongkai-rte__toolbar button { min-width: 32px; padding: 0 6px; display: inline-flex; align-items: center; justify-content: center; gap: 4px; }
.gongkai-rte__toolbar select { border-color: #d0d7de; background: #fff; padding: 0 4px; margin-right: 4px; }
.gongkai-rte__toolbar button:hover:not(:disabled) { background: #eaeef2; }
.gongkai-rte__toolbar button[aria-pressed='true'] { background: #ddf4ff; border-color: #54aeff; }
.gongkai-rte__toolbar button:disabled { opacity: 0.4; cursor: default; }
.gongkai-rte__toolbar button:focus-visible, .gongkai-rte__toolbar select:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.gongkai-rte__sep { width: 1px; align-self: stretch; background: #d0d7de; margin: 4px 4px; }
.gongkai-rte__table-tools { display: flex; flex-wrap: wrap; align-items: center; gap: 2px; flex-basis: 100%; padding-top: 4px; margin-top: 2px;
  border-top: 1px dashed #d0d7de; }
.gongkai-rte__table-tools > span { font-size: 13px; color: #57606a; margin-right: 4px; }
.gongkai-rte__bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 6px 10px; font-size: 14px; border-bottom: 1px solid #d0d7de; }
.gongkai-rte__bar[data-tone='notice'] { background: #fff8c5; color: #3b2300; }
.gongkai-rte__bar[data-tone='image'] { background: #f6f8fa; }
.gongkai-rte__bar button { font: inherit; font-size: 13px; padding: 2px 8px; border: 1px solid #afb8c1; border-radius: 4px; background: #fff; cursor: pointer; }
.gongkai-rte__bar .gongkai-rte__alt { color: #1f2328; overflow-wrap: anywhere; }
.gongkai-rte__bar .gongkai-rte__missing { color: #a40e26; font-weight: 600; }
.gongkai-rte__body { max-width: 100%; overflow: hidden; }
.gongkai-rte .ProseMirror { min-height: 240px; padding: 12px 16px; line-height: 1.8; font-size: 15px; outline: none; overflow-wrap: anywhere;
  color: #1f2328; font-family: inherit; }
.gongkai-rte .ProseMirror[contenteditable='false'] { background: #f6f8fa; }
.gongkai-rte .ProseMirror > * { margin-top: 0.5em; margin-bottom: 0; }
.gongkai-rte .ProseMirror > :first-child { margin-top: 0; }
.gongkai-rte .ProseMirror li p, .gongkai-rte .ProseMirror td p, .gongkai-rte .ProseMirror th p { margin: 0; }
.gongkai-rte .ProseMirror h2 { font-size: 1.4em; margin: 0.8em 0 0.3em; line-height: 1.4; }
.gongkai-rte .ProseMirror h3 { font-size: 1.2em; margin: 0.8em 0 0.3em; line-height: 1.4; }
.gongkai-rte .ProseMirror h4 { font-size: 1.05em; margin: 0.8em 0 0.3em; line-height: 1.4; }
.gongkai-rte .ProseMirror .text-center { text-align: center; }
.gongkai-rte .ProseMirror .text-right { text-align: right; }
.gongkai-rte .ProseMirror ul, .gongkai-rte .ProseMirror ol { padding-left: 2em; margin: 0.4em 0; }
.gongkai-rte .ProseMirror blockquote { border-left: 4px solid #d0d7de; margin: 0.6em 0; padding: 0 1em; color: #424a53; }
.gongkai-rte .ProseMirror hr { border: none; border-top: 1px solid #8c959f; margin: 1em 0; }
.gongkai-rte .ProseMirror hr.ProseMirror-selectednode { border-top: 2px solid #0969da; }
.gongkai-rte .ProseMirror a { color: #0550ae; text-decoration: underline; }
/* As the site shows it: a block of its own, at the left, never wider than the text. */
.gongkai-rte .ProseMirror img { display: block; max-width: 100%; height: auto; margin: 0.6em 0; }
.gongkai-rte .ProseMirror img.ProseMirror-selectednode { outline: 3px solid #0969da; outline-offset: 2px; }
.gongkai-rte .ProseMirror .tableWrapper { max-width: 100%; overflow-x: auto; margin: 0.6em 0; }
.gongkai-rte .ProseMirror table { border-collapse: collapse; margin: 0; }
.gongkai-rte .ProseMirror td, .gongkai-rte .ProseMirror th { border: 1px solid #6e7781; padding: 4px 8px; vertical-align: top; min-width: 4em;
  position: relative; box-sizing: border-box; }
.gongkai-rte .ProseMirror th { background: #eef1f4; font-weight: 600; }
.gongkai-rte .ProseMirror td > * + *, .gongkai-rte .ProseMirror th > * + * { margin-top: 0.3em; }
.gongkai-rte .ProseMirror .selectedCell::after { content: ''; position: absolute; inset: 0; background: rgba(9, 105, 218, 0.18); pointer-events: none; }
.gongkai-rte .ProseMirror .column-resize-handle { display: none; }
.gongkai-rte .ProseMirror-gapcursor::after { border-top-color: #0969da; }
.gongkai-chart { margin: 0.8em 0; border: 1px solid #afb8c1; border-radius: 6px; padding: 12px 16px; background: #f6f8fa; line-height: 1.5;
  font-size: 14px; }
.gongkai-chart[data-selected='true'] { outline: 3px solid #0969da; outline-offset: 1px; }
.gongkai-chart__head { display: flex; justify-content: space-between; align-items: center; gap: 8px; margin-bottom: 8px; }
.gongkai-chart__grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(12em, 1fr)); gap: 8px 12px; }
.gongkai-chart label { display: grid; gap: 2px; font-weight: 500; }
.gongkai-chart input, .gongkai-chart select, .gongkai-chart textarea { font: inherit; font-weight: 400; padding: 4px 6px; border: 1px solid #8c959f;
  border-radius: 4px; background: #fff; min-width: 0; box-sizing: border-box; width: 100%; }
.gongkai-chart textarea { font-family: ui-monospace, monospace; min-height: 8em; resize: vertical; tab-size: 12; }
.gongkai-chart__data { margin-top: 8px; }
.gongkai-chart__ok { margin: 8px 0 0; color: #1a7f37; }
.gongkai-chart__problems { margin: 8px 0 0; padding-left: 1.4em; color: #a40e26; }
.gongkai-chart__head button { font: inherit; font-size: 13px; padding: 2px 8px; border: 1px solid #afb8c1; border-radius: 4px; background: #fff; cursor: pointer; }
.gongkai-rte-dialog__file { display: grid; gap: 6px; justify-items: start; }
.gongkai-rte-dialog__alert { color: #a40e26; margin: 0; padding: 8px 12px; border: 1px solid #ff8182; border-radius: 6px; background: #ffebe9;
  white-space: pre-line; }
.gongkai-rte-dialog__alert ul { margin: 0; padding-left: 1.2em; }
.gongkai-rte-dialog__progress { display: flex; align-items: center; gap: 8px; }
.gongkai-rte-dialog__progress progress { flex: 1; }
`;

// ——— Schema ———

/** Alignment of a paragraph, as the classes the site's style sheet knows (text-center, text-right); never a style. */
const ParagraphAlignment = Extension.create({
  name: 'paragraphAlignment',
  addGlobalAttributes() {
    return [
      {
        types: ['paragraph'],
        attributes: {
          textAlign: {
            default: null,
            parseHTML: (element: HTMLElement) =>
              element.classList.contains('text-center') ? 'center' : element.classList.contains('text-right') ? 'right' : null,
            renderHTML: (attributes: Record<string, unknown>) =>
              attributes.textAlign === 'center' || attributes.textAlign === 'right' ? { class: `text-${attributes.textAlign}` } : {},
          },
        },
      },
    ];
  },
});

/**
 * Typing while a picture or a chart is selected (a click on it selects it) writes after it, instead of replacing
 * it by the letter typed: a stray key must not delete a chart and its data.
 */
const KeepSelectedBlocks = Extension.create({
  name: 'keepSelectedBlocks',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          handleTextInput(view, _from, _to, text) {
            const { selection, schema } = view.state;
            if (!(selection instanceof NodeSelection) || !['chart', 'image'].includes(selection.node.type.name)) return false;
            const tr = view.state.tr;
            if (!tr.doc.resolve(selection.to).nodeAfter?.isTextblock) tr.insert(selection.to, schema.nodes.paragraph.create());
            tr.setSelection(TextSelection.create(tr.doc, selection.to + 1)).insertText(text);
            view.dispatch(tr.scrollIntoView());
            return true;
          },
        },
      }),
    ];
  },
});

const chartFields = ['kind', 'title', 'unit', 'source', 'data'] as const;
type ChartAttributes = Record<(typeof chartFields)[number], string>;
const emptyChart: ChartAttributes = { kind: 'compare', title: '', unit: '', source: '', data: '' };

function chartAttributeOf(element: HTMLElement, key: keyof ChartAttributes): string {
  try {
    const parsed: unknown = JSON.parse(element.getAttribute('data-chart') ?? '');
    const value = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' ? value : emptyChart[key];
  } catch {
    return emptyChart[key];
  }
}

/** 图表: `<figure data-chart='{"kind":…,"title":…,"unit":…,"source":…,"data":…}'></figure>`, edited in a small form. */
const ChartBlock = Node.create({
  name: 'chart',
  group: 'block',
  atom: true,
  selectable: true,
  // Not dragged: a drag that selects words in its fields must not move the block (cut and paste moves it).
  draggable: false,
  addAttributes() {
    return Object.fromEntries(
      chartFields.map((key) => [
        key,
        { default: emptyChart[key], rendered: false, parseHTML: (element: HTMLElement) => chartAttributeOf(element, key) },
      ]),
    );
  },
  parseHTML() {
    return [{ tag: 'figure[data-chart]' }];
  },
  renderHTML({ node }) {
    const data = Object.fromEntries(chartFields.map((key) => [key, typeof node.attrs[key] === 'string' ? node.attrs[key] : '']));
    return ['figure', mergeAttributes({ 'data-chart': JSON.stringify(data) })];
  },
  addNodeView() {
    return ReactNodeViewRenderer(ChartCard);
  },
});

function ChartCard({ node, updateAttributes, editor, selected, deleteNode }: NodeViewProps) {
  const id = useId();
  const attrs = Object.fromEntries(chartFields.map((key) => [key, String(node.attrs[key] ?? '')])) as ChartAttributes;
  const parsed = parseChart(attrs);
  const readOnly = !editor.isEditable;
  const kindLabel = chartKindOptions.find((option) => option.value === attrs.kind)?.label ?? '图表';
  const set = (key: keyof ChartAttributes) => (event: { target: { value: string } }) => updateAttributes({ [key]: event.target.value });
  return (
    <NodeViewWrapper className="gongkai-chart" data-selected={selected ? 'true' : 'false'} contentEditable={false}>
      <div role="group" aria-label={`图表：${attrs.title || '未填写标题'}`}>
        <div className="gongkai-chart__head">
          <strong>
            {kindLabel}：{attrs.title || '（未填写标题）'}
          </strong>
          {readOnly ? null : (
            <button type="button" onClick={() => deleteNode()} aria-label="删除图表" title="删除图表">
              删除图表
            </button>
          )}
        </div>
        <div className="gongkai-chart__grid">
          <label htmlFor={`${id}-kind`}>
            图表类型
            <select id={`${id}-kind`} value={attrs.kind} onChange={set('kind')} disabled={readOnly}>
              {chartKindOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={`${id}-title`}>
            图表标题
            <input id={`${id}-title`} type="text" value={attrs.title} onChange={set('title')} readOnly={readOnly} />
          </label>
          <label htmlFor={`${id}-unit`}>
            单位（如：元、人、%）
            <input id={`${id}-unit`} type="text" value={attrs.unit} onChange={set('unit')} readOnly={readOnly} />
          </label>
          <label htmlFor={`${id}-source`}>
            数据来源
            <input id={`${id}-source`} type="text" value={attrs.source} onChange={set('source')} readOnly={readOnly} />
          </label>
        </div>
        <label htmlFor={`${id}-data`} className="gongkai-chart__data">
          数据表：从 Excel 或 WPS 复制粘贴，第一行为表头（类别、各数据列名称），以下每行一个类别
          <textarea id={`${id}-data`} value={attrs.data} onChange={set('data')} readOnly={readOnly} rows={6} spellCheck={false} />
        </label>
        {parsed.chart ? (
          <p className="gongkai-chart__ok">
            {parsed.chart.table.rows.length} 行数据，网站将自动生成图表和数据表。要点：{chartSummary(parsed.chart)}
          </p>
        ) : (
          <ul className="gongkai-chart__problems" aria-label="需要修改">
            {parsed.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
      </div>
    </NodeViewWrapper>
  );
}

const allowedHref = (href: string) => /^(https?:\/\/\S+|mailto:\S+@\S+|\/(?!\/)\S*)$/i.test(href.trim());

/**
 * Inserts at the cursor; when a block is selected (an image, a chart, a rule), after it rather than over it:
 * 插入附件 with a picture selected must not replace the picture.
 */
function insertContent(editor: Editor, content: JSONContent | JSONContent[], { focus = true } = {}) {
  const { selection } = editor.state;
  const chain = focus ? editor.chain().focus() : editor.chain();
  const done = (selection instanceof NodeSelection ? chain.insertContentAt(selection.to, content) : chain.insertContent(content)).run();
  // A block inserted last is left selected: typing would replace it. The writer goes on in the text after it.
  const after = editor.state.selection;
  if (done && after instanceof NodeSelection) {
    const next = editor.state.doc.resolve(after.to).nodeAfter;
    if (next?.isTextblock) editor.commands.setTextSelection(after.to + 1);
    else
      editor
        .chain()
        .insertContentAt(after.to, { type: 'paragraph' })
        .setTextSelection(after.to + 1)
        .run();
  }
  return done;
}

const tableCell = (type: 'tableHeader' | 'tableCell'): JSONContent => ({ type, content: [{ type: 'paragraph' }] });
const tableRow = (type: 'tableHeader' | 'tableCell'): JSONContent => ({ type: 'tableRow', content: [1, 2, 3].map(() => tableCell(type)) });
/** 插入表格: three rows of three cells, the first a header row. */
function insertTable(editor: Editor) {
  if (editor.state.selection instanceof NodeSelection) {
    return insertContent(editor, { type: 'table', content: [tableRow('tableHeader'), tableRow('tableCell'), tableRow('tableCell')] });
  }
  return editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run();
}

function extensionsFor({ media, charts }: RichHtmlFeatures) {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      code: false,
      codeBlock: false,
      strike: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        HTMLAttributes: { target: null, rel: null, class: null },
        isAllowedUri: (url) => allowedHref(url),
      },
    }),
    ParagraphAlignment,
    KeepSelectedBlocks,
    Subscript,
    Superscript,
    TableKit.configure({ table: { resizable: false, cellMinWidth: 60 } }),
    ...(media ? [Image.configure({ inline: false, allowBase64: false })] : []),
    ...(charts ? [ChartBlock] : []),
  ];
}

// ——— Uploads ———

export type UploadKind = 'image' | 'document';

export interface UploadedMedia {
  id: string;
  title: string;
  altText: string | null;
  url: string;
}

/** The Chinese lines of the server's refusal, without Keystone's English frame ("You provided invalid data …"). */
export function refusalLines(messages: string[]): string[] {
  const lines = messages
    .flatMap((message) => translateMessage(message).split('\n'))
    .map((line) => line.replace(/^\s*-\s*/, '').trim())
    // Headings such as 提交的内容未通过校验：, when the reasons follow on their own lines.
    .filter((line, index, all) => line && !(line.endsWith('：') && index < all.length - 1));
  const chinese = lines.map((line) => {
    const size = /exceeds the (\d+) byte size limit/.exec(line);
    if (size) return `文件太大：不能超过 ${Math.floor(Number(size[1]) / 1024 / 1024)} MB`;
    return /[\u4e00-\u9fff]/.test(line) ? line : '上传未能完成：服务器拒绝了这个文件，请检查文件后重试';
  });
  return [...new Set(chinese)];
}

/** Uploads a file to 媒体文件 through the GraphQL multipart request the Admin UI's own uploads use. */
function uploadMedia(
  file: File,
  data: { title: string; kind: UploadKind; altText?: string },
  onProgress: (fraction: number) => void,
): Promise<{ media: UploadedMedia } | { problems: string[] }> {
  const operations = {
    query: 'mutation($data: MediaCreateInput!) { createMedia(data: $data) { id title altText file { url filename } } }',
    variables: { data: { ...data, file: { upload: null } } },
  };
  const form = new FormData();
  form.append('operations', JSON.stringify(operations));
  form.append('map', JSON.stringify({ 0: ['variables.data.file.upload'] }));
  form.append('0', file, file.name);
  return new Promise((resolve) => {
    // XMLHttpRequest rather than fetch: it reports the upload's progress (attachments go up to 50 MB).
    const request = new XMLHttpRequest();
    request.open('POST', '/api/graphql');
    request.setRequestHeader('apollo-require-preflight', 'true');
    request.withCredentials = true;
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => resolve({ problems: ['无法连接服务器：请检查网络后重试'] });
    request.onload = () => {
      let body: {
        data?: { createMedia?: { id: string; title: string; altText: string | null; file: { url: string } | null } | null };
        errors?: { message: string }[];
      };
      try {
        body = JSON.parse(request.responseText);
      } catch {
        return resolve({
          problems: [request.status === 413 ? '文件太大，服务器未接收' : `上传未能完成（服务器返回了错误，状态码 ${request.status}）`],
        });
      }
      const created = body.data?.createMedia;
      if (body.errors?.length || !created?.file) {
        const problems = refusalLines((body.errors ?? []).map((error) => error.message));
        return resolve({ problems: problems.length ? problems : ['上传未能完成，请重试'] });
      }
      resolve({ media: { id: created.id, title: created.title, altText: created.altText, url: created.file.url } });
    };
    request.send(form);
  });
}

const imageTypes = 'image/png,image/jpeg,image/gif,image/webp';
const documentTypes = '.pdf,.ofd,.odt,.ods,.odp,.txt,.csv,.doc,.docx,.xls,.xlsx,.wps,.et,.zip';
const withoutExtension = (name: string) => name.replace(/\.[^.]+$/, '');
// A picture pasted from the clipboard is named image.png by the browser: it gets a Chinese name instead.
const defaultTitle = (file: File) => (/^image\.(png|jpe?g|gif|webp)$/i.test(file.name) ? '粘贴的图片' : withoutExtension(file.name));
const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
export const ALT_REQUIRED = '请填写替代文本：用一句话说明图片的内容，供读屏软件朗读';

function stop(event: FormEvent) {
  // The dialog sits in a portal, but React still bubbles its submit to the item's own form.
  event.preventDefault();
  event.stopPropagation();
}

/** A field's error, announced as it appears (the dialog's own check, before anything is sent). */
const fieldAlert = (message: string | undefined) => (message ? <span role="alert">{message}</span> : undefined);

/** After a refused 确定, the first field to fix takes the focus. */
function focusFirstInvalid(form: HTMLFormElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[data-invalid="true"] button, [aria-invalid="true"]')?.focus());
}

function Problems({ problems }: { problems: string[] }) {
  if (!problems.length) return null;
  return (
    <div role="alert" className="gongkai-rte-dialog__alert">
      {problems.length === 1 ? (
        problems[0]
      ) : (
        <ul>
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** 插入图片 / 插入附件: choose a file, name it (and describe it), upload it to 媒体文件, insert it. */
function UploadDialog({
  kind,
  initialFile,
  onCancel,
  onUploaded,
  onBusy,
}: {
  kind: UploadKind;
  initialFile: File | null;
  onCancel: () => void;
  onUploaded: (media: UploadedMedia, name: string) => void;
  onBusy: (busy: boolean) => void;
}) {
  const formId = useId();
  const form = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const image = kind === 'image';
  const [file, setFile] = useState<File | null>(initialFile);
  const [title, setTitle] = useState(initialFile ? defaultTitle(initialFile) : '');
  const [titleTouched, setTitleTouched] = useState(false);
  const [altText, setAltText] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const uploading = progress !== null;
  const fileLabel = image ? '选择图片文件' : '选择文件';
  const fileError = showErrors && !file ? (image ? '请选择图片文件' : '请选择要上传的文件') : undefined;
  const altError = showErrors && image && !altText.trim() ? ALT_REQUIRED : undefined;
  const titleError = showErrors && !image && !title.trim() ? '请填写附件名称' : undefined;

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setProblems([]);
    if (chosen && !titleTouched) setTitle(defaultTitle(chosen));
  };

  const submit = async (event: FormEvent) => {
    stop(event);
    if (uploading) return;
    setShowErrors(true);
    if (!file || (image && !altText.trim()) || (!image && !title.trim())) return focusFirstInvalid(form.current);
    setProblems([]);
    setProgress(0);
    onBusy(true);
    const name = title.trim() || defaultTitle(file);
    const result = await uploadMedia(file, { title: name, kind, ...(image ? { altText: altText.trim() } : {}) }, setProgress);
    setProgress(null);
    onBusy(false);
    if ('problems' in result) return setProblems(result.problems);
    onUploaded(result.media, name);
  };

  return (
    <Dialog size="medium" aria-label={image ? '插入图片' : '插入附件'}>
      <Heading>{image ? '插入图片' : '插入附件'}</Heading>
      <Content>
        <form id={formId} ref={form} onSubmit={submit} noValidate>
          <VStack gap="large">
            <div className="gongkai-rte-dialog__file" data-invalid={fileError ? 'true' : undefined}>
              <Text weight="medium">{fileLabel}</Text>
              <input
                ref={input}
                type="file"
                accept={image ? imageTypes : documentTypes}
                aria-label={fileLabel}
                style={{ display: 'none' }}
                onChange={(event) => choose(event.target.files?.[0] ?? null)}
              />
              <Button onPress={() => input.current?.click()} isDisabled={uploading}>
                {file ? '重新选择…' : `${fileLabel}…`}
              </Button>
              <Text size="small" color="neutralSecondary">
                {file
                  ? `已选择：${file.name}（${sizeOf(file.size)}）`
                  : image
                    ? '可上传 PNG、JPG、GIF、WebP 格式的图片，不超过 10 MB'
                    : '可上传 PDF、OFD、Word、Excel、WPS、压缩包等文件，不超过 50 MB'}
              </Text>
              {fileError ? (
                <Text size="small" color="critical" role="alert">
                  {fileError}
                </Text>
              ) : null}
            </div>
            {image ? (
              <TextField
                label="替代文本"
                description="用一句话说明图片的内容，例如“2026年城乡低保标准对比示意图”。看不见图片的读者会听到这段文字"
                isRequired
                value={altText}
                onChange={setAltText}
                errorMessage={fieldAlert(altError)}
                isDisabled={uploading}
                autoFocus={Boolean(initialFile)}
              />
            ) : null}
            <TextField
              label={image ? '图片标题' : '名称'}
              description={image ? '在媒体文件中显示的名称，默认为文件名' : '正文中显示的附件名称，默认为文件名'}
              value={title}
              onChange={(next) => {
                setTitle(next);
                setTitleTouched(true);
              }}
              errorMessage={fieldAlert(titleError)}
              isRequired={!image}
              isDisabled={uploading}
            />
            {uploading ? (
              <div role="status" className="gongkai-rte-dialog__progress">
                <span>正在上传… {Math.round((progress ?? 0) * 100)}%</span>
                <progress value={progress ?? 0} max={1} aria-label="上传进度" />
              </div>
            ) : null}
            <Problems problems={problems} />
          </VStack>
        </form>
      </Content>
      <ButtonGroup>
        <Button onPress={onCancel} isDisabled={uploading}>
          取消
        </Button>
        <Button type="submit" form={formId} prominence="high" isDisabled={uploading}>
          {uploading ? '正在上传…' : '上传并插入'}
        </Button>
      </ButtonGroup>
    </Dialog>
  );
}

/** 链接: the address of the selected text (or a new link with its text); http(s), mailto: or a page of this site. */
function LinkDialog({
  initialHref,
  askText,
  onCancel,
  onConfirm,
  onRemove,
}: {
  initialHref: string;
  askText: boolean;
  onCancel: () => void;
  onConfirm: (href: string, text: string) => void;
  onRemove?: () => void;
}) {
  const formId = useId();
  const [href, setHref] = useState(initialHref);
  const [text, setText] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const hrefError = !showErrors
    ? undefined
    : !href.trim()
      ? '请填写网址'
      : !allowedHref(href)
        ? '网址应以 http:// 或 https:// 开头；邮箱地址写作 mailto:地址；本站页面以 / 开头'
        : undefined;
  const submit = (event: FormEvent) => {
    stop(event);
    setShowErrors(true);
    if (!href.trim() || !allowedHref(href)) return focusFirstInvalid(event.currentTarget as HTMLFormElement);
    onConfirm(href.trim(), text.trim() || href.trim());
  };
  return (
    <Dialog size="small" aria-label="链接">
      <Heading>{initialHref ? '修改链接' : '添加链接'}</Heading>
      <Content>
        <form id={formId} onSubmit={submit} noValidate>
          <VStack gap="large">
            <TextField
              label="网址"
              description="例如 https://www.gov.cn/，或本站页面 /documents/…"
              value={href}
              onChange={setHref}
              errorMessage={fieldAlert(hrefError)}
              isRequired
              autoFocus
            />
            {askText ? <TextField label="链接文字" description="不填则显示网址" value={text} onChange={setText} /> : null}
          </VStack>
        </form>
      </Content>
      <ButtonGroup>
        {onRemove ? <Button onPress={onRemove}>取消链接</Button> : null}
        <Button onPress={onCancel}>取消</Button>
        <Button type="submit" form={formId} prominence="high">
          确定
        </Button>
      </ButtonGroup>
    </Dialog>
  );
}

/** 修改替代文本 of the selected image: never empty. */
function AltTextDialog({ initial, onCancel, onConfirm }: { initial: string; onCancel: () => void; onConfirm: (alt: string) => void }) {
  const formId = useId();
  const [alt, setAlt] = useState(initial);
  const [showErrors, setShowErrors] = useState(false);
  const submit = (event: FormEvent) => {
    stop(event);
    setShowErrors(true);
    if (alt.trim()) onConfirm(alt.trim());
    else focusFirstInvalid(event.currentTarget as HTMLFormElement);
  };
  return (
    <Dialog size="small" aria-label="修改替代文本">
      <Heading>修改替代文本</Heading>
      <Content>
        <form id={formId} onSubmit={submit} noValidate>
          <TextField
            label="替代文本"
            description="用一句话说明图片的内容，看不见图片的读者会听到这段文字"
            value={alt}
            onChange={setAlt}
            errorMessage={fieldAlert(showErrors && !alt.trim() ? ALT_REQUIRED : undefined)}
            isRequired
            autoFocus
          />
        </form>
      </Content>
      <ButtonGroup>
        <Button onPress={onCancel}>取消</Button>
        <Button type="submit" form={formId} prominence="high">
          确定
        </Button>
      </ButtonGroup>
    </Dialog>
  );
}

// ——— Toolbar ———

function ToolButton({
  label,
  icon,
  text,
  pressed,
  disabled,
  onPress,
}: {
  label: string;
  icon?: Parameters<typeof Icon>[0]['src'];
  text?: string;
  pressed?: boolean;
  disabled?: boolean;
  onPress: () => void;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed === undefined ? undefined : pressed}
      disabled={disabled}
      // Keeps the editor's selection where it is.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onPress}
    >
      {icon ? <Icon src={icon} /> : null}
      {text ? <span>{text}</span> : null}
    </button>
  );
}

const blockTypes = [
  { value: 'p', label: '正文' },
  { value: 'h2', label: '标题二' },
  { value: 'h3', label: '标题三' },
  { value: 'h4', label: '标题四' },
] as const;

function toolbarState(editor: Editor) {
  const heading = ([2, 3, 4] as const).find((level) => editor.isActive('heading', { level }));
  const align = editor.getAttributes('paragraph').textAlign as string | null | undefined;
  const can = editor.can();
  return {
    undo: can.undo(),
    redo: can.redo(),
    block: heading ? `h${heading}` : 'p',
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    underline: editor.isActive('underline'),
    superscript: editor.isActive('superscript'),
    subscript: editor.isActive('subscript'),
    paragraph: editor.isActive('paragraph'),
    center: editor.isActive('paragraph') && align === 'center',
    right: editor.isActive('paragraph') && align === 'right',
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    blockquote: editor.isActive('blockquote'),
    link: editor.isActive('link'),
    inTable: editor.isActive('table'),
    canMerge: can.mergeCells(),
    canSplit: can.splitCell(),
    headerRow: editor.isActive('tableHeader'),
    image: editor.isActive('image'),
    imageAlt: editor.isActive('image') ? String(editor.getAttributes('image').alt ?? '') : '',
  };
}

function Toolbar({
  editor,
  label,
  features,
  onLink,
  onUpload,
  disabled,
}: {
  editor: Editor;
  label: string;
  features: RichHtmlFeatures;
  onLink: () => void;
  onUpload: (kind: UploadKind) => void;
  disabled: boolean;
}) {
  const state = useEditorState({ editor, selector: ({ editor }) => toolbarState(editor) });
  const chain = () => editor.chain().focus();
  // One tab stop for the whole toolbar; the arrow keys, Home and End move along it (WAI-ARIA toolbar), Esc
  // goes back to the text.
  const toolbar = useRef<HTMLDivElement>(null);
  const current = useRef<HTMLElement | null>(null);
  const items = () => Array.from(toolbar.current?.querySelectorAll<HTMLElement>('button:not(:disabled), select:not(:disabled)') ?? []);
  const rove = (to: HTMLElement | undefined) => {
    const all = items();
    const stop = to && all.includes(to) ? to : all[0];
    for (const item of all) item.tabIndex = item === stop ? 0 : -1;
    current.current = stop ?? null;
  };
  useLayoutEffect(() => rove(current.current ?? undefined));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      editor.commands.focus();
      return;
    }
    const all = items();
    const at = all.indexOf(event.target as HTMLElement);
    const next =
      event.key === 'ArrowRight'
        ? all[(at + 1) % all.length]
        : event.key === 'ArrowLeft'
          ? all[(at - 1 + all.length) % all.length]
          : event.key === 'Home'
            ? all[0]
            : event.key === 'End'
              ? all[all.length - 1]
              : undefined;
    if (at < 0 || !next) return;
    event.preventDefault();
    rove(next);
    next.focus();
  };
  const align = (value: 'center' | 'right') =>
    chain()
      .updateAttributes('paragraph', { textAlign: state[value] ? null : value })
      .run();
  return (
    <div
      ref={toolbar}
      role="toolbar"
      aria-label={`${label}格式`}
      className="gongkai-rte__toolbar"
      aria-disabled={disabled || undefined}
      onKeyDown={onKeyDown}
      onFocus={(event) => rove(event.target)}
    >
      <ToolButton label="撤销" icon={undo2Icon} disabled={disabled || !state.undo} onPress={() => chain().undo().run()} />
      <ToolButton label="重做" icon={redo2Icon} disabled={disabled || !state.redo} onPress={() => chain().redo().run()} />
      <span className="gongkai-rte__sep" />
      <select
        aria-label="段落格式"
        title="段落格式"
        value={state.block}
        disabled={disabled}
        onChange={(event) => {
          const value = event.target.value;
          if (value === 'p') chain().setParagraph().run();
          else
            chain()
              .setHeading({ level: Number(value.slice(1)) as 2 | 3 | 4 })
              .run();
        }}
      >
        {blockTypes.map((type) => (
          <option key={type.value} value={type.value}>
            {type.label}
          </option>
        ))}
      </select>
      <ToolButton label="加粗" icon={boldIcon} pressed={state.bold} disabled={disabled} onPress={() => chain().toggleBold().run()} />
      <ToolButton label="斜体" icon={italicIcon} pressed={state.italic} disabled={disabled} onPress={() => chain().toggleItalic().run()} />
      <ToolButton
        label="下划线"
        icon={underlineIcon}
        pressed={state.underline}
        disabled={disabled}
        onPress={() => chain().toggleUnderline().run()}
      />
      <ToolButton
        label="上标"
        icon={superscriptIcon}
        pressed={state.superscript}
        disabled={disabled}
        onPress={() => chain().toggleSuperscript().run()}
      />
      <ToolButton
        label="下标"
        icon={subscriptIcon}
        pressed={state.subscript}
        disabled={disabled}
        onPress={() => chain().toggleSubscript().run()}
      />
      <span className="gongkai-rte__sep" />
      <ToolButton
        label="居中"
        icon={alignCenterIcon}
        pressed={state.center}
        disabled={disabled || !state.paragraph}
        onPress={() => align('center')}
      />
      <ToolButton
        label="右对齐"
        icon={alignRightIcon}
        pressed={state.right}
        disabled={disabled || !state.paragraph}
        onPress={() => align('right')}
      />
      <span className="gongkai-rte__sep" />
      <ToolButton
        label="无序列表"
        icon={listIcon}
        pressed={state.bulletList}
        disabled={disabled}
        onPress={() => chain().toggleBulletList().run()}
      />
      <ToolButton
        label="有序列表"
        icon={listOrderedIcon}
        pressed={state.orderedList}
        disabled={disabled}
        onPress={() => chain().toggleOrderedList().run()}
      />
      <ToolButton
        label="引用"
        icon={quoteIcon}
        pressed={state.blockquote}
        disabled={disabled}
        onPress={() => chain().toggleBlockquote().run()}
      />
      <ToolButton label="分隔线" icon={separatorHorizontalIcon} disabled={disabled} onPress={() => chain().setHorizontalRule().run()} />
      <span className="gongkai-rte__sep" />
      <ToolButton label="链接" icon={linkIcon} pressed={state.link} disabled={disabled} onPress={onLink} />
      <ToolButton
        label="取消链接"
        icon={link2OffIcon}
        disabled={disabled || !state.link}
        onPress={() => chain().extendMarkRange('link').unsetLink().run()}
      />
      <ToolButton label="插入表格" icon={tableIcon} text="表格" disabled={disabled || state.inTable} onPress={() => insertTable(editor)} />
      {features.media ? (
        <>
          <ToolButton label="插入图片" icon={imagePlusIcon} text="图片" disabled={disabled} onPress={() => onUpload('image')} />
          <ToolButton label="插入附件" icon={paperclipIcon} text="附件" disabled={disabled} onPress={() => onUpload('document')} />
        </>
      ) : null}
      {features.charts ? (
        <ToolButton
          label="插入图表"
          icon={barChart3Icon}
          text="图表"
          // A chart is a block of the body, not of a table's cell.
          disabled={disabled || state.inTable}
          onPress={() => insertContent(editor, { type: 'chart', attrs: { ...emptyChart } })}
        />
      ) : null}
      {state.inTable ? (
        <div className="gongkai-rte__table-tools" role="group" aria-label="表格操作">
          <span aria-hidden="true">表格：</span>
          <ToolButton label="上方插入行" text="上方插入行" disabled={disabled} onPress={() => chain().addRowBefore().run()} />
          <ToolButton label="下方插入行" text="下方插入行" disabled={disabled} onPress={() => chain().addRowAfter().run()} />
          <ToolButton label="左侧插入列" text="左侧插入列" disabled={disabled} onPress={() => chain().addColumnBefore().run()} />
          <ToolButton label="右侧插入列" text="右侧插入列" disabled={disabled} onPress={() => chain().addColumnAfter().run()} />
          <ToolButton label="删除行" text="删除行" disabled={disabled} onPress={() => chain().deleteRow().run()} />
          <ToolButton label="删除列" text="删除列" disabled={disabled} onPress={() => chain().deleteColumn().run()} />
          <ToolButton
            label="合并单元格"
            text="合并单元格"
            disabled={disabled || !state.canMerge}
            onPress={() => chain().mergeCells().run()}
          />
          <ToolButton
            label="拆分单元格"
            text="拆分单元格"
            disabled={disabled || !state.canSplit}
            onPress={() => chain().splitCell().run()}
          />
          <ToolButton
            label="表头行"
            text="表头行"
            pressed={state.headerRow}
            disabled={disabled}
            onPress={() => chain().toggleHeaderRow().run()}
          />
          <ToolButton label="删除表格" text="删除表格" disabled={disabled} onPress={() => chain().deleteTable().run()} />
        </div>
      ) : null}
    </div>
  );
}

/** Under the toolbar while an image is selected: its alt text, and 修改替代文本. */
function ImageBar({ editor, onEdit }: { editor: Editor; onEdit: () => void }) {
  const { image, alt } = useEditorState({
    editor,
    selector: ({ editor }) => ({ image: editor.isActive('image'), alt: String(editor.getAttributes('image').alt ?? '') }),
  });
  if (!image) return null;
  return (
    <div className="gongkai-rte__bar" data-tone="image" role="group" aria-label="所选图片">
      <span>所选图片的替代文本：</span>
      {alt.trim() ? <span className="gongkai-rte__alt">{alt}</span> : <span className="gongkai-rte__missing">未填写，请补充</span>}
      {editor.isEditable ? (
        <button type="button" onClick={onEdit} aria-label="修改替代文本" title="修改替代文本">
          修改替代文本
        </button>
      ) : null}
    </div>
  );
}

// ——— The editor ———

type DialogState =
  | { kind: 'link'; href: string; askText: boolean }
  | { kind: 'upload'; upload: UploadKind; file: File | null }
  | { kind: 'alt'; alt: string }
  | null;

/** Text with no markup, for the list view's cell and the empty check. */
export function plainTextOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What the editor says of pictures that could not come along with a paste or a drop. */
const droppedNotice = (count: number, media: boolean, label: string) =>
  media
    ? `粘贴的内容中有 ${count} 张图片未能带入：请用“插入图片”逐张上传，并填写替代文本。`
    : `粘贴的内容中有 ${count} 张图片未能带入：${label}中不能插入图片，请改用文字说明。`;

export function RichHtmlEditor({
  label,
  description,
  value,
  onChange,
  autoFocus,
  errorMessage,
  features,
}: {
  label: string;
  description?: string | null;
  value: string;
  onChange?: (html: string) => void;
  autoFocus?: boolean;
  errorMessage?: string;
  features: RichHtmlFeatures;
}) {
  const labelId = useId();
  const descriptionId = useId();
  const errorId = useId();
  const editable = onChange !== undefined;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // The HTML this editor last handed to the form: a value that differs came from outside (a save, a reset).
  const lastHtml = useRef(value);
  const [notice, setNotice] = useState('');
  const [dialog, setDialog] = useState<DialogState>(null);
  const [busy, setBusy] = useState(false);
  const featuresRef = useRef(features);
  featuresRef.current = features;
  const labelRef = useRef(label);
  labelRef.current = label;
  const openDialog = useRef<(state: DialogState) => void>(() => {});
  openDialog.current = setDialog;

  const describedBy = [description ? descriptionId : null, errorMessage ? errorId : null].filter(Boolean).join(' ');

  const editor = useEditor(
    {
      extensions: extensionsFor(features),
      content: value,
      editable,
      autofocus: autoFocus ? 'end' : false,
      immediatelyRender: false,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          spellcheck: 'false',
          lang: 'zh-CN',
        },
        transformPastedHTML: (html) => {
          const { html: clean, droppedImages } = cleanOfficeHtml(html, { origin: window.location.origin });
          setNotice(droppedImages ? droppedNotice(droppedImages, featuresRef.current.media, labelRef.current) : '');
          return clean;
        },
        handlePaste: (_view, event) => {
          // A picture alone on the clipboard (a screenshot): ask for it to be uploaded, with its alt text.
          const data = event.clipboardData;
          if (!data || data.types.includes('text/html')) return false;
          const images = Array.from(data.files).filter((file) => file.type.startsWith('image/'));
          if (!images.length) return false;
          if (featuresRef.current.media && images.length === 1) {
            setNotice('');
            openDialog.current({ kind: 'upload', upload: 'image', file: images[0] });
          } else {
            setNotice(droppedNotice(images.length, featuresRef.current.media, labelRef.current));
          }
          return true;
        },
        handleDrop: (_view, event) => {
          const files = Array.from(event.dataTransfer?.files ?? []);
          if (!files.length) return false;
          const images = files.filter((file) => file.type.startsWith('image/'));
          if (featuresRef.current.media && files.length === 1) {
            openDialog.current({ kind: 'upload', upload: images.length ? 'image' : 'document', file: files[0] });
          } else if (images.length) {
            setNotice(droppedNotice(images.length, featuresRef.current.media, labelRef.current));
          }
          return true;
        },
      },
      onUpdate: ({ editor }) => {
        const html = editor.isEmpty ? '' : editor.getHTML();
        lastHtml.current = html;
        onChangeRef.current?.(html);
      },
    },
    [],
  );

  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  useEffect(() => {
    if (!editor || editor.isDestroyed || value === lastHtml.current) return;
    lastHtml.current = value;
    if ((editor.isEmpty ? '' : editor.getHTML()) !== value) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const element = editor.view.dom;
    if (describedBy) element.setAttribute('aria-describedby', describedBy);
    else element.removeAttribute('aria-describedby');
    if (errorMessage) element.setAttribute('aria-invalid', 'true');
    else element.removeAttribute('aria-invalid');
    element.setAttribute('aria-readonly', editable ? 'false' : 'true');
  }, [editor, describedBy, errorMessage, editable]);

  const close = () => {
    setDialog(null);
    // The dialog gives the focus back to where it was: the text (the toolbar's buttons do not take it from a
    // mouse), or the button a keyboard pressed. Only if it went nowhere does the editor take it.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (editor && !editor.isDestroyed && (!document.activeElement || document.activeElement === document.body)) editor.commands.focus();
      }),
    );
  };

  const insertUploaded = (kind: UploadKind, media: UploadedMedia, name: string, altText: string | null) => {
    if (!editor) return;
    const content: JSONContent[] =
      kind === 'image'
        ? [{ type: 'image', attrs: { src: media.url, alt: altText ?? media.altText ?? '' } }]
        : [
            { type: 'text', text: name, marks: [{ type: 'link', attrs: { href: media.url } }] },
            { type: 'text', text: ' ' },
          ];
    insertContent(editor, content, { focus: false });
    close();
  };

  const openLink = () => {
    if (!editor) return;
    if (editor.isActive('link')) editor.chain().extendMarkRange('link').run();
    const href = String(editor.getAttributes('link').href ?? '');
    setDialog({ kind: 'link', href, askText: editor.state.selection.empty && !href });
  };

  return (
    <VStack gap="regular" minWidth={0}>
      <style>{styles}</style>
      <Text id={labelId} weight="medium">
        {label}
      </Text>
      {description ? (
        <Text id={descriptionId} size="small" color="neutralSecondary">
          {description}
        </Text>
      ) : null}
      <div className="gongkai-rte" data-invalid={errorMessage ? 'true' : 'false'} role="group" aria-labelledby={labelId}>
        {editor && editable ? (
          <Toolbar
            editor={editor}
            label={label}
            features={features}
            disabled={busy}
            onLink={openLink}
            onUpload={(upload) => setDialog({ kind: 'upload', upload, file: null })}
          />
        ) : null}
        <div className={notice ? 'gongkai-rte__bar' : undefined} data-tone="notice">
          <span role="status" aria-live="polite">
            {notice}
          </span>
          {notice ? (
            <button type="button" onClick={() => setNotice('')} title="关闭提示">
              知道了
            </button>
          ) : null}
        </div>
        {editor && features.media ? (
          <ImageBar editor={editor} onEdit={() => setDialog({ kind: 'alt', alt: String(editor.getAttributes('image').alt ?? '') })} />
        ) : null}
        <div className="gongkai-rte__body">
          {editor ? <EditorContent editor={editor} /> : <div className="ProseMirror" aria-busy="true" />}
        </div>
      </div>
      {errorMessage ? (
        <Text id={errorId} size="small" color="critical">
          {errorMessage}
        </Text>
      ) : null}
      <DialogContainer
        onDismiss={() => {
          if (!busy) close();
        }}
      >
        {dialogFor()}
      </DialogContainer>
    </VStack>
  );

  function dialogFor(): ReactElement | null {
    if (!editor || !dialog) return null;
    if (dialog.kind === 'link') {
      return (
        <LinkDialog
          initialHref={dialog.href}
          askText={dialog.askText}
          onCancel={close}
          onRemove={
            dialog.href
              ? () => {
                  editor.chain().extendMarkRange('link').unsetLink().run();
                  close();
                }
              : undefined
          }
          onConfirm={(href, text) => {
            if (dialog.askText) {
              insertContent(
                editor,
                [
                  { type: 'text', text, marks: [{ type: 'link', attrs: { href } }] },
                  { type: 'text', text: ' ' },
                ],
                { focus: false },
              );
            } else {
              editor.chain().extendMarkRange('link').setLink({ href }).run();
            }
            close();
          }}
        />
      );
    }
    if (dialog.kind === 'alt') {
      return (
        <AltTextDialog
          initial={dialog.alt}
          onCancel={close}
          onConfirm={(alt) => {
            editor.chain().updateAttributes('image', { alt }).run();
            close();
          }}
        />
      );
    }
    return (
      <UploadDialog
        key={dialog.upload}
        kind={dialog.upload}
        initialFile={dialog.file}
        onCancel={close}
        onBusy={setBusy}
        onUploaded={(media, name) => insertUploaded(dialog.upload, media, name, media.altText)}
      />
    );
  }
}

// ——— Keystone's field view ———

/** The Field of a view: the editor over the text field's value (Keystone's text controller, unchanged). */
export function richHtmlField(features: RichHtmlFeatures) {
  return function Field({ field, value, onChange, autoFocus, forceValidation, isRequired }: FieldProps<typeof controller>) {
    const html = value.inner.kind === 'value' ? value.inner.value : value.inner.prev;
    const [touched, setTouched] = useState(false);
    const message = problemOf(field, html, isRequired);
    return (
      <div onBlur={() => setTouched(true)} className="gongkai-rte-field">
        <RichHtmlEditor
          label={field.label}
          description={field.description}
          value={html}
          autoFocus={autoFocus}
          features={features}
          errorMessage={message && (touched || forceValidation) ? message : undefined}
          onChange={onChange ? (next) => onChange({ ...value, inner: { kind: 'value', value: next } }) : undefined}
        />
      </div>
    );
  };
}

function problemOf(field: TextController, html: string, isRequired: boolean): string | undefined {
  if (isRequired && !plainTextOf(html) && !/<(img|figure|table|hr)\b/.test(html)) return `请填写${field.label}`;
  const max = field.validation.length.max;
  if (max !== null && html.length > max) return `${field.label}过长：不能超过 ${max} 个字符（含格式）`;
  return undefined;
}

/** The list view shows the body's words, not its markup. */
export const RichHtmlCell: CellComponent<typeof controller> = ({ value }) => {
  const text = typeof value === 'string' ? plainTextOf(value) : '';
  return <span title={text}>{text.length > 60 ? `${text.slice(0, 60)}…` : text}</span>;
};
