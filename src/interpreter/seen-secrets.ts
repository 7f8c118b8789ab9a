// Plain texts the interpreter turned into SecureStrings (ConvertTo-SecureString, Read-Host -AsSecureString).

type Listener = (plainText: string) => void;

const listeners = new Set<Listener>();

/**
 * Calls `listener` with every plain text the interpreter makes a SecureString of, until the returned function runs.
 * @example const stop = onSecretSeen((p) => mask.add(p)); await backend.runText(text, '5.1'); stop();
 */
export function onSecretSeen(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Tells the listeners about a plain text that has just become a SecureString. */
export function noteSecret(plainText: string): void {
  for (const listener of listeners) listener(plainText);
}
