CREATE TABLE "plan_tasks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"parent_id" uuid,
	"assignee_unit_id" uuid,
	"assignee_label" text NOT NULL,
	"text" text NOT NULL,
	"due" jsonb,
	"due_at" timestamp with time zone,
	"status" text DEFAULT 'not-started' NOT NULL,
	"follows" text,
	"completed_on" date,
	"completed_at" timestamp with time zone,
	"completion_note" text,
	"position" integer DEFAULT 0 NOT NULL,
	"source_line" integer,
	"manual" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_tasks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "task_alerts" (
	"tenant_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"slot" text NOT NULL,
	"kind" text NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_alerts_tenant_id_task_id_slot_pk" PRIMARY KEY("tenant_id","task_id","slot")
);
--> statement-breakpoint
CREATE TABLE "task_evidence" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"note" text,
	"file_sha256" text,
	"file_name" text,
	"content_type" text,
	"size" bigint,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_evidence_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_parent_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."plan_tasks"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_unit_fk" FOREIGN KEY ("tenant_id","assignee_unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_alerts" ADD CONSTRAINT "task_alerts_task_fk" FOREIGN KEY ("tenant_id","task_id") REFERENCES "public"."plan_tasks"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_evidence" ADD CONSTRAINT "task_evidence_task_fk" FOREIGN KEY ("tenant_id","task_id") REFERENCES "public"."plan_tasks"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_tasks_id_idx" ON "plan_tasks" USING btree ("id");--> statement-breakpoint
CREATE INDEX "plan_tasks_plan_idx" ON "plan_tasks" USING btree ("tenant_id","plan_id","position");--> statement-breakpoint
CREATE INDEX "plan_tasks_unit_idx" ON "plan_tasks" USING btree ("tenant_id","assignee_unit_id");--> statement-breakpoint
CREATE INDEX "plan_tasks_parent_idx" ON "plan_tasks" USING btree ("tenant_id","parent_id");--> statement-breakpoint
CREATE INDEX "plan_tasks_open_due_idx" ON "plan_tasks" USING btree ("due_at") WHERE status <> 'done';--> statement-breakpoint
CREATE INDEX "task_evidence_task_idx" ON "task_evidence" USING btree ("tenant_id","task_id");