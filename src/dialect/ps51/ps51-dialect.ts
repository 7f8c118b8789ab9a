import { SECURE_STRING_WITH_FORCE } from '../../idiom/secure-string-from-text.js';
import type { Dialect } from '../dialect.js';

/** Windows PowerShell 5.1, the Exchange Management Shell of Exchange 2013 and later. */
export const ps51Dialect: Dialect = Object.freeze({
  shell: '5.1',
  title: 'Windows PowerShell 5.1',
  byteReader: 'getContentEncodingByte',
  byteWriter: 'writeAllBytes',
  supportsEncodingByte: true,
  supportsAsByteStream: false,
  supportsRaw: true,
  secureString: SECURE_STRING_WITH_FORCE,
  supportsUnicodeEscape: false,
  supportsPipelineChains: false,
  explicitOverridesSplat: false,
  supportsSimplifiedWhere: true,
  netCoreMessages: false,
});
