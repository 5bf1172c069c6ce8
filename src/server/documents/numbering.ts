// The numbering service: the next number of a document of any numbered type, counted per issuer,
// symbol and period (domain/document-types.ts says which period), and registered in
// document_numbers in the caller's transaction. Decision 011.
import { and, eq, max, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db/client';
import { badRequest } from '../errors';
import { DOCUMENT_TYPES, numberingPeriod, symbolOf, type DocumentType, type DocumentTypeId, type NumberedDocumentType } from '../../domain/document-types';
import { loadCommuneSettings } from '../features/settings/service';
import { units, type Unit } from '../features/units/tables';
import { documentNumbers } from './tables';

export interface NumberRequest {
  /** The commune (tenant) the issuer belongs to. */
  tenantId: string;
  /** The commune itself for a commune type; a cell (or grassroots organisation) of it for a cell type. */
  issuerUnitId: string;
  type: DocumentType | DocumentTypeId;
  /** ISO date of the document: it decides the period. */
  issuedOn: string;
  /** The record being numbered (a plan's id …); registered with its number. */
  documentId: string;
  /** The record's own whole symbol ("KH/ĐUP"); the type's and issuer kind's ("KH/ĐU") when absent. */
  symbol?: string;
}

export interface GivenNumber {
  number: number;
  /** "2026" or "term:2025-10-01". */
  period: string;
  symbol: string;
}

/** Units that issue a cell's documents. */
const CELL_ISSUERS: readonly Unit['kind'][] = ['cell', 'grassrootsOrg'];

interface Counter {
  type: NumberedDocumentType;
  tenantId: string;
  issuerUnitId: string;
  issuedOn: string;
  period: string;
  symbol: string;
}

/** Which counter a document counts in: its type, issuer (checked against the type), symbol and period. */
async function counterOf(tx: DbOrTx, request: Omit<NumberRequest, 'documentId'>): Promise<Counter> {
  const type = typeof request.type === 'string' ? DOCUMENT_TYPES[request.type] : request.type;
  if (!type?.numbered) throw new TypeError(`Loại văn bản không đánh số: ${String(request.type)}`);
  const numbered: NumberedDocumentType = type;
  const { tenantId, issuerUnitId, issuedOn } = request;
  const [issuer] = await tx.select().from(units).where(eq(units.id, issuerUnitId));
  const commune = issuer?.id === tenantId ? issuer : (await tx.select().from(units).where(eq(units.id, tenantId)))[0];
  if (!issuer || !commune || !issues(numbered, issuer, tenantId)) {
    throw badRequest('document.issuer-kind', `${issuer?.name ?? 'Đơn vị này'} không ban hành ${numbered.name.toLocaleLowerCase('vi')} loại này.`);
  }
  const setting = numbered.period === 'setting' ? await loadCommuneSettings(tx, commune) : { numbering: 'year' as const, termStartedOn: null };
  return { type: numbered, tenantId, issuerUnitId, issuedOn, period: numberingPeriod(numbered, setting, issuedOn), symbol: request.symbol ?? symbolOf(numbered)! };
}

/** One more than the highest registered (the highest, not the count: a number is never given twice). */
async function following(tx: DbOrTx, c: Counter): Promise<number> {
  const [last] = await tx
    .select({ n: max(documentNumbers.number) })
    .from(documentNumbers)
    .where(and(eq(documentNumbers.tenantId, c.tenantId), eq(documentNumbers.issuerUnitId, c.issuerUnitId), eq(documentNumbers.symbol, c.symbol), eq(documentNumbers.period, c.period)));
  return (last?.n ?? 0) + 1;
}

/** The number a document would take now, without taking it: for a confirmation before issuing. */
export async function peekDocumentNumber(tx: DbOrTx, request: Omit<NumberRequest, 'documentId'>): Promise<GivenNumber> {
  const c = await counterOf(tx, request);
  return { number: await following(tx, c), period: c.period, symbol: c.symbol };
}

/**
 * Gives the next number and registers it. Concurrent calls for the same counter wait on a
 * transaction-scoped advisory lock, so they get consecutive numbers; the unique index on the
 * register is the last guard.
 */
export async function nextDocumentNumber(tx: Tx, request: NumberRequest): Promise<GivenNumber> {
  const c = await counterOf(tx, request);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`document-number:${c.tenantId}:${c.issuerUnitId}:${c.symbol}:${c.period}`}))`);
  const number = await following(tx, c);
  await tx.insert(documentNumbers).values({ tenantId: c.tenantId, issuerUnitId: c.issuerUnitId, symbol: c.symbol, period: c.period, number, documentType: c.type.id, documentId: request.documentId, issuedOn: c.issuedOn });
  return { number, period: c.period, symbol: c.symbol };
}

function issues(type: NumberedDocumentType, issuer: Unit, tenantId: string): boolean {
  if (type.issuerKind === 'commune') return issuer.id === tenantId;
  return issuer.tenantId === tenantId && CELL_ISSUERS.includes(issuer.kind);
}
