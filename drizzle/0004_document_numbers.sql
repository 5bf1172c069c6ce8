CREATE TABLE "document_numbers" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"issuer_unit_id" uuid NOT NULL,
	"symbol" text NOT NULL,
	"period" text NOT NULL,
	"number" integer NOT NULL,
	"document_type" text NOT NULL,
	"document_id" uuid NOT NULL,
	"issued_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_numbers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "document_numbers_number_uq" ON "document_numbers" USING btree ("tenant_id","issuer_unit_id","symbol","period","number");--> statement-breakpoint
CREATE UNIQUE INDEX "document_numbers_document_uq" ON "document_numbers" USING btree ("tenant_id","document_type","document_id");--> statement-breakpoint
CREATE INDEX "document_numbers_issued_on_idx" ON "document_numbers" USING btree ("tenant_id","issued_on");--> statement-breakpoint
-- Hand-written: the plans issued so far enter the register, so their numbering continues from it.
INSERT INTO "document_numbers" ("tenant_id", "issuer_unit_id", "symbol", "period", "number", "document_type", "document_id", "issued_on")
SELECT "tenant_id", "issuer_unit_id", "symbol", "number_period", "number", 'plan', "id", "issued_on"
FROM "plans"
WHERE "status" = 'issued' AND "number" IS NOT NULL AND "number_period" IS NOT NULL AND "issued_on" IS NOT NULL;
