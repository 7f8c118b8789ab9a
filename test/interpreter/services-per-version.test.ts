import { describe, expect, it } from '@jest/globals';
import { lint } from '../../src/lint/lint.js';
import { parseExchangeTarget } from '../../src/spec/exchange-target.js';
import { run } from './support.js';

const T = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';
const ENUM_2010 = 'None, IMAP, POP, UM, IIS, SMTP, Federation';

// Exchange 2010's AllowedServices has no UMCallRouter (VERSIONS.md): the value fails binding, not on the server (issue 10).
describe('-Services UMCallRouter on Exchange 2010', () => {
  it("is a binding error naming the 2010 enumerator names (the binder's wording for any unknown name); no call reaches the server", async () => {
    const { result, env } = await run(`Enable-ExchangeCertificate -Thumbprint ${T} -Services UMCallRouter`, '2.0', {
      exchangeTarget: parseExchangeTarget('2010'),
    });
    expect(env.exchange.calls).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toBe(
      'Cannot process argument transformation on parameter \'Services\'. Cannot convert value "UMCallRouter" to type ' +
        '"Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices". Error: "Unable to match the identifier name ' +
        `UMCallRouter to a valid enumerator name. Specify one of the following enumerator names and try again:\n${ENUM_2010}"`,
    );
    expect(result.errors[0]!.fullyQualifiedErrorId).toBe(
      'ParameterArgumentTransformationError,Enable-ExchangeCertificate',
    );
  });

  it('fails the same way from a variable', async () => {
    const { result, env } = await run(
      `$s = 'UMCallRouter'\nEnable-ExchangeCertificate -Thumbprint ${T} -Services $s`,
      '2.0',
      { exchangeTarget: parseExchangeTarget('2010') },
    );
    expect(env.exchange.calls).toEqual([]);
    expect(result.errors[0]!.message).toMatch(/try again:\nNone, IMAP, POP, UM, IIS, SMTP, Federation"$/);
  });

  it('binds on 2013 and later', async () => {
    const { env } = await run(`Enable-ExchangeCertificate -Thumbprint ${T} -Services UMCallRouter`, '5.1', {
      exchangeTarget: parseExchangeTarget('2013'),
    });
    expect(env.exchange.calls.map((c) => c.parameters.services)).toEqual([['UMCallRouter']]);
  });

  it('lint reports it as a binding error for a 2010 target', () => {
    const d = lint(`Enable-ExchangeCertificate -Thumbprint ${T} -Services UMCallRouter`, {
      exchange: '2010',
      shell: '2.0',
    });
    expect(d.map((x) => x.rule)).toContain('binding');
  });
});
