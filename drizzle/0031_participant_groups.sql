-- "Thành phần" is the participant groups (PRODUCT.md §7): the table and its constraints take the glossary's name (decision 048).
ALTER TABLE "conference_groups" RENAME TO "participant_groups";--> statement-breakpoint
ALTER TABLE "participant_groups" RENAME CONSTRAINT "conference_groups_tenant_id_id_pk" TO "participant_groups_tenant_id_id_pk";--> statement-breakpoint
ALTER TABLE "participant_groups" RENAME CONSTRAINT "conference_groups_conference_fk" TO "participant_groups_conference_fk";--> statement-breakpoint
ALTER INDEX "conference_groups_conference_idx" RENAME TO "participant_groups_conference_idx";
