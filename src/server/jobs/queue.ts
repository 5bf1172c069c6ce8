// The job queue (decision 021): pg-boss on the product's own database, PostgreSQL or the embedded PGlite.
// pg-boss keeps its tables in the schema "pgboss" (created and migrated by pg-boss itself, under its
// advisory lock), fetches with FOR UPDATE SKIP LOCKED (several app servers share the work, each job
// runs on one), and its cron emits each scheduled slot once across all servers.
//
// On PGlite pg-boss speaks through `database.executeSql`, the same single connection as the app: PGlite
// runs one statement or transaction at a time, so the queue's polling waits for the app's transactions.
// Never send a job from inside a transaction on PGlite (it would wait for itself): after the commit.
import PgBoss from 'pg-boss';
import type { Database } from '../db/client';

export type { PgBoss };

export interface QueueLog {
  info?(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface QueueOptions {
  /** How often an idle worker asks for work (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds: number;
  /** Cron schedules on (the server); off, the queue only runs what is sent (tests, bench). */
  schedule: boolean;
}

export interface JobDefinition<T extends object = object> {
  name: string;
  /** Queue options: retries with exponential back-off, policy (stately: one waiting + one active per key). */
  queue?: Omit<PgBoss.Queue, 'name'>;
  /** A cron line in Asia/Ho_Chi_Minh ("5 * * * *"): sent once per slot across every server. */
  cron?: string;
  /** The work; `final` is true on the last attempt (retries exhausted after it). A throw retries. */
  work(data: T, attempt: { final: boolean; retryCount: number; id: string }): Promise<void>;
}

export interface JobQueue {
  readonly boss: PgBoss;
  send<T extends object>(name: string, data: T, options?: PgBoss.SendOptions): Promise<string | null>;
  /** Many jobs in one statement (singleton keys respected). */
  insert<T extends object>(name: string, jobs: { data: T; singletonKey?: string }[]): Promise<void>;
  /** Resolves when no job of these queues waits or runs (tests). */
  settled(names: readonly string[], timeoutMs?: number): Promise<void>;
  /** Failed jobs per queue, for administrators. */
  failedCounts(): Promise<{ queue: string; failed: number }[]>;
  stop(): Promise<void>;
}

export const VIETNAM_TZ = 'Asia/Ho_Chi_Minh';

export async function startJobQueue(database: Database, definitions: readonly JobDefinition<never>[], options: QueueOptions, log: QueueLog): Promise<JobQueue> {
  // Jobs whose work is running in this process: stop() waits for them (see stop below).
  let inHand = 0;
  const recent = new Map<string, number>();
  const boss = new PgBoss({
    db: { executeSql: database.executeSql },
    schedule: options.schedule,
    supervise: true,
    // The queue's own housekeeping (archive, expiry) need not be eager.
    maintenanceIntervalSeconds: 120,
  });
  boss.on('error', (error: unknown) => log.error({ error: String(error) }, 'job queue error'));
  await boss.start();
  for (const d of definitions) {
    const existing = await boss.getQueue(d.name);
    if (!existing) await boss.createQueue(d.name, { name: d.name, ...d.queue });
    else if (d.queue) await boss.updateQueue(d.name, { name: d.name, ...d.queue });
  }
  for (const d of definitions) {
    await boss.work<object>(d.name, { pollingIntervalSeconds: options.pollingIntervalSeconds, includeMetadata: true, batchSize: 1 }, async ([job]) => {
      if (!job) return;
      inHand++;
      recent.set(job.id, Date.now());
      for (const [id, at] of recent) if (Date.now() - at > 60_000) recent.delete(id);
      const final = job.retryCount >= job.retryLimit;
      try {
        await (d.work as JobDefinition['work'])(job.data, { final, retryCount: job.retryCount, id: job.id });
      } catch (error) {
        log.warn({ job: d.name, id: job.id, retryCount: job.retryCount, final, error: String(error) }, final ? 'job failed' : 'job failed, will retry');
        throw error;
      } finally {
        inHand--;
      }
    });
  }
  if (options.schedule) {
    for (const d of definitions) {
      if (d.cron) await boss.schedule(d.name, d.cron, {}, { tz: VIETNAM_TZ, singletonKey: d.name });
      // A schedule turned off in the settings (QT_BACKUP_KEEP=0) ends on the next start.
      else await boss.unschedule(d.name);
    }
  }
  let stopped = false;
  return {
    boss,
    send: (name, data, sendOptions) => boss.send(name, data, sendOptions ?? {}),
    async insert(name, jobs) {
      for (let i = 0; i < jobs.length; i += 1000) {
        await boss.insert(jobs.slice(i, i + 1000).map((j) => ({ name, data: j.data, singletonKey: j.singletonKey })));
      }
    },
    async settled(names, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { rows } = await database.executeSql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ANY($1::text[]) AND state IN ('created', 'retry', 'active')`, [[...names]]);
        if (Number(rows[0]?.n ?? 0) === 0) return;
        if (Date.now() > deadline) throw new Error(`jobs not settled: ${names.join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async failedCounts() {
      const { rows } = await database.executeSql(`SELECT name, count(*)::int AS failed FROM pgboss.job WHERE state = 'failed' GROUP BY name ORDER BY name`, []);
      return rows.map((r) => ({ queue: String(r.name), failed: Number(r.failed) }));
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // Graceful: the jobs in hand finish (or are failed back to retry at the timeout), nothing new is fetched.
      const deadline = Date.now() + 10_000;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000, close: false });
      // pg-boss waits for the jobs its workers hold, but not for a fetch still in flight when stop began:
      // that job is already 'active' in the table and its work starts a moment later. Wait for it too.
      const settle = Date.now() + 300;
      while ((inHand > 0 || Date.now() < settle) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      // Then pg-boss records the outcome of the last ones (complete / fail) just after their work returns.
      const ids = [...recent.keys()];
      while (ids.length && Date.now() < deadline) {
        const { rows } = await database.executeSql(`SELECT count(*)::int AS n FROM pgboss.job WHERE id = ANY($1::uuid[]) AND state = 'active'`, [ids]);
        if (Number(rows[0]?.n ?? 0) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
