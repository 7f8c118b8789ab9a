// Test helper: what a function throws (or rejects with), for checking error fields.

/** The value `fn` throws; fails the test when it returns normally. */
export function caught(fn: () => unknown): Error & { code?: string } {
  try {
    fn();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a throw');
}

/** The value `promise` rejects with; fails the test when it resolves. */
export async function rejected(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a rejection');
}
