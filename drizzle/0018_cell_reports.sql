CREATE TABLE "cell_report_versions" (
	"tenant_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"snapshot" jsonb NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cell_report_versions_tenant_id_report_id_version_pk" PRIMARY KEY("tenant_id","report_id","version")
);
--> statement-breakpoint
CREATE TABLE "cell_reports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"rubric_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"figures" jsonb NOT NULL,
	"form" text NOT NULL,
	"reporter" text NOT NULL,
	"report_date" date NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"opinions" text DEFAULT '' NOT NULL,
	"proposals" text DEFAULT '' NOT NULL,
	"scores" jsonb NOT NULL,
	"total" numeric(7, 2) NOT NULL,
	"band" text,
	"ward_scoring" jsonb,
	"return_comment" text,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"idempotency_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cell_reports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "rubrics" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"groups" jsonb NOT NULL,
	"bands" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rubrics_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "session_inspections" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"inspected_on" date NOT NULL,
	"inspectors" text NOT NULL,
	"findings" text NOT NULL,
	"adjustments" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_inspections_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "cell_report_versions" ADD CONSTRAINT "cell_report_versions_report_fk" FOREIGN KEY ("tenant_id","report_id") REFERENCES "public"."cell_reports"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cell_reports" ADD CONSTRAINT "cell_reports_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cell_reports" ADD CONSTRAINT "cell_reports_session_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."study_sessions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cell_reports" ADD CONSTRAINT "cell_reports_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cell_reports" ADD CONSTRAINT "cell_reports_rubric_fk" FOREIGN KEY ("tenant_id","rubric_id") REFERENCES "public"."rubrics"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_inspections" ADD CONSTRAINT "session_inspections_session_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."study_sessions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cell_reports_id_idx" ON "cell_reports" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "cell_reports_session_idx" ON "cell_reports" USING btree ("tenant_id","session_id");--> statement-breakpoint
CREATE INDEX "cell_reports_plan_idx" ON "cell_reports" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rubrics_version_idx" ON "rubrics" USING btree ("tenant_id","version");--> statement-breakpoint
CREATE INDEX "session_inspections_session_idx" ON "session_inspections" USING btree ("tenant_id","session_id");