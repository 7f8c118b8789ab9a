import { GET_CONTENT_AS_BYTE_STREAM } from '../../idiom/file-bytes.js';
import { SECURE_STRING_PLAIN } from '../../idiom/secure-string-from-text.js';
import type { Dialect } from '../dialect.js';

/** PowerShell 7, typically a remote client of the Exchange session. */
export const ps7Dialect: Dialect = Object.freeze({
  shell: '7',
  title: 'PowerShell 7',
  fileBytes: GET_CONTENT_AS_BYTE_STREAM,
  secureString: SECURE_STRING_PLAIN,
  explicitOverridesSplat: true,
  netCoreMessages: true,
});
