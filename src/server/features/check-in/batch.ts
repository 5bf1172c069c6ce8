// A hall scans at once: check-ins of one meeting that arrive while the database is busy wait and go
// together, in one statement (group commit). One scan alone goes at once, in a batch of one. Each
// person gets their own answer; a person twice in one batch is written once and told "already".
export interface Scan {
  memberId: string;
  userId: string;
  /** The time step of the code scanned (a replay is told apart by it). */
  step: number;
}

export interface ScanResult {
  /** The meeting's title, or null when the commune has no such meeting. */
  title: string | null;
  expected: boolean;
  written: boolean;
  /** The person had already checked in by QR with this code (or an older one): check-in.replayed. */
  replayed: boolean;
}

type Run = (scans: Scan[]) => Promise<Map<string, ScanResult>>;

interface Waiting extends Scan {
  resolve: (r: ScanResult) => void;
  reject: (e: unknown) => void;
}

interface Lane {
  queue: Waiting[];
  busy: boolean;
}

const lanes = new Map<string, Lane>();
/** A statement carries at most this many scans (its JSON parameter stays small). */
const MAX_BATCH = 200;

export function scanTogether(key: string, scan: Scan, run: Run): Promise<ScanResult> {
  return new Promise((resolve, reject) => {
    let lane = lanes.get(key);
    if (!lane) {
      lane = { queue: [], busy: false };
      lanes.set(key, lane);
    }
    lane.queue.push({ ...scan, resolve, reject });
    if (!lane.busy) {
      lane.busy = true;
      // Those scanning in the same turn of the event loop join the first.
      setImmediate(() => void drain(key, lane!, run));
    }
  });
}

async function drain(key: string, lane: Lane, run: Run) {
  while (lane.queue.length > 0) {
    const batch = lane.queue.splice(0, MAX_BATCH);
    const first = new Map<string, Waiting>();
    const repeats: Waiting[] = [];
    for (const w of batch) {
      if (first.has(w.memberId)) repeats.push(w);
      else first.set(w.memberId, w);
    }
    try {
      const results = await run([...first.values()].map(({ memberId, userId, step }) => ({ memberId, userId, step })));
      const none: ScanResult = { title: null, expected: false, written: false, replayed: false };
      for (const w of first.values()) w.resolve(results.get(w.memberId) ?? none);
      // The same person twice in one batch: the second scan is a replay of the first (its code, or one no newer).
      for (const w of repeats) {
        const r = results.get(w.memberId) ?? none;
        const firstStep = first.get(w.memberId)!.step;
        w.resolve({ ...r, written: false, replayed: r.replayed || (r.written && firstStep >= w.step) });
      }
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
  lane.busy = false;
  lanes.delete(key);
}
