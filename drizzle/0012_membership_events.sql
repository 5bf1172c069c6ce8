CREATE TABLE "membership_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"effective_on" date NOT NULL,
	"to_on" date,
	"cell_id" uuid,
	"from_cell_id" uuid,
	"other_ward" text,
	"reason" text,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "left_on" date;--> statement-breakpoint
ALTER TABLE "membership_events" ADD CONSTRAINT "membership_events_member_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_events" ADD CONSTRAINT "membership_events_cell_fk" FOREIGN KEY ("tenant_id","cell_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membership_events_member_idx" ON "membership_events" USING btree ("tenant_id","member_id","effective_on");--> statement-breakpoint
CREATE INDEX "membership_events_cell_idx" ON "membership_events" USING btree ("tenant_id","cell_id");--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_kind_fk" FOREIGN KEY ("tenant_id","kind_code") REFERENCES "public"."position_kinds"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "persons_name_search_idx" ON "persons" USING gin (qt_fold("full_name") gin_trgm_ops);