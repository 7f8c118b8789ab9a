// Thumbprint handling shared by the cmdlets (rule 7).

/**
 * ManageExchangeCertificate.UnifyThumbprintFormat: a thumbprint whose third character is a space (pasted from the
 * Windows certificate dialog) loses all its spaces; anything else is kept as typed.
 * @example unifyThumbprint('a1 b2 c3 d4') // 'a1b2c3d4'
 */
export function unifyThumbprint(thumbprint: string): string {
  return thumbprint.length > 3 && thumbprint[2] === ' ' ? thumbprint.replaceAll(' ', '') : thumbprint;
}

/** Case-insensitive thumbprint equality (X509Store Find by thumbprint). */
export function sameThumbprint(a: string | null | undefined, b: string | null | undefined): boolean {
  return a != null && b != null && a.toUpperCase() === b.toUpperCase();
}
