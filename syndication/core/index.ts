/** The syndication library (S9): Keystone-independent. See README.md for how the pieces fit. */
export * from './adapters/index.js';
export { absoluteHttpUrl } from './adapters/types.js';
export * from './assets.js';
export {
  charsetFromContentType,
  declaredCharset,
  decodeBody,
  detectedCharset,
  isValidUtf8,
  normalizeCharset,
  utfWithoutBom,
  type CharsetSource,
  type DecodedText,
  type DecodeOptions,
} from '../../src/platform/http/charset.js';
export { parseChineseDate } from '../../src/platform/http/dates.js';
export * from './dedup.js';
export * from './errors.js';
export * from './extract.js';
export * from './fetch.js';
export { HostLimiter } from '../../src/platform/http/limiter.js';
export * from './memory-store.js';
export * from './run.js';
export * from '../../src/platform/content/sanitize.js';
export * from './source-config.js';
export * from './sources.js';
export * from './preview.js';
