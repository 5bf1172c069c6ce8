CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolution_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"relation" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, qt_search_text("resolutions"."kind" || ' ' || "resolutions"."number" || ' ' || "resolutions"."subject")), 'A') || setweight(to_tsvector('simple'::regconfig, qt_search_text("resolutions"."issuer" || ' ' || "resolutions"."content")), 'D')) STORED
);
--> statement-breakpoint
CREATE TABLE "plan_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"delivered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"read_by" uuid
);
--> statement-breakpoint
CREATE TABLE "plan_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"unit_id" uuid,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_resolutions" (
	"plan_id" uuid NOT NULL,
	"resolution_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"issuer_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"body" jsonb NOT NULL,
	"number" integer,
	"symbol" text DEFAULT 'KH/ĐU' NOT NULL,
	"number_period" text,
	"issued_on" date,
	"supersedes_id" uuid,
	"created_by" uuid,
	"submitted_by" uuid,
	"approved_by" uuid,
	"issued_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commune_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"numbering" text DEFAULT 'year' NOT NULL,
	"term_started_on" date,
	"uy_spelling" text DEFAULT 'ỦY' NOT NULL,
	"superior_name" text NOT NULL,
	"issuer_name" text NOT NULL,
	"place_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vocabulary_extensions" (
	"id" text PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resolution_links" ADD CONSTRAINT "resolution_links_from_id_resolutions_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."resolutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_links" ADD CONSTRAINT "resolution_links_to_id_resolutions_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."resolutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_deliveries" ADD CONSTRAINT "plan_deliveries_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_deliveries" ADD CONSTRAINT "plan_deliveries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_recipients" ADD CONSTRAINT "plan_recipients_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_recipients" ADD CONSTRAINT "plan_recipients_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_resolutions" ADD CONSTRAINT "plan_resolutions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_resolutions" ADD CONSTRAINT "plan_resolutions_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_issuer_unit_id_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resolution_links_uq" ON "resolution_links" USING btree ("from_id","to_id","relation");--> statement-breakpoint
CREATE INDEX "resolutions_tenant_idx" ON "resolutions" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resolutions_tenant_number_uq" ON "resolutions" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "resolutions_search_idx" ON "resolutions" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "resolutions_number_trgm_idx" ON "resolutions" USING gin (qt_fold("number") gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "plan_deliveries_uq" ON "plan_deliveries" USING btree ("plan_id","unit_id");--> statement-breakpoint
CREATE INDEX "plan_deliveries_unit_idx" ON "plan_deliveries" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "plan_recipients_plan_idx" ON "plan_recipients" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_resolutions_uq" ON "plan_resolutions" USING btree ("plan_id","resolution_id");--> statement-breakpoint
CREATE INDEX "plan_resolutions_resolution_idx" ON "plan_resolutions" USING btree ("resolution_id");--> statement-breakpoint
CREATE INDEX "plans_tenant_idx" ON "plans" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_number_uq" ON "plans" USING btree ("issuer_unit_id","symbol","number_period","number");