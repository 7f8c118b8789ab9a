import { defineCmdlet, param } from '../cmdlet-spec.js';

/** Format-List. */
export const formatListSpec = defineCmdlet({
  name: 'Format-List',
  kind: 'helper',
  synopsis: 'Formats objects as a list of properties.',
  sets: ['Default'],
  defaultSet: 'Default',
  parameters: [
    param('Property', 'Object[]', { position: 0 }),
    param('GroupBy', 'Object'),
    param('View', 'String'),
    param('ShowError', 'SwitchParameter'),
    param('DisplayError', 'SwitchParameter'),
    param('Force', 'SwitchParameter'),
    param('Expand', 'String', { accepted: ['CoreOnly', 'EnumOnly', 'Both'] }),
    param('InputObject', 'Object', { pipeline: 'value' }),
  ],
});
