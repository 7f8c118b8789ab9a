// Loads @peculiar/x509 the one way that works in node, tsx and jest ESM, and points it at Node's WebCrypto.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/**
 * The @peculiar/x509 namespace, ready to use: reflect polyfill loaded and crypto provider set.
 * @example
 * import { x509 } from './crypto-provider.js';
 * const name = new x509.Name('CN=mail.contoso.com');
 */
export { x509 };

/** Node's WebCrypto, typed as the DOM `Crypto` that @peculiar/x509 expects. */
export const crypto: Crypto = webcrypto as unknown as Crypto;
