CREATE TABLE "task_assignee_mappings" (
	"tenant_id" uuid NOT NULL,
	"source_key" text NOT NULL,
	"source_name" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_assignee_mappings_tenant_id_source_key_pk" PRIMARY KEY("tenant_id","source_key")
);
--> statement-breakpoint
ALTER TABLE "task_assignee_mappings" ADD CONSTRAINT "task_assignee_mappings_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;