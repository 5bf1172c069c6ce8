// Analysing a plan for a commune: its unit names flag unknown assignees.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { forbidden } from '../../errors';
import { importPlan } from '../../../domain/plan-import';
import { units, type Unit } from '../units/tables';
import { resolveCommune, toRef } from '../units/service';
import { canImportPlan, canViewVocabulary } from './policy';
import { currentVocabulary, loadExtension } from './vocabulary';

/** The commune a plan is analysed for (canImportPlan): asked before a byte of the upload is read. */
export async function planImportCommune(db: DbOrTx, actor: Actor, communeId?: string): Promise<Unit> {
  const commune = await resolveCommune(db, actor, communeId);
  if (!canImportPlan(actor, toRef(commune))) throw forbidden('nhập kế hoạch');
  return commune;
}

export async function analysePlan(db: DbOrTx, commune: Unit, text: string) {
  const names = (await db.select({ name: units.name }).from(units).where(eq(units.tenantId, commune.id))).map((u) => u.name);
  return importPlan(text, { units: names, vocabulary: await currentVocabulary(db) });
}

/** The vocabulary extension as stored (canViewVocabulary). */
export async function vocabularyFor(db: DbOrTx, actor: Actor) {
  if (!canViewVocabulary(actor)) throw forbidden('xem từ vựng của bộ kiểm tra kế hoạch');
  return loadExtension(db);
}
