// ConvertTo-SecureString -AsPlainText (with the -Force rule of Windows PowerShell).
import { secret } from '../../node/secret.js';
import type { CommandContext } from '../command-context.js';
import { toStr } from '../../runtime/ps-values.js';
import { noteSecret } from '../seen-secrets.js';

const NEEDS_FORCE =
  'The system cannot protect plain text input. To suppress this warning and convert the plain text to a SecureString, reissue the command specifying the Force parameter. For more information ,type: get-help ConvertTo-SecureString.';

/** ConvertTo-SecureString. */
export async function convertToSecureString(ctx: CommandContext): Promise<unknown[]> {
  if (ctx.parameterSet !== 'PlainText')
    ctx.unsupported('ConvertTo-SecureString of encrypted input (without -AsPlainText)');
  if (ctx.dialect.secureString.needsForce && ctx.params.force !== true) {
    ctx.fail({
      message: NEEDS_FORCE,
      category: 'InvalidArgument',
      errorId: 'ImportSecureString_InvalidArgument',
      exceptionType: 'System.ArgumentException',
      fullyQualifiedErrorId:
        'ImportSecureString_InvalidArgument,Microsoft.PowerShell.Commands.ConvertToSecureStringCommand',
    });
  }
  const strings = ctx.params.string !== undefined ? [ctx.params.string] : (ctx.input ?? []);
  return strings.map((s) => {
    const plain = toStr(s);
    noteSecret(plain);
    return secret(plain);
  });
}
