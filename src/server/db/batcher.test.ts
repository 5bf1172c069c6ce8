// The group commit of decision 041: a call that finds nothing running goes alone at once; calls made
// while a batch runs go together in the next one; the next batch starts when the running one
// releases; each call hears its own answer, a batch's failure reaches all of its calls.
import { describe, expect, it } from 'vitest';
import { batcher, type RunBatch } from './batcher';

/** A batch runner whose batches end (or release) when the test says. */
function controlled() {
  const batches: { items: number[]; release: () => void; finish: (answers?: PromiseSettledResult<string>[]) => void; fail: (error: unknown) => void }[] = [];
  const run: RunBatch<number, string> = (items, release) =>
    new Promise((resolve, reject) => {
      batches.push({
        items,
        release,
        finish: (answers) => resolve(answers ?? items.map((i) => ({ status: 'fulfilled', value: `answer ${i}` }))),
        fail: reject,
      });
    });
  return { run, batches };
}

const settle = <T>(p: Promise<T>) => p.then((value) => ({ value }), (error: unknown) => ({ error }));
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('batcher', () => {
  it('runs a call alone at once, and the calls made meanwhile together once it is done', async () => {
    const { run, batches } = controlled();
    const call = batcher(run);
    const first = call(1);
    expect(batches.map((b) => b.items)).toEqual([[1]]);
    const rest = [call(2), call(3), call(4)];
    expect(batches).toHaveLength(1);
    batches[0]!.finish();
    expect(await first).toBe('answer 1');
    await tick();
    expect(batches.map((b) => b.items)).toEqual([[1], [2, 3, 4]]);
    batches[1]!.finish();
    expect(await Promise.all(rest)).toEqual(['answer 2', 'answer 3', 'answer 4']);
  });

  it('starts the next batch when the running one releases, before it is done', async () => {
    const { run, batches } = controlled();
    const call = batcher(run);
    const first = call(1);
    const second = call(2);
    batches[0]!.release();
    expect(batches.map((b) => b.items)).toEqual([[1], [2]]);
    // A second release, or the end after a release, starts nothing more.
    batches[0]!.release();
    const third = call(3);
    expect(batches).toHaveLength(2);
    batches[1]!.finish();
    await tick();
    expect(batches.map((b) => b.items)).toEqual([[1], [2], [3]]);
    batches[0]!.finish();
    batches[2]!.finish();
    expect(await Promise.all([first, second, third])).toEqual(['answer 1', 'answer 2', 'answer 3']);
  });

  it('answers each call with its own outcome, and a failed batch with its error to each of its calls', async () => {
    const { run, batches } = controlled();
    const call = batcher(run);
    const alone = settle(call(1));
    const together = [settle(call(2)), settle(call(3))];
    batches[0]!.fail(new Error('the database went away'));
    expect(await alone).toEqual({ error: new Error('the database went away') });
    await tick();
    batches[1]!.finish([
      { status: 'rejected', reason: new Error('refused 2') },
      { status: 'fulfilled', value: 'answer 3' },
    ]);
    expect(await Promise.all(together)).toEqual([{ error: new Error('refused 2') }, { value: 'answer 3' }]);
    // The batcher goes on after a failure.
    const after = call(4);
    batches[2]!.finish();
    expect(await after).toBe('answer 4');
  });

  it('cuts what waits into batches of at most max', async () => {
    const { run, batches } = controlled();
    const call = batcher(run, { max: 2 });
    const calls = [1, 2, 3, 4, 5].map((i) => call(i));
    batches[0]!.finish();
    await tick();
    batches[1]!.finish();
    await tick();
    batches[2]!.finish();
    expect(await Promise.all(calls)).toHaveLength(5);
    expect(batches.map((b) => b.items)).toEqual([[1], [2, 3], [4, 5]]);
  });
});
