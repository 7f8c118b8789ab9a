import { describe, expect, test } from '@jest/globals';
import { bind, exportExchangeCertificate, render, secret } from '../../src/index.js';
import {
  EMPTY_SECURE_STRING,
  SECURE_STRING_PLAIN,
  SECURE_STRING_WITH_FORCE,
  convertsPlainText,
  isEmptySecureString,
  plainTextOf,
} from '../../src/idiom/secure-string-from-text.js';
import { dialectFor } from '../../src/dialect/dialects.js';
import { Secret } from '../../src/node/secret.js';

const T = '5113AE0233A72FCCB75D3E2BE0A0FD4A9C83B3C5';

describe('the SecureString-from-text idiom: one module writes and recognises it', () => {
  test('each dialect uses the variant its shell needs', () => {
    expect(dialectFor('2.0').secureString).toBe(SECURE_STRING_WITH_FORCE);
    expect(dialectFor('5.1').secureString).toBe(SECURE_STRING_WITH_FORCE);
    expect(dialectFor('7').secureString).toBe(SECURE_STRING_PLAIN);
    expect(SECURE_STRING_WITH_FORCE.invocation('x').parameters).toMatchObject({ force: true });
    expect(SECURE_STRING_PLAIN.invocation('x').parameters).not.toHaveProperty('force');
  });

  test.each(['2.0', '5.1', '7'] as const)('what %s writes, bind reads back as the same secret', (shell) => {
    const x = exportExchangeCertificate({ thumbprint: T, binaryEncoded: true, password: secret("p'w") });
    const text = render(x, { shell, secrets: 'inline' });
    expect(text.includes('-Force')).toBe(dialectFor(shell).secureString.needsForce);
    const [inv] = bind(text, { shell });
    expect(inv!.parameters.password).toBeInstanceOf(Secret);
    expect((inv!.parameters.password as Secret).reveal()).toBe("p'w");
  });

  test('the empty password round-trips through New-Object', () => {
    const text = render(exportExchangeCertificate({ thumbprint: T, binaryEncoded: true, password: secret('') }), {
      secrets: 'inline',
    });
    expect(text).toContain(EMPTY_SECURE_STRING);
    expect(
      isEmptySecureString({
        cmdlet: 'New-Object',
        parameterSet: null,
        parameters: {},
        args: ['System.Security.SecureString'],
      }),
    ).toBe(true);
  });

  test('recognition', () => {
    const bound = {
      cmdlet: 'ConvertTo-SecureString',
      parameterSet: 'PlainText',
      parameters: { string: 'x', asPlainText: true },
    };
    expect(plainTextOf(bound)).toBe('x');
    expect(plainTextOf({ ...bound, parameters: { string: 'x' } })).toBeNull();
    expect(convertsPlainText({ ...bound, parameters: { string: { kind: 'variable' }, asPlainText: true } })).toBe(true);
  });
});
