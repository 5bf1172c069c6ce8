// A hall scans at once: check-ins of one meeting that arrive while the database is busy wait and go
// together, in one statement (the group commit of db/batcher.ts, decision 041, one lane a meeting).
// One scan alone goes at once, in a batch of one. Each person gets their own answer; a person twice
// in one batch is written once and told "already".
import { batcher } from '../../db/batcher';

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

interface Lane {
  scan: (scan: Scan) => Promise<ScanResult>;
  /** Scans sent and not yet answered: the lane goes when none is left. */
  pending: number;
}

const lanes = new Map<string, Lane>();
/** A statement carries at most this many scans (its JSON parameter stays small). */
const MAX_BATCH = 200;

export function scanTogether(key: string, scan: Scan, run: Run): Promise<ScanResult> {
  let lane = lanes.get(key);
  if (!lane) {
    lane = { scan: batcher<Scan, ScanResult>((scans) => runOnce(scans, run), { max: MAX_BATCH }), pending: 0 };
    lanes.set(key, lane);
  }
  const current = lane;
  current.pending += 1;
  return current.scan(scan).finally(() => {
    current.pending -= 1;
    if (current.pending === 0 && lanes.get(key) === current) lanes.delete(key);
  });
}

/** A batch's scans, each person written once; a later scan of the same person in it is a replay of the first. */
async function runOnce(batch: Scan[], run: Run): Promise<PromiseSettledResult<ScanResult>[]> {
  const first = new Map<string, Scan>();
  for (const s of batch) if (!first.has(s.memberId)) first.set(s.memberId, s);
  const results = await run([...first.values()]);
  const none: ScanResult = { title: null, expected: false, written: false, replayed: false };
  return batch.map((s): PromiseSettledResult<ScanResult> => {
    const r = results.get(s.memberId) ?? none;
    const firstScan = first.get(s.memberId)!;
    if (firstScan === s) return { status: 'fulfilled', value: r };
    return { status: 'fulfilled', value: { ...r, written: false, replayed: r.replayed || (r.written && firstScan.step >= s.step) } };
  });
}
