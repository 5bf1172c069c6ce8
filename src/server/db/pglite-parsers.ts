// Drizzle keeps dates, timestamps and intervals as the text PostgreSQL sends (it makes its own values
// from it), so with every statement it gives PGlite the parsers of those nine types. PGlite then
// merges them into a copy of its whole parser table (318 types with the arrays' and the extensions':
// `{ ...parsers, ...ownParsers }`) before reading the rows: ~0.2 ms a statement, more than a short
// read itself (`SELECT 1` through Drizzle: 0.38 ms, 0.12 without the copy). Decision 043.
//
// So the client's own table keeps those nine types as text, and a statement that brings Drizzle's
// parsers runs without them: the same values, nothing copied. A statement that brings none (the job
// queue's, raw SQL) gets PGlite's values as before: its columns of those types are parsed after the
// fact with the parsers the table had (those it names itself excepted). Transactions' statements are
// treated alike. PGlite writes the arrays' parsers into its table at its start only (and on
// refreshArrayTypes(), which nothing here calls), so the table stays as set.
import type { PGlite, Results } from '@electric-sql/pglite';

/** timestamp, timestamptz, interval, date and their arrays, and numeric[]: what Drizzle reads as text. */
const TEXT_TYPES = [1114, 1184, 1186, 1082, 1231, 1115, 1185, 1187, 1182] as const;

type Parser = (value: string, typeId: number) => unknown;
type Options = { rowMode?: 'array' | 'object'; parsers?: Record<number, Parser> } & Record<string, unknown>;
interface Queryable {
  query(text: string, params?: unknown[], options?: Options): Promise<Results>;
  exec(text: string, options?: Options): Promise<Results[]>;
}

const keepText: Parser = (value) => value;

/** Whether these are exactly Drizzle's parsers: the nine types, each kept as text. */
function onlyTextTypes(parsers: Record<number, Parser>): boolean {
  const keys = Object.keys(parsers);
  return keys.length === TEXT_TYPES.length && TEXT_TYPES.every((t) => typeof parsers[t] === 'function' && parsers[t]!('0', t) === '0');
}

/**
 * Makes the client keep the nine types as text in its own table, each statement as it asked. Once
 * the client is ready: its start writes the arrays' parsers into the table.
 */
export async function readDatesAsTextOnce(client: PGlite): Promise<void> {
  await client.waitReady;
  const table = client.parsers as Record<number, Parser>;
  const original = new Map<number, Parser>();
  for (const t of TEXT_TYPES) {
    if (table[t]) original.set(t, table[t]);
    table[t] = keepText;
  }
  /**
   * Runs with the table as it was: PGlite's array parsers look their elements' parser up in it when
   * called. Synchronous, so that no other statement's rows are read meanwhile.
   */
  const asBefore = <T>(read: () => T): T => {
    for (const [t, parse] of original) table[t] = parse;
    try {
      return read();
    } finally {
      for (const t of TEXT_TYPES) table[t] = keepText;
    }
  };
  /** Rows read with the nine types as text, as PGlite's parsers would have given them (except where the statement named its own). */
  const reparse = (results: Results, options: Options | undefined) => {
    const arrays = options?.rowMode === 'array';
    const columns = results.fields.flatMap(({ name, dataTypeID: typeId }, i) => {
      const parse = original.get(typeId);
      if (!parse || options?.parsers?.[typeId]) return [];
      // In object rows a repeated name holds its last column's value.
      if (!arrays && results.fields.findLastIndex((f) => f.name === name) !== i) return [];
      return [{ key: arrays ? i : name, parse, typeId }];
    });
    if (columns.length === 0) return results;
    return asBefore(() => {
      for (const row of results.rows as Record<string | number, unknown>[]) {
        for (const { key, parse, typeId } of columns) if (typeof row[key] === 'string') row[key] = parse(row[key] as string, typeId);
      }
      return results;
    });
  };
  /** Drizzle's parsers are the table's now: its statements run without them, nothing to read again. */
  const isDrizzles = (options: Options | undefined) => Boolean(options?.parsers && onlyTextTypes(options.parsers));
  const wrap = (target: Queryable) => {
    const query = target.query.bind(target);
    const exec = target.exec.bind(target);
    target.query = async (text, params, options) => {
      if (isDrizzles(options)) return query(text, params, { ...options, parsers: undefined });
      return reparse(await query(text, params, options), options);
    };
    target.exec = async (text, options) => {
      if (isDrizzles(options)) return exec(text, { ...options, parsers: undefined });
      return (await exec(text, options)).map((r) => reparse(r, options));
    };
  };
  wrap(client as unknown as Queryable);
  const transaction = client.transaction.bind(client);
  client.transaction = (<T>(callback: (tx: Parameters<Parameters<PGlite['transaction']>[0]>[0]) => Promise<T>) =>
    transaction((tx) => {
      wrap(tx as unknown as Queryable);
      return callback(tx);
    })) as PGlite['transaction'];
}
