CREATE TABLE "loudspeaker_confirmations" (
	"tenant_id" uuid NOT NULL,
	"schedule_id" uuid NOT NULL,
	"occurrence_on" date NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loudspeaker_confirmations_tenant_id_schedule_id_occurrence_on_pk" PRIMARY KEY("tenant_id","schedule_id","occurrence_on")
);
--> statement-breakpoint
CREATE TABLE "loudspeaker_schedules" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"rrule" text NOT NULL,
	"duration_minutes" integer,
	"broadcast_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loudspeaker_schedules_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "propaganda_entries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"on" date NOT NULL,
	"title" text NOT NULL,
	"link" text,
	"posts" integer DEFAULT 0 NOT NULL,
	"broadcasts" integer DEFAULT 0 NOT NULL,
	"copies" integer DEFAULT 0 NOT NULL,
	"duration_minutes" integer,
	"reach" integer,
	"note" text,
	"public" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "propaganda_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "loudspeaker_confirmations" ADD CONSTRAINT "loudspeaker_confirmations_schedule_fk" FOREIGN KEY ("tenant_id","schedule_id") REFERENCES "public"."loudspeaker_schedules"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loudspeaker_schedules" ADD CONSTRAINT "loudspeaker_schedules_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loudspeaker_schedules" ADD CONSTRAINT "loudspeaker_schedules_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propaganda_entries" ADD CONSTRAINT "propaganda_entries_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propaganda_entries" ADD CONSTRAINT "propaganda_entries_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "loudspeaker_schedules_id_idx" ON "loudspeaker_schedules" USING btree ("id");--> statement-breakpoint
CREATE INDEX "loudspeaker_schedules_plan_idx" ON "loudspeaker_schedules" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "propaganda_entries_id_idx" ON "propaganda_entries" USING btree ("id");--> statement-breakpoint
CREATE INDEX "propaganda_entries_plan_idx" ON "propaganda_entries" USING btree ("tenant_id","plan_id","on");