// Evidence of a task's work: a note, or a file (≤ 20 MB, PDF/DOCX/JPEG/PNG recognised by its content)
// stored by hash. A file of another type is refused before anything is stored.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { createOnce, keyTaken } from '../../idempotency';
import type { Actor } from '../../auth/actor';
import { detectEvidenceType, type FileStore } from '../../files/store';
import { recordAudit } from '../audit/service';
import { safeFileName } from '../resolutions/attachments';
import { emptyFile, evidenceType, noEvidence } from './errors';
import { loadTaskFor, mustWorkOn, type LoadedTask } from './service';
import { taskEvidence, type TaskEvidence } from './tables';

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** Loads the task and checks the actor may add evidence (before the upload is read). */
export async function taskForEvidence(db: Db, actor: Actor, id: string): Promise<LoadedTask> {
  const loaded = await loadTaskFor(db, actor, id);
  mustWorkOn(actor, loaded);
  return loaded;
}

export async function addEvidence(
  db: Db,
  store: FileStore,
  actor: Actor,
  loaded: LoadedTask,
  input: { file?: { bytes: Buffer; fileName: string }; note?: string | null },
  idempotencyKey?: string,
) {
  const note = input.note?.trim() || null;
  if (!input.file && !note) throw noEvidence();
  let file: { sha256: string; fileName: string; contentType: string; size: number } | null = null;
  if (input.file) {
    if (input.file.bytes.length === 0) throw emptyFile();
    const type = await detectEvidenceType(input.file.bytes);
    if (!type) throw evidenceType();
    file = { sha256: await store.save(input.file.bytes), fileName: safeFileName(input.file.fileName, type.extension), contentType: type.contentType, size: input.file.bytes.length };
  }
  return db.transaction(async (tx) => {
    const { task } = loaded;
    const describe = (row: TaskEvidence) => ({ id: row.id, note: row.note, fileName: row.fileName, contentType: row.contentType, size: row.size, createdAt: row.createdAt.toISOString(), byName: actor.displayName });
    // A retried upload (same Idempotency-Key) answers with the evidence the first one added.
    const request = { tenantId: task.tenantId, actorId: actor.userId, scope: `evidence:${task.id}`, key: idempotencyKey, taken: () => keyTaken('evidence') };
    const { result } = await createOnce(tx, request, {
      replay: async (id) => describe((await tx.select().from(taskEvidence).where(and(eq(taskEvidence.tenantId, task.tenantId), eq(taskEvidence.id, id))))[0]!),
      create: async () => {
        const [row] = await tx
          .insert(taskEvidence)
          .values({ tenantId: task.tenantId, taskId: task.id, note, fileSha256: file?.sha256 ?? null, fileName: file?.fileName ?? null, contentType: file?.contentType ?? null, size: file?.size ?? null, createdBy: actor.userId })
          .returning();
        await recordAudit(tx, { tenantId: task.tenantId, actorId: actor.userId, action: 'task.evidence', entity: 'task', entityId: task.id, after: row });
        return { id: row!.id, result: describe(row!) };
      },
    });
    return result;
  });
}

