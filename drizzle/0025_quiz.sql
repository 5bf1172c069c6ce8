CREATE TABLE "quiz_attempts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"resolution_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"cell_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"questions" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"answers" jsonb,
	"correct_count" integer,
	"score" double precision,
	"created_by" uuid,
	CONSTRAINT "quiz_attempts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "quiz_questions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"resolution_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"options" jsonb NOT NULL,
	"correct" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quiz_questions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "quiz_settings" (
	"tenant_id" uuid NOT NULL,
	"resolution_id" uuid NOT NULL,
	"question_count" integer NOT NULL,
	"time_limit_minutes" integer NOT NULL,
	"attempts_limit" integer NOT NULL,
	"counting" text NOT NULL,
	"open" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quiz_settings_tenant_id_resolution_id_pk" PRIMARY KEY("tenant_id","resolution_id")
);
--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_resolution_fk" FOREIGN KEY ("tenant_id","resolution_id") REFERENCES "public"."resolutions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_member_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_cell_fk" FOREIGN KEY ("tenant_id","cell_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_questions" ADD CONSTRAINT "quiz_questions_resolution_fk" FOREIGN KEY ("tenant_id","resolution_id") REFERENCES "public"."resolutions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_settings" ADD CONSTRAINT "quiz_settings_resolution_fk" FOREIGN KEY ("tenant_id","resolution_id") REFERENCES "public"."resolutions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quiz_attempts_id_idx" ON "quiz_attempts" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_attempts_member_number_uq" ON "quiz_attempts" USING btree ("tenant_id","resolution_id","member_id","number");--> statement-breakpoint
CREATE INDEX "quiz_attempts_cell_idx" ON "quiz_attempts" USING btree ("tenant_id","resolution_id","cell_id");--> statement-breakpoint
CREATE INDEX "quiz_questions_id_idx" ON "quiz_questions" USING btree ("id");--> statement-breakpoint
CREATE INDEX "quiz_questions_resolution_idx" ON "quiz_questions" USING btree ("tenant_id","resolution_id","created_at");