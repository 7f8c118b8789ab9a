import { GET_CONTENT_ENCODING_BYTE } from '../../idiom/file-bytes.js';
import { SECURE_STRING_WITH_FORCE } from '../../idiom/secure-string-from-text.js';
import type { Dialect } from '../dialect.js';

/** Windows PowerShell 5.1, the Exchange Management Shell of Exchange 2013 and later. */
export const ps51Dialect: Dialect = Object.freeze({
  shell: '5.1',
  title: 'Windows PowerShell 5.1',
  fileBytes: GET_CONTENT_ENCODING_BYTE,
  secureString: SECURE_STRING_WITH_FORCE,
  explicitOverridesSplat: false,
  netCoreMessages: false,
});
