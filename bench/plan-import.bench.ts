// Plan import and lint: the fixture (target median < 1 ms, ≥ 1,000 plans/s) and a 5 MB text
// analysed or refused (target < 1 s).
import { readFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { importPlan } from '../src/domain/plan-import';
import { MAX_PLAN_BYTES, readPlanInput } from '../src/server/features/plan-import/input';
import { report } from './support';
import { planFixturePath } from '../test/support/fixtures';

const fixturePath = planFixturePath;

/** `size` bytes of UTF-8 text made of whole copies of `text`, padded with spaces. */
function textOfSize(text: string, size: number): Buffer {
  const one = Buffer.from(`${text}\n`, 'utf8');
  const out = Buffer.alloc(size, 0x20);
  for (let at = 0; at + one.length <= size; at += one.length) one.copy(out, at);
  return out;
}

async function timeOnce(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function run(): Promise<void> {
  const fixture = readFileSync(fixturePath, 'utf8');
  // A longer warm-up lets the JIT settle, as in a server that has been running for a while.
  const bench = new Bench({ time: 2_000, warmupTime: 1_000 });
  bench.add('plan import (fixture)', () => {
    importPlan(fixture);
  });
  await bench.run();
  for (const task of bench.tasks) {
    const result = task.result;
    if (!result || !('latency' in result)) continue;
    const ms = result.latency.p50;
    const perSecond = Math.round(1000 / result.latency.mean);
    report(task.name, `median ${ms.toFixed(2)} ms, ${perSecond} plans/s`, '< 1 ms, ≥ 1,000 plans/s', ms < 1 && perSecond >= 1000);
  }

  const big = textOfSize(fixture, MAX_PLAN_BYTES);
  const tooBig = textOfSize(fixture, MAX_PLAN_BYTES + 1);
  const analyse = async (bytes: Buffer): Promise<void> => {
    const input = await readPlanInput(bytes, 'ke-hoach.md');
    if (input.ok) importPlan(input.text);
  };
  await analyse(big); // warm-up
  const analysed = median([await timeOnce(() => analyse(big)), await timeOnce(() => analyse(big)), await timeOnce(() => analyse(big))]);
  report('plan import (5 MB text, analysed)', `${analysed.toFixed(0)} ms`, '< 1 s', analysed < 1000);
  const refused = median([await timeOnce(() => analyse(tooBig)), await timeOnce(() => analyse(tooBig)), await timeOnce(() => analyse(tooBig))]);
  report('plan import (5 MB + 1 byte, refused)', `${refused.toFixed(2)} ms`, '< 1 s', refused < 1000);
}
