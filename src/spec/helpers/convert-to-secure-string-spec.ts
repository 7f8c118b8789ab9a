import { defineCmdlet, param } from '../cmdlet-spec.js';

/** ConvertTo-SecureString: plain text (with -AsPlainText) or an encrypted string to a SecureString. */
export const convertToSecureStringSpec = defineCmdlet({
  name: 'ConvertTo-SecureString',
  kind: 'helper',
  synopsis: 'Makes a SecureString.',
  sets: ['Secure', 'PlainText', 'Open'],
  defaultSet: 'Secure',
  parameters: [
    param('String', 'String', { mandatory: true, position: 0, pipeline: 'value' }),
    param('SecureKey', 'SecureString', { sets: ['Secure'], position: 1 }),
    param('AsPlainText', 'SwitchParameter', { sets: ['PlainText'], mandatory: true }),
    param('Force', 'SwitchParameter', { sets: ['PlainText'] }),
    param('Key', 'Byte[]', { sets: ['Open'] }),
  ],
});
