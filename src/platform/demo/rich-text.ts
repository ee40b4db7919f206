import Handlebars from 'handlebars';

const escape = (text: string) => Handlebars.Utils.escapeExpression(text);

/** Paragraphs of plain text as a rich-text body (HTML, rich-html.ts), for the demo seeds and tests. */
export function paragraphsToHtml(paragraphs: string[]): string {
  return paragraphs.map((text) => `<p>${escape(text)}</p>`).join('');
}

/** A table as the editor writes one: its caption as a bold line, then the rows, the first of header cells. */
export function tableToHtml({ caption, rows }: { caption: string; rows: string[][] }): string {
  const row = (cells: string[], tag: 'th' | 'td') => `<tr>${cells.map((text) => `<${tag}><p>${escape(text)}</p></${tag}>`).join('')}</tr>`;
  const [head = [], ...body] = rows;
  return `<p><strong>${escape(caption)}</strong></p><table><tbody>${row(head, 'th')}${body.map((cells) => row(cells, 'td')).join('')}</tbody></table>`;
}
