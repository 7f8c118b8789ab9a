import { describe, expect, test } from '@jest/globals';
import { bind, exportExchangeCertificate, render, secret } from '../../src/index.js';
import { passwordPromptText, promptOf, secureStringPrompt } from '../../src/idiom/secure-string-from-prompt.js';

const T = '5113AE0233A72FCCB75D3E2BE0A0FD4A9C83B3C5';

describe('the SecureString-from-a-prompt idiom', () => {
  test('what the compiler writes for a prompted secret, bind reads back as the same prompt', () => {
    const text = render(
      exportExchangeCertificate({ thumbprint: T, binaryEncoded: true, password: secret('x', { name: 'pfx' }) }),
      { secrets: 'prompt' },
    );
    expect(text).toContain("(Read-Host -Prompt 'Password (pfx)' -AsSecureString)");
    const [inv] = bind(text);
    expect(inv!.parameters.password).toEqual({ kind: 'secretPrompt', prompt: passwordPromptText('pfx') });
  });

  test('recognition', () => {
    expect(promptOf(secureStringPrompt(null))).toEqual({ prompt: null });
    expect(promptOf({ ...secureStringPrompt('p') })).toEqual({ prompt: 'p' });
    expect(
      promptOf({
        cmdlet: 'Read-Host',
        parameterSet: 'AsSecureString',
        parameters: { prompt: { kind: 'variable' }, asSecureString: true },
      }),
    ).toBeNull();
    expect(promptOf({ cmdlet: 'Read-Host', parameterSet: 'Default', parameters: { prompt: 'p' } })).toBeNull();
  });
});
