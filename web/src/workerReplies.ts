/**
 * The page's side of a Web Worker's replies: each request waits under its id, and the worker's
 * `{id, ok: true, …}` or `{id, ok: false, message, problems}` settles it. Used by the models' worker
 * (modelClient.ts) and the sweep's workers (sweep/sweepClient.ts).
 */
export type WorkerFailure = { id: number; ok: false; message: string; problems: readonly { message: string }[] };

export class WorkerReplies<Success extends { id: number; ok: true }> {
  private readonly waiting = new Map<number, { resolve: (answer: Success) => void; reject: (error: Error) => void }>();

  /** A promise for the reply to request `id`. */
  expect(id: number): Promise<Success> {
    return new Promise((resolve, reject) => this.waiting.set(id, { resolve, reject }));
  }

  /** The worker's `onmessage`: settles the request the reply names (a failure with its problems' messages). */
  readonly receive = (event: MessageEvent<Success | WorkerFailure>): void => {
    const answer = event.data;
    const waiting = this.waiting.get(answer.id);
    if (!waiting) return;
    this.waiting.delete(answer.id);
    if (answer.ok) waiting.resolve(answer);
    else waiting.reject(new Error([answer.message, ...answer.problems.map((problem) => problem.message)].filter(Boolean).join('\n')));
  };
}
