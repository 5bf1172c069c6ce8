// Group commit (decision 041): requests that arrive while the database is busy with the previous
// batch go to it together in the next one, so that a burst of them costs a few statements rather
// than a few each. A request that finds nothing running goes at once, alone: no timer, no wait.
// A batch lets the next one start as soon as it has sent its last write (`release`): the next
// batch's reads then run while this one waits for the disk to flush its commit, instead of after.
// Not DataLoader: its batches are the ticks' (a write would wait for no reason or be cut in two)
// and its keys are reads' (two creations for the same session are two requests, not one).

/**
 * Runs a batch: one settled answer per item, in the items' order. `release()` (once the batch needs
 * the database no more but to finish its last statement) lets the next batch start; it is called
 * for the batch anyway when its answers are in.
 */
export type RunBatch<I, O> = (items: I[], release: () => void) => Promise<PromiseSettledResult<O>[]>;

/** A function of one item whose calls are run as batches of at most `max`, one after another. */
export function batcher<I, O>(run: RunBatch<I, O>, { max = 64 } = {}): (item: I) => Promise<O> {
  const waiting: { item: I; resolve: (value: O) => void; reject: (reason: unknown) => void }[] = [];
  let busy = false;
  const start = () => {
    if (busy || waiting.length === 0) return;
    busy = true;
    const batch = waiting.splice(0, max);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      busy = false;
      start();
    };
    void run(
      batch.map((w) => w.item),
      release,
    )
      .catch((error: unknown) => batch.map((): PromiseSettledResult<O> => ({ status: 'rejected', reason: error })))
      .then((answers) => {
        batch.forEach((w, i) => {
          const answer = answers[i];
          if (answer?.status === 'fulfilled') w.resolve(answer.value);
          else w.reject(answer ? answer.reason : new Error('batcher: no answer for an item'));
        });
        release();
      });
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      start();
    });
}
