import { expect, test } from '@jest/globals';
import { CallParameters } from '../../src/engine/call-parameters.js';

test('bound parameters are read by names from the spec tables; a misspelt name does not compile', () => {
  const p = new CallParameters({ force: true, services: ['IIS', 'SMTP'], subjectName: 'CN=x' });
  expect(p.flag('force')).toBe(true);
  expect(p.services('services')).toBe(24);
  expect(p.string('subjectName')).toBe('CN=x');
  expect(p.flag('whatIf')).toBe(false);
  // @ts-expect-error no such parameter on any certificate cmdlet
  expect(p.flag('forse')).toBe(false);
});
