/** Thrown by `test.abort()`: unwinds the iteration without counting as an iteration error. */
export class TestAbortedError extends Error {
  constructor(reason: string) {
    super(reason ? `test aborted: ${reason}` : 'test aborted');
    this.name = 'TestAbortedError';
  }
}
