CREATE TABLE "session_attendance" (
	"tenant_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"checked_in_at" timestamp with time zone,
	"marked_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_attendance_tenant_id_session_id_member_id_pk" PRIMARY KEY("tenant_id","session_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "session_guests" (
	"tenant_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_guests_tenant_id_session_id_member_id_pk" PRIMARY KEY("tenant_id","session_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "study_sessions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text DEFAULT 'regular' NOT NULL,
	"make_up_of_id" uuid,
	"due" jsonb,
	"at_conference" boolean DEFAULT false NOT NULL,
	"scheduled_at" timestamp with time zone,
	"place" text,
	"form" text DEFAULT 'in-person' NOT NULL,
	"online_link" text,
	"reporter" text DEFAULT 'Đồng chí Bí thư chi bộ' NOT NULL,
	"reached_youth" integer DEFAULT 0 NOT NULL,
	"reached_association" integer DEFAULT 0 NOT NULL,
	"reached_public" integer DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"opinions" text DEFAULT '' NOT NULL,
	"chair_name" text DEFAULT '' NOT NULL,
	"minutes_secretary_name" text DEFAULT '' NOT NULL,
	"held_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "study_sessions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "server_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"tenant_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_tenant_id_token_hash_pk" PRIMARY KEY("tenant_id","token_hash")
);
--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_member_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_session_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."study_sessions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_guests" ADD CONSTRAINT "session_guests_member_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_guests" ADD CONSTRAINT "session_guests_session_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."study_sessions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_sessions" ADD CONSTRAINT "study_sessions_make_up_of_fk" FOREIGN KEY ("tenant_id","make_up_of_id") REFERENCES "public"."study_sessions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_sessions" ADD CONSTRAINT "study_sessions_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_sessions" ADD CONSTRAINT "study_sessions_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_attendance_member_idx" ON "session_attendance" USING btree ("tenant_id","member_id");--> statement-breakpoint
CREATE INDEX "study_sessions_id_idx" ON "study_sessions" USING btree ("id");--> statement-breakpoint
CREATE INDEX "study_sessions_plan_idx" ON "study_sessions" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "study_sessions_unit_idx" ON "study_sessions" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "calendar_feeds_person_idx" ON "calendar_feeds" USING btree ("tenant_id","person_id");