-- "Báo cáo tổng hợp" is the consolidated report (PRODUCT.md §7): the table and its constraints take the glossary's name (decision 048).
ALTER TABLE "ward_reports" RENAME TO "consolidated_reports";--> statement-breakpoint
ALTER TABLE "consolidated_reports" RENAME CONSTRAINT "ward_reports_tenant_id_id_pk" TO "consolidated_reports_tenant_id_id_pk";--> statement-breakpoint
ALTER TABLE "consolidated_reports" RENAME CONSTRAINT "ward_reports_plan_fk" TO "consolidated_reports_plan_fk";--> statement-breakpoint
ALTER INDEX "ward_reports_plan_idx" RENAME TO "consolidated_reports_plan_idx";
