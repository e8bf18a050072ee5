/**
 * A command line that cannot be understood (unknown flag, missing argument, a value of the wrong
 * kind). The dispatcher prints the message and the command's usage and exits 2.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
