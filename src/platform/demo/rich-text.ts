/** Paragraphs of plain text as the rich-text field (Keystone's document field) stores them, for the demo seeds. */
export function paragraphsToDocument(paragraphs: string[]) {
  return paragraphs.map((text) => ({ type: 'paragraph', children: [{ text }] }));
}
