import { describe, expect, it } from '@jest/globals';
import { bind } from '../../src/bind/bind.js';
import { enableExchangeCertificate } from '../../src/cmdlet/enable-exchange-certificate.js';
import { compile } from '../../src/dialect/render.js';
import { createInvocation } from '../../src/node/invocation.js';
import { core } from '../support/invocations.js';

describe('compile', () => {
  it('gives a hand-built pipeline the pipeline markers the binder reads back (by value after a non-certificate command)', () => {
    const getContent = createInvocation('Get-Content', 'LiteralPath', { literalPath: ['C:\\thumbprints.txt'] });
    const enable = enableExchangeCertificate({ services: 'IIS', force: true });
    const compiled = compile([{ kind: 'pipeline', elements: [getContent, enable], assignTo: null }], { shell: '5.1' });
    expect(compiled.invocations[1]!.parameters.thumbprint).toEqual({ kind: 'pipelineInput', by: 'value' });
    expect(bind(compiled.text, { shell: '5.1' }).map(core)).toEqual(compiled.invocations.map(core));
  });
});
