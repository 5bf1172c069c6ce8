// How the schema distributes on Citus (decision 017). The schema test (distribution.test.ts) holds
// every table of db/schema.ts to these lists, and `bin/quantriet citus-distribute` reads them:
//   reference tables   → create_reference_table(name)            (small, replicated to every node)
//   lookup tables      → create_distributed_table(name, key, colocate_with => 'none')
//   every other table  → create_distributed_table(name, 'tenant_id', colocate_with => 'units')
// A table missing from the first two lists is a tenant table and must follow the tenant rules.

/** The distribution column of every tenant table. */
export const TENANT_COLUMN = 'tenant_id';

/** The tenant table the others are colocated with (created first). */
export const COLOCATION_ANCHOR = 'units';

/** Shared by every tenant, replicated to every node; may not point at a tenant table. */
// server_secrets: the server's own keys (the check-in signing secret), one row per key, read by every node.
export const referenceTables: readonly string[] = ['vocabulary_extensions', 'server_secrets'];

/**
 * Globally unique values, distributed by the value itself so that one lookup finds the owner's
 * tenant; written in the same transaction as the tenant row (auth/accounts.ts, members/cards.ts);
 * may not point at a tenant table. Table → distribution column (its primary key).
 */
export const lookupTables: Readonly<Record<string, string>> = {
  usernames: 'username',
  member_cards: 'card_number',
};

/** Tables whose append-only trigger must be created after distribution (decision 017). */
export const triggersAfterDistribution: Readonly<Record<string, string>> = {
  audit_log: 'CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION qt_refuse_change()',
};

export const isTenantTable = (name: string) => !referenceTables.includes(name) && !(name in lookupTables);
