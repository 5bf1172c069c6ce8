CREATE TABLE "member_cards" (
	"card_number" text PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"member_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usernames" (
	"username" text PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "members" DROP CONSTRAINT "members_cell_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "role_grants" DROP CONSTRAINT "role_grants_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "role_grants" DROP CONSTRAINT "role_grants_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "resolution_links" DROP CONSTRAINT "resolution_links_from_id_resolutions_id_fk";
--> statement-breakpoint
ALTER TABLE "resolution_links" DROP CONSTRAINT "resolution_links_to_id_resolutions_id_fk";
--> statement-breakpoint
ALTER TABLE "plan_deliveries" DROP CONSTRAINT "plan_deliveries_plan_id_plans_id_fk";
--> statement-breakpoint
ALTER TABLE "plan_deliveries" DROP CONSTRAINT "plan_deliveries_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "plan_recipients" DROP CONSTRAINT "plan_recipients_plan_id_plans_id_fk";
--> statement-breakpoint
ALTER TABLE "plan_recipients" DROP CONSTRAINT "plan_recipients_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "plan_resolutions" DROP CONSTRAINT "plan_resolutions_plan_id_plans_id_fk";
--> statement-breakpoint
ALTER TABLE "plan_resolutions" DROP CONSTRAINT "plan_resolutions_resolution_id_resolutions_id_fk";
--> statement-breakpoint
ALTER TABLE "plans" DROP CONSTRAINT "plans_issuer_unit_id_units_id_fk";
--> statement-breakpoint
DROP INDEX "units_tenant_idx";--> statement-breakpoint
DROP INDEX "members_tenant_idx";--> statement-breakpoint
DROP INDEX "resolutions_tenant_idx";--> statement-breakpoint
DROP INDEX "plan_resolutions_uq";--> statement-breakpoint
DROP INDEX "plans_tenant_idx";--> statement-breakpoint
DROP INDEX "members_card_number_uq";--> statement-breakpoint
DROP INDEX "role_grants_user_idx";--> statement-breakpoint
DROP INDEX "sessions_user_idx";--> statement-breakpoint
DROP INDEX "users_username_uq";--> statement-breakpoint
DROP INDEX "resolution_links_uq";--> statement-breakpoint
DROP INDEX "plan_deliveries_uq";--> statement-breakpoint
DROP INDEX "plan_recipients_plan_idx";--> statement-breakpoint
DROP INDEX "plan_resolutions_resolution_idx";--> statement-breakpoint
DROP INDEX "plans_number_uq";--> statement-breakpoint
-- drizzle-kit cannot name a column primary key: filled in by hand (PostgreSQL names it <table>_pkey).
ALTER TABLE "units" DROP CONSTRAINT "units_pkey";--> statement-breakpoint
ALTER TABLE "units" ALTER COLUMN "tenant_id" SET NOT NULL;--> statement-breakpoint
-- drizzle-kit cannot name a column primary key: filled in by hand (PostgreSQL names it <table>_pkey).
ALTER TABLE "members" DROP CONSTRAINT "members_pkey";--> statement-breakpoint
-- drizzle-kit cannot name a column primary key: filled in by hand (PostgreSQL names it <table>_pkey).
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_pkey";--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "tenant_id" SET NOT NULL;--> statement-breakpoint
-- drizzle-kit cannot name a column primary key: filled in by hand (PostgreSQL names it <table>_pkey).
ALTER TABLE "role_grants" DROP CONSTRAINT "role_grants_pkey";--> statement-breakpoint
ALTER TABLE "role_grants" ALTER COLUMN "tenant_id" SET NOT NULL;--> statement-breakpoint
-- drizzle-kit cannot name a column primary key: filled in by hand (PostgreSQL names it <table>_pkey).
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_pkey";--> statement-breakpoint
-- drizzle-kit cannot name a column primary key: filled in by hand (PostgreSQL names it <table>_pkey).
ALTER TABLE "users" DROP CONSTRAINT "users_pkey";--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "tenant_id" SET NOT NULL;--> statement-breakpoint
-- drizzle-kit cannot name a column primary key: filled in by hand (PostgreSQL names it <table>_pkey).
ALTER TABLE "attachments" DROP CONSTRAINT "attachments_pkey";--> statement-breakpoint
-- drizzle-kit cannot name a column primary key: filled in by hand (PostgreSQL names it <table>_pkey).
ALTER TABLE "resolution_links" DROP CONSTRAINT "resolution_links_pkey";--> statement-breakpoint
-- drizzle-kit cannot name a column primary key: filled in by hand (PostgreSQL names it <table>_pkey).
ALTER TABLE "resolutions" DROP CONSTRAINT "resolutions_pkey";--> statement-breakpoint
-- drizzle-kit cannot name a column primary key: filled in by hand (PostgreSQL names it <table>_pkey).
ALTER TABLE "plan_deliveries" DROP CONSTRAINT "plan_deliveries_pkey";--> statement-breakpoint
-- drizzle-kit cannot name a column primary key: filled in by hand (PostgreSQL names it <table>_pkey).
ALTER TABLE "plan_recipients" DROP CONSTRAINT "plan_recipients_pkey";--> statement-breakpoint
-- drizzle-kit cannot name a column primary key: filled in by hand (PostgreSQL names it <table>_pkey).
ALTER TABLE "plans" DROP CONSTRAINT "plans_pkey";--> statement-breakpoint
-- Moved by hand before the primary keys (drizzle-kit adds the column after the key that names it).
ALTER TABLE "sessions" ADD COLUMN "tenant_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "resolution_links" ADD CONSTRAINT "resolution_links_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "plan_deliveries" ADD CONSTRAINT "plan_deliveries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "plan_recipients" ADD CONSTRAINT "plan_recipients_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "plan_resolutions" ADD CONSTRAINT "plan_resolutions_tenant_id_plan_id_resolution_id_pk" PRIMARY KEY("tenant_id","plan_id","resolution_id");--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_cell_fk" FOREIGN KEY ("tenant_id","cell_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_member_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_links" ADD CONSTRAINT "resolution_links_from_fk" FOREIGN KEY ("tenant_id","from_id") REFERENCES "public"."resolutions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_links" ADD CONSTRAINT "resolution_links_to_fk" FOREIGN KEY ("tenant_id","to_id") REFERENCES "public"."resolutions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_deliveries" ADD CONSTRAINT "plan_deliveries_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_deliveries" ADD CONSTRAINT "plan_deliveries_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_recipients" ADD CONSTRAINT "plan_recipients_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_recipients" ADD CONSTRAINT "plan_recipients_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_resolutions" ADD CONSTRAINT "plan_resolutions_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_resolutions" ADD CONSTRAINT "plan_resolutions_resolution_fk" FOREIGN KEY ("tenant_id","resolution_id") REFERENCES "public"."resolutions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_issuer_unit_fk" FOREIGN KEY ("tenant_id","issuer_unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "units_id_idx" ON "units" USING btree ("id");--> statement-breakpoint
CREATE INDEX "members_id_idx" ON "members" USING btree ("id");--> statement-breakpoint
CREATE INDEX "users_id_idx" ON "users" USING btree ("id");--> statement-breakpoint
CREATE INDEX "attachments_id_idx" ON "attachments" USING btree ("id");--> statement-breakpoint
CREATE INDEX "resolutions_id_idx" ON "resolutions" USING btree ("id");--> statement-breakpoint
CREATE INDEX "plan_deliveries_id_idx" ON "plan_deliveries" USING btree ("id");--> statement-breakpoint
CREATE INDEX "plans_id_idx" ON "plans" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_card_number_uq" ON "members" USING btree ("tenant_id","card_number");--> statement-breakpoint
CREATE INDEX "role_grants_user_idx" ON "role_grants" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree ("tenant_id","username");--> statement-breakpoint
CREATE UNIQUE INDEX "resolution_links_uq" ON "resolution_links" USING btree ("tenant_id","from_id","to_id","relation");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_deliveries_uq" ON "plan_deliveries" USING btree ("tenant_id","plan_id","unit_id");--> statement-breakpoint
CREATE INDEX "plan_recipients_plan_idx" ON "plan_recipients" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "plan_resolutions_resolution_idx" ON "plan_resolutions" USING btree ("tenant_id","resolution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_number_uq" ON "plans" USING btree ("tenant_id","issuer_unit_id","symbol","number_period","number");