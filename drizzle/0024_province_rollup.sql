CREATE TABLE "plan_report_figures" (
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"expected" integer NOT NULL,
	"submitted" integer NOT NULL,
	"on_time" integer NOT NULL,
	"late" integer NOT NULL,
	"missing" integer NOT NULL,
	"members" jsonb NOT NULL,
	"ratings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_report_figures_tenant_id_plan_id_pk" PRIMARY KEY("tenant_id","plan_id")
);
--> statement-breakpoint
CREATE TABLE "upward_reports" (
	"tenant_id" uuid NOT NULL,
	"commune_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"commune_name" text NOT NULL,
	"plan_title" text NOT NULL,
	"plan_number" text DEFAULT '' NOT NULL,
	"resolution" text NOT NULL,
	"due_at" timestamp with time zone,
	"status" text DEFAULT 'pending' NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"issued_on" date,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"on_time" boolean,
	"cells_expected" integer DEFAULT 0 NOT NULL,
	"cells_submitted" integer DEFAULT 0 NOT NULL,
	"cells_on_time" integer DEFAULT 0 NOT NULL,
	"cells_late" integer DEFAULT 0 NOT NULL,
	"cells_missing" integer DEFAULT 0 NOT NULL,
	"members_expected" integer DEFAULT 0 NOT NULL,
	"members_present" integer DEFAULT 0 NOT NULL,
	"members_late" integer DEFAULT 0 NOT NULL,
	"members_excused" integer DEFAULT 0 NOT NULL,
	"members_absent" integer DEFAULT 0 NOT NULL,
	"members_made_up" integer DEFAULT 0 NOT NULL,
	"ratings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cells" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"difficulties" text DEFAULT '' NOT NULL,
	"proposals" text DEFAULT '' NOT NULL,
	"read_at" timestamp with time zone,
	"read_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "upward_reports_tenant_id_commune_id_plan_id_pk" PRIMARY KEY("tenant_id","commune_id","plan_id")
);
--> statement-breakpoint
ALTER TABLE "plan_report_figures" ADD CONSTRAINT "plan_report_figures_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "upward_reports_resolution_idx" ON "upward_reports" USING btree ("tenant_id","resolution","status");