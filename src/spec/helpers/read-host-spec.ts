import { defineCmdlet, param } from '../cmdlet-spec.js';

/** Read-Host: reads a line, or a SecureString with -AsSecureString. */
export const readHostSpec = defineCmdlet({
  name: 'Read-Host',
  kind: 'helper',
  synopsis: 'Reads a line of input from the console.',
  sets: ['AsString', 'AsSecureString'],
  defaultSet: 'AsString',
  parameters: [
    param('Prompt', 'Object', { position: 0, pipeline: 'value' }),
    param('AsSecureString', 'SwitchParameter', { sets: ['AsSecureString'] }),
    param('MaskInput', 'SwitchParameter', { sets: ['AsString'], shells: ['7'] }),
  ],
});
