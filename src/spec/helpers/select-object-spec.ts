import { defineCmdlet, param } from '../cmdlet-spec.js';

const DEF = ['DefaultParameter'];

/** Select-Object. */
export const selectObjectSpec = defineCmdlet({
  name: 'Select-Object',
  kind: 'helper',
  synopsis: 'Selects objects or properties.',
  sets: ['DefaultParameter', 'SkipLastParameter', 'IndexParameter'],
  defaultSet: 'DefaultParameter',
  parameters: [
    param('InputObject', 'Object', { pipeline: 'value' }),
    param('Property', 'Object[]', { sets: ['DefaultParameter', 'SkipLastParameter'], position: 0 }),
    param('ExcludeProperty', 'String[]', { sets: ['DefaultParameter', 'SkipLastParameter'] }),
    param('ExpandProperty', 'String', { sets: ['DefaultParameter', 'SkipLastParameter'] }),
    param('Unique', 'SwitchParameter'),
    param('Last', 'Int32', { sets: DEF }),
    param('First', 'Int32', { sets: DEF }),
    param('Skip', 'Int32', { sets: DEF }),
    param('SkipLast', 'Int32', { sets: ['SkipLastParameter'], shells: ['5.1', '7'] }),
    param('Wait', 'SwitchParameter', { sets: ['DefaultParameter', 'IndexParameter'] }),
    param('Index', 'Int32', { sets: ['IndexParameter'] }),
  ],
});
