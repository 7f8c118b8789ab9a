import { defineCmdlet, param } from '../cmdlet-spec.js';

const PATH = ['Path'];
const LITERAL = ['LiteralPath'];

/** Get-Content (FileSystem provider), as Windows PowerShell 2.0/5.1 and PowerShell 7 have it. */
export const getContentSpec = defineCmdlet({
  name: 'Get-Content',
  kind: 'helper',
  synopsis: 'Reads a file as text lines or bytes.',
  sets: ['Path', 'LiteralPath'],
  defaultSet: 'Path',
  parameters: [
    param('Path', 'String[]', { sets: PATH, mandatory: true, position: 0, pipeline: 'property' }),
    param('LiteralPath', 'String[]', {
      sets: LITERAL,
      mandatory: true,
      pipeline: 'property',
      aliases: ['PSPath', 'LP'],
    }),
    param('ReadCount', 'Int64'),
    param('TotalCount', 'Int64', { aliases: ['First', 'Head'] }),
    param('Tail', 'Int32', { aliases: ['Last'], shells: ['5.1', '7'] }),
    param('Filter', 'String'),
    param('Include', 'String[]'),
    param('Exclude', 'String[]'),
    param('Force', 'SwitchParameter'),
    param('Credential', 'Object'),
    param('UseTransaction', 'SwitchParameter', { aliases: ['usetx'], shells: ['2.0', '5.1'] }),
    param('Delimiter', 'String'),
    param('Wait', 'SwitchParameter'),
    param('Raw', 'SwitchParameter', { shells: ['5.1', '7'] }),
    param('Encoding', 'Encoding'),
    param('Stream', 'String', { shells: ['5.1', '7'] }),
    param('AsByteStream', 'SwitchParameter', { shells: ['7'] }),
  ],
});
