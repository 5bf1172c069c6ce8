// The vocabulary the importer uses: the base file plus the administrator's extension.
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, conflict, forbidden } from '../../errors';
import { loadVocabulary, parseVocabulary, type Vocabulary } from '../../../domain/plan-import';
import { updateVersioned } from '../../db/versioned';
import { recordAudit } from '../audit/service';
import { vocabularyExtensions } from './tables';
import { canEditVocabulary } from './policy';
import { now } from '../../clock';

const ROW = 'global';

export async function loadExtension(db: DbOrTx): Promise<{ data: Partial<Vocabulary>; version: number }> {
  const [row] = await db.select().from(vocabularyExtensions).where(eq(vocabularyExtensions.id, ROW));
  if (!row) return { data: {}, version: 0 };
  const parsed = parseVocabulary(row.data);
  return { data: parsed.ok ? parsed.vocabulary : {}, version: row.version };
}

export async function currentVocabulary(db: DbOrTx): Promise<Vocabulary> {
  return loadVocabulary((await loadExtension(db)).data);
}

export async function saveExtension(db: Db, actor: Actor, input: { version: number; data: unknown }) {
  if (!canEditVocabulary(actor)) throw forbidden('sửa từ vựng của bộ kiểm tra kế hoạch');
  const parsed = parseVocabulary(input.data);
  if (!parsed.ok) throw badRequest('vocabulary.invalid', 'Từ vựng bổ sung không hợp lệ.', { errors: parsed.errors });
  return db.transaction(async (tx) => {
    const current = await loadExtension(tx);
    if (current.version !== input.version) throw conflict('vocabulary', current);
    const changes = { data: parsed.vocabulary, updatedBy: actor.userId, updatedAt: now() };
    // Version 0 is the extension not saved yet: the first save inserts the row.
    const row = await updateVersioned(tx, vocabularyExtensions, eq(vocabularyExtensions.id, ROW), input.version, changes, {
      entity: 'vocabulary',
      current: () => loadExtension(tx),
      create: { absentVersion: 0, target: vocabularyExtensions.id, values: { id: ROW, ...changes } },
    });
    await recordAudit(tx, { tenantId: actor.tenantId, actorId: actor.userId, action: 'vocabulary.update', entity: 'vocabulary', entityId: ROW, before: current.data, after: parsed.vocabulary });
    return { data: parsed.vocabulary, version: row.version };
  });
}
