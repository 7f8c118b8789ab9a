import { GET_CONTENT_ENCODING_BYTE } from '../../idiom/file-bytes.js';
import { SECURE_STRING_WITH_FORCE } from '../../idiom/secure-string-from-text.js';
import type { Dialect } from '../dialect.js';

/** Windows PowerShell 2.0, the shell of Exchange 2010. */
export const ps2Dialect: Dialect = Object.freeze({
  shell: '2.0',
  title: 'Windows PowerShell 2.0',
  fileBytes: GET_CONTENT_ENCODING_BYTE,
  secureString: SECURE_STRING_WITH_FORCE,
  explicitOverridesSplat: false,
  netCoreMessages: false,
});
