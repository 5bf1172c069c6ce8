-- Hand-written (decision 017), before 0010 puts tenant_id into every key: no row may keep a NULL
-- tenant_id, because tenant_id becomes NOT NULL and the distribution column on Citus.
-- 1. Units above communes get a tenant: a province is its own tenant (tenant_id = its id, as a
--    commune is); any other unit without one belongs to the province above it (or is its own).
UPDATE "units" SET "tenant_id" = "id" WHERE "tenant_id" IS NULL AND "kind" = 'province';
--> statement-breakpoint
UPDATE "units" AS u SET "tenant_id" = coalesce(
  (SELECT p."id" FROM "units" AS p WHERE p."kind" = 'province' AND u."path" LIKE p."path" || '%' ORDER BY length(p."path") DESC LIMIT 1),
  u."id")
WHERE u."tenant_id" IS NULL;
--> statement-breakpoint
-- 2. Province accounts: the tenant of the highest unit they hold a role on (their province), else the
--    tenant of the member they are, else the first province.
UPDATE "users" AS a SET "tenant_id" = coalesce(
  (SELECT un."tenant_id" FROM "role_grants" AS g JOIN "units" AS un ON un."id" = g."unit_id" WHERE g."user_id" = a."id" ORDER BY length(un."path"), un."path" LIMIT 1),
  (SELECT m."tenant_id" FROM "members" AS m WHERE m."id" = a."member_id"),
  (SELECT p."id" FROM "units" AS p WHERE p."kind" = 'province' ORDER BY p."path" LIMIT 1))
WHERE a."tenant_id" IS NULL;
--> statement-breakpoint
-- 3. A role grant lives in its account's tenant (and names a unit of that tenant: 0010's foreign key).
UPDATE "role_grants" AS g SET "tenant_id" = a."tenant_id" FROM "users" AS a WHERE a."id" = g."user_id" AND g."tenant_id" IS NULL;
--> statement-breakpoint
-- 4. Audit entries of global actions: the actor's tenant, else the first province. The append-only
--    trigger is lifted for this one statement only.
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_append_only";
--> statement-breakpoint
UPDATE "audit_log" AS e SET "tenant_id" = coalesce(
  (SELECT a."tenant_id" FROM "users" AS a WHERE a."id" = e."actor_id"),
  (SELECT p."id" FROM "units" AS p WHERE p."kind" = 'province' ORDER BY p."path" LIMIT 1))
WHERE e."tenant_id" IS NULL;
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_append_only";
--> statement-breakpoint
-- 5. Sessions: the cookie now names its tenant ("<tenant id>.<token>"), so no cookie issued before
--    can find its session again. They end here; everyone signs in once more (0010 adds the column).
DELETE FROM "sessions";
