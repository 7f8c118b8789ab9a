import { defineCmdlet, param } from '../cmdlet-spec.js';

/** Set-Content (FileSystem provider). */
export const setContentSpec = defineCmdlet({
  name: 'Set-Content',
  kind: 'helper',
  synopsis: 'Writes text or bytes to a file.',
  sets: ['Path', 'LiteralPath'],
  defaultSet: 'Path',
  supportsShouldProcess: true,
  parameters: [
    param('Path', 'String[]', { sets: ['Path'], mandatory: true, position: 0, pipeline: 'property' }),
    param('LiteralPath', 'String[]', {
      sets: ['LiteralPath'],
      mandatory: true,
      pipeline: 'property',
      aliases: ['PSPath', 'LP'],
    }),
    param('Value', 'Object[]', { mandatory: true, position: 1, pipeline: 'both' }),
    param('PassThru', 'SwitchParameter'),
    param('Filter', 'String'),
    param('Include', 'String[]'),
    param('Exclude', 'String[]'),
    param('Force', 'SwitchParameter'),
    param('Credential', 'Object'),
    param('UseTransaction', 'SwitchParameter', { aliases: ['usetx'], shells: ['2.0', '5.1'] }),
    param('NoNewline', 'SwitchParameter', { shells: ['5.1', '7'] }),
    param('Encoding', 'Encoding'),
    param('Stream', 'String', { shells: ['5.1', '7'] }),
    param('AsByteStream', 'SwitchParameter', { shells: ['7'] }),
    param('WhatIf', 'SwitchParameter', { aliases: ['wi'] }),
    param('Confirm', 'SwitchParameter', { aliases: ['cf'] }),
  ],
});
