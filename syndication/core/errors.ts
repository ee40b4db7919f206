/**
 * Errors of the syndication library that are not transport errors (those are `FetchError`, fetch.ts).
 * Messages are in Chinese: they end up in the Admin UI's source health panel as they are.
 */
export type SyndicationErrorKind =
  | 'invalid-config' // a source configuration that does not validate
  | 'malformed-feed' // XML that does not parse, or is not RSS/Atom/RDF
  | 'malformed-list' // a JSON list or search-API answer that does not parse or has the wrong shape
  | 'empty-list' // a list that parsed to nothing where the previous run had items (a redesign)
  | 'extract-failed' // a detail page without the title or body we expected
  | 'asset-rejected'; // an image or attachment of a type or size we do not copy

export class SyndicationError extends Error {
  override readonly name = 'SyndicationError';
  constructor(
    readonly kind: SyndicationErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The message of anything thrown, for logs and run records. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
