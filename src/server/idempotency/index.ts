// The one way a create that a phone may retry (a poor line, a double-clicked button) is stored once.
// The client names the request: the id it chose for the new record (tasks, propaganda entries) or an
// Idempotency-Key header (reports, evidence, make-up sessions, inspections, members …). In the
// create's own transaction the key is claimed first (`INSERT … ON CONFLICT DO NOTHING`); a second
// request with the same key waits for the first to commit (PostgreSQL) or runs after it (PGlite),
// finds the claim and answers with what the first created. A key claimed by another person or for
// another request is refused (409 `<entity>.id-taken` or the route's own id).
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../db/client';
import { AppError, stateConflict } from '../errors';
import { idempotencyKeys } from './tables';

/** The optional `Idempotency-Key` header of a create (8-100 characters), for a route's schema. */
export const idempotencyKeyHeaders = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });

export const keyTaken = (entity: string) => stateConflict(`${entity}.id-taken`, 'Mã yêu cầu này đã được dùng cho một việc khác.');

export interface CreateOnceRequest {
  tenantId: string;
  actorId: string;
  /** What is created and under what, e.g. `report:<session id>`: the same key for another request is refused. */
  scope: string;
  /** The client's key; without one the create simply runs. */
  key: string | null | undefined;
  /** The refusal when the key was claimed by someone else or for another request. */
  taken: () => AppError;
}

export interface CreateOnceSteps<R> {
  /** The create; returns the new record's id with the answer. */
  create(): Promise<{ id: string; result: R }>;
  /** The answer to a retry: the record the first request created. */
  replay(id: string): Promise<R>;
}

/** The key's row: claimed by this person for this request, naming the record once it is known. */
export function keyClaim(request: CreateOnceRequest & { key: string }, entityId: string | null = null) {
  return { tenantId: request.tenantId, key: request.key, scope: request.scope, actorId: request.actorId, entityId };
}

/**
 * Runs `create` once per key, in the caller's transaction. Returns `created: false` with the first
 * request's record when the key was already claimed by the same person for the same request.
 */
export async function createOnce<R>(tx: Tx, request: CreateOnceRequest, steps: CreateOnceSteps<R>): Promise<{ created: boolean; result: R }> {
  const { tenantId, actorId, scope, key } = request;
  if (!key) return { created: true, result: (await steps.create()).result };
  const claimed = await tx.insert(idempotencyKeys).values(keyClaim({ ...request, key })).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  const where = and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key));
  if (claimed.length === 0) {
    const [earlier] = await tx.select().from(idempotencyKeys).where(where);
    if (!earlier || earlier.actorId !== actorId || earlier.scope !== scope || !earlier.entityId) throw request.taken();
    return { created: false, result: await steps.replay(earlier.entityId) };
  }
  const { id, result } = await steps.create();
  await tx.update(idempotencyKeys).set({ entityId: id }).where(where);
  return { created: true, result };
}
