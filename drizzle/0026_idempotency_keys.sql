CREATE TABLE "idempotency_keys" (
	"tenant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"scope" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"entity_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
-- The keys of the creates made before the table: a retry of one still answers with its record.
INSERT INTO "idempotency_keys" ("tenant_id", "key", "scope", "actor_id", "entity_id", "created_at")
SELECT "tenant_id", "idempotency_key", 'report:' || "session_id", "created_by", "id"::text, "created_at" FROM "cell_reports"
WHERE "idempotency_key" IS NOT NULL AND "created_by" IS NOT NULL ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "idempotency_keys" ("tenant_id", "key", "scope", "actor_id", "entity_id", "created_at")
SELECT "tenant_id", "id"::text, 'task:' || "plan_id", "created_by", "id"::text, "created_at" FROM "plan_tasks"
WHERE "manual" AND "created_by" IS NOT NULL ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "idempotency_keys" ("tenant_id", "key", "scope", "actor_id", "entity_id", "created_at")
SELECT "tenant_id", "id"::text, 'propaganda:' || "plan_id", "created_by", "id"::text, "created_at" FROM "propaganda_entries"
WHERE "created_by" IS NOT NULL ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "idempotency_keys" ("tenant_id", "key", "scope", "actor_id", "entity_id", "created_at")
SELECT "tenant_id", "id"::text, 'loudspeaker:' || "plan_id", "created_by", "id"::text, "created_at" FROM "loudspeaker_schedules"
WHERE "created_by" IS NOT NULL ON CONFLICT DO NOTHING;
--> statement-breakpoint
ALTER TABLE "cell_reports" DROP COLUMN "idempotency_key";