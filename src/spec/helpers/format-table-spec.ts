import { defineCmdlet, param } from '../cmdlet-spec.js';

/** Format-Table. */
export const formatTableSpec = defineCmdlet({
  name: 'Format-Table',
  kind: 'helper',
  synopsis: 'Formats objects as a table.',
  sets: ['Default'],
  defaultSet: 'Default',
  parameters: [
    param('AutoSize', 'SwitchParameter'),
    param('RepeatHeader', 'SwitchParameter', { shells: ['7'] }),
    param('HideTableHeaders', 'SwitchParameter'),
    param('Wrap', 'SwitchParameter'),
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
