import { plainTextOf } from '../../idiom/secure-string-from-text.js';
import { Secret } from '../../node/secret.js';
import type { LintRule } from '../lint-context.js';
import { at } from '../lint-context.js';

/** Passwords written in the script as plain text (`ConvertTo-SecureString 'x' -AsPlainText`). */
export const plaintextPassword: LintRule = {
  name: 'plaintext-password',
  check(ctx) {
    const out = [];
    for (const inv of ctx.invocations) {
      for (const [name, value] of Object.entries(inv.parameters)) {
        if (value instanceof Secret) {
          out.push(
            at(
              ctx,
              inv,
              this.name,
              'warning',
              `${inv.cmdlet} -${name.charAt(0).toUpperCase()}${name.slice(1)} gets a password written in the script as plain text`,
              'use Read-Host -AsSecureString, (Get-Credential).Password or a variable filled at run time',
            ),
          );
        }
      }
      if (plainTextOf(inv) !== null) {
        out.push(
          at(
            ctx,
            inv,
            this.name,
            'warning',
            'ConvertTo-SecureString -AsPlainText turns a password written in the script into a SecureString',
            'read it with Read-Host -AsSecureString instead',
          ),
        );
      }
    }
    return out;
  },
};
