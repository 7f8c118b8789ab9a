import { describe, expect, test } from '@jest/globals';
import { enableExchangeCertificate, lint, render } from '../../src/index.js';
import { EXCHANGE_MAJORS } from '../../src/spec/exchange-target.js';
import { EXCHANGE_SERVICES, serviceInEnum, serviceUsable } from '../../src/spec/exchange-services.js';
import { ValidationError } from '../../src/errors/validation-error.js';

const T = '5113AE0233A72FCCB75D3E2BE0A0FD4A9C83B3C5';

describe('services per Exchange major: one table read by the compiler and lint', () => {
  test('the table says what VERSIONS.md says', () => {
    expect(serviceInEnum('2010', 'UMCallRouter')).toBe(false);
    expect(serviceInEnum('2013', 'UMCallRouter')).toBe(true);
    expect(serviceUsable('2010', 'UM')).toBe(true);
    expect(serviceUsable('2019', 'UM')).toBe(false);
    expect(serviceUsable('SE', 'UMCallRouter')).toBe(false);
    expect(EXCHANGE_SERVICES['2010'].letterWidth).toBe(6);
    expect(EXCHANGE_SERVICES['2016'].letterWidth).toBe(7);
  });

  test.each(EXCHANGE_MAJORS.map((m) => [m]))('render refuses exactly the values %s lacks', (major) => {
    const e = enableExchangeCertificate({ thumbprint: T, services: ['UMCallRouter'], force: true });
    const go = (): string => render(e, { exchange: major, shell: '5.1' });
    if (serviceInEnum(major, 'UMCallRouter')) expect(go()).toContain('-Services');
    else expect(go).toThrow(ValidationError);
  });

  test.each(EXCHANGE_MAJORS.map((m) => [m]))('lint flags UM exactly where %s cannot run it', (major) => {
    const found = lint(`Enable-ExchangeCertificate ${T} -Services UM -Force`, { exchange: major }).map((d) => d.rule);
    expect(found.includes('um-service')).toBe(!serviceUsable(major, 'UM'));
  });
});
