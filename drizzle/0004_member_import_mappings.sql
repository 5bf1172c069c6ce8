CREATE TABLE "member_import_mappings" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_key" text NOT NULL,
	"source_name" text NOT NULL,
	"target" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_import_mappings_tenant_id_kind_source_key_pk" PRIMARY KEY("tenant_id","kind","source_key")
);
