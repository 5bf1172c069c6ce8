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
CREATE INDEX "document_numbers_issued_on_idx" ON "document_numbers" USING btree ("tenant_id","issued_on");