CREATE TABLE "conference_attendance" (
	"tenant_id" uuid NOT NULL,
	"conference_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"marked_by" uuid,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_attendance_tenant_id_conference_id_person_id_pk" PRIMARY KEY("tenant_id","conference_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "conference_groups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"position_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	CONSTRAINT "conference_groups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "conference_participants" (
	"tenant_id" uuid NOT NULL,
	"conference_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"group_id" uuid,
	"role_label" text DEFAULT '' NOT NULL,
	"manual" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_participants_tenant_id_conference_id_person_id_pk" PRIMARY KEY("tenant_id","conference_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "conferences" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"scheduled_at" timestamp with time zone,
	"window_phrase" text,
	"venue" text DEFAULT '' NOT NULL,
	"form" text DEFAULT 'in-person' NOT NULL,
	"online_link" text,
	"reporter_person_id" uuid,
	"reporter_text" text,
	"participants_text" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"convocation_number" integer,
	"convocation_symbol" text,
	"convened_on" date,
	"held_on" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conferences_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"email_status" text DEFAULT 'none' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "conference_attendance" ADD CONSTRAINT "conference_attendance_conference_fk" FOREIGN KEY ("tenant_id","conference_id") REFERENCES "public"."conferences"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_attendance" ADD CONSTRAINT "conference_attendance_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_groups" ADD CONSTRAINT "conference_groups_conference_fk" FOREIGN KEY ("tenant_id","conference_id") REFERENCES "public"."conferences"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_participants" ADD CONSTRAINT "conference_participants_conference_fk" FOREIGN KEY ("tenant_id","conference_id") REFERENCES "public"."conferences"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_participants" ADD CONSTRAINT "conference_participants_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_reporter_person_fk" FOREIGN KEY ("tenant_id","reporter_person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conference_groups_conference_idx" ON "conference_groups" USING btree ("tenant_id","conference_id");--> statement-breakpoint
CREATE INDEX "conferences_plan_idx" ON "conferences" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "notifications_person_idx" ON "notifications" USING btree ("tenant_id","person_id","created_at");