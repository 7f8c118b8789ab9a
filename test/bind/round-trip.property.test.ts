import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { bind } from '../../src/bind/bind.js';
import { importExchangeCertificate } from '../../src/cmdlet/import-exchange-certificate.js';
import { newExchangeCertificate } from '../../src/cmdlet/new-exchange-certificate.js';
import { script } from '../../src/cmdlet/script-builder.js';
import { render } from '../../src/dialect/render.js';
import { fileBytes } from '../../src/node/expression.js';
import { secret, Secret } from '../../src/node/secret.js';
import { psString } from '../support/ps-strings.js';
import { isWellFormed } from '../support/well-formed.js';

const SHELLS = ['2.0', '5.1', '7'] as const;

describe('render -> bind round trip (property)', () => {
  for (const shell of SHELLS) {
    for (const quoting of ['literal', 'ascii'] as const) {
      it(`FriendlyName: bind(render(v)) gives back exactly v (${shell}, ${quoting}, 10,000 values)`, () => {
        fc.assert(
          fc.property(psString(), (v) => {
            const text = render(newExchangeCertificate({ friendlyName: v }), { shell, quoting });
            expect(isWellFormed(text)).toBe(true);
            expect(text.includes('\n')).toBe(false);
            const bound = bind(text, { shell });
            expect(bound).toHaveLength(1);
            expect(bound[0]!.parameters.friendlyName).toBe(v);
          }),
          { numRuns: quoting === 'literal' ? 10000 : 2000, seed: 20261125 },
        );
      });
    }
    it(`paths and inline passwords round-trip (${shell}, 2,000 values)`, () => {
      fc.assert(
        fc.property(psString(), psString(), (path, password) => {
          fc.pre(path.length > 0);
          const text = render(importExchangeCertificate({ fileData: fileBytes(path), password: secret(password) }), {
            shell,
            secrets: 'inline',
          });
          const [inv] = bind(text, { shell });
          expect(inv!.parameters.fileData).toEqual({ kind: 'fileBytes', path });
          // The statement-level form ($x = [Byte[]]$(Get-Content ...)) parses too, whatever the path holds.
          const assigned = render(script().assign('Data', fileBytes(path)), { shell });
          const [gc] = bind(assigned, { shell });
          expect(gc!.cmdlet).toBe('Get-Content');
          expect(gc!.parameters.literalPath).toEqual([path]);
          expect(inv!.parameters.password).toBeInstanceOf(Secret);
          expect((inv!.parameters.password as Secret).reveal()).toBe(password);
        }),
        { numRuns: 2000, seed: 7 },
      );
    });
  }
});
