import { SECURE_STRING_WITH_FORCE } from '../../idiom/secure-string-from-text.js';
import type { Dialect } from '../dialect.js';

/** Windows PowerShell 2.0, the shell of Exchange 2010. */
export const ps2Dialect: Dialect = Object.freeze({
  shell: '2.0',
  title: 'Windows PowerShell 2.0',
  byteReader: 'getContentEncodingByte',
  byteWriter: 'writeAllBytes',
  supportsEncodingByte: true,
  supportsAsByteStream: false,
  supportsRaw: false,
  secureString: SECURE_STRING_WITH_FORCE,
  supportsUnicodeEscape: false,
  supportsPipelineChains: false,
  explicitOverridesSplat: false,
  supportsSimplifiedWhere: false,
  netCoreMessages: false,
});
