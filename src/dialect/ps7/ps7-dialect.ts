import { SECURE_STRING_PLAIN } from '../../idiom/secure-string-from-text.js';
import type { Dialect } from '../dialect.js';

/** PowerShell 7, typically a remote client of the Exchange session. */
export const ps7Dialect: Dialect = Object.freeze({
  shell: '7',
  title: 'PowerShell 7',
  byteReader: 'getContentAsByteStream',
  byteWriter: 'writeAllBytes',
  supportsEncodingByte: false,
  supportsAsByteStream: true,
  supportsRaw: true,
  secureString: SECURE_STRING_PLAIN,
  supportsUnicodeEscape: true,
  supportsPipelineChains: true,
  explicitOverridesSplat: true,
  supportsSimplifiedWhere: true,
  netCoreMessages: true,
});
