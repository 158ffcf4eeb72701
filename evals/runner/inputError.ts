// A problem with what the runner was given (flags, question files, baseline,
// unreachable server): the CLI prints the message and exits with code 2.
export class EvalInputError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'EvalInputError';
  }
}
