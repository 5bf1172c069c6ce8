-- Hand-written (decision 015): every existing member becomes a person, with a membership history.
-- 1. A person per member (name, gender, birth date, phone, email copied), linked by members.person_id.
UPDATE "members" SET "person_id" = gen_random_uuid() WHERE "person_id" IS NULL;
--> statement-breakpoint
INSERT INTO "persons" ("tenant_id", "id", "full_name", "gender", "birth_date", "phone", "email", "created_at", "updated_at")
SELECT m."tenant_id", m."person_id", m."full_name", m."gender", m."birth_date", m."phone", m."email", m."created_at", m."updated_at"
FROM "members" m
WHERE NOT EXISTS (SELECT 1 FROM "persons" p WHERE p."tenant_id" = m."tenant_id" AND p."id" = m."person_id");
--> statement-breakpoint
ALTER TABLE "members" ALTER COLUMN "person_id" SET NOT NULL;
--> statement-breakpoint
-- An account linked to a member is that member's person's.
UPDATE "users" u SET "person_id" = m."person_id" FROM "members" m WHERE u."tenant_id" = m."tenant_id" AND u."member_id" = m."id" AND u."person_id" IS NULL;
--> statement-breakpoint
-- 2. Each member joined their current cell on their joining date (or the cell's opening, or when recorded).
INSERT INTO "membership_events" ("tenant_id", "member_id", "kind", "effective_on", "cell_id", "note", "created_at")
SELECT m."tenant_id", m."id", 'joined', COALESCE(m."joined_on", u."opened_on", m."created_at"::date), m."cell_id", 'Ghi nhận khi lập lịch sử sinh hoạt', m."created_at"
FROM "members" m JOIN "units" u ON u."tenant_id" = m."tenant_id" AND u."id" = m."cell_id"
WHERE NOT EXISTS (SELECT 1 FROM "membership_events" e WHERE e."tenant_id" = m."tenant_id" AND e."member_id" = m."id");
--> statement-breakpoint
-- The exempt flag becomes an open exemption from that same day.
INSERT INTO "membership_events" ("tenant_id", "member_id", "kind", "effective_on", "to_on", "reason", "created_at")
SELECT e."tenant_id", e."member_id", 'exemption', e."effective_on", NULL, 'Miễn sinh hoạt (ghi nhận khi lập lịch sử sinh hoạt)', e."created_at"
FROM "membership_events" e JOIN "members" m ON m."tenant_id" = e."tenant_id" AND m."id" = e."member_id"
WHERE e."kind" = 'joined' AND m."exempt"
  AND NOT EXISTS (SELECT 1 FROM "membership_events" x WHERE x."tenant_id" = e."tenant_id" AND x."member_id" = e."member_id" AND x."kind" = 'exemption');
--> statement-breakpoint
-- 3. The standard position kinds for every existing commune (src/domain/position-kinds.ts).
INSERT INTO "position_kinds" ("tenant_id", "code", "name", "unit_kinds", "sort_order")
SELECT c."id", k.code, k.name, k.unit_kinds, k.sort_order
FROM "units" c CROSS JOIN (VALUES
  ('cellSecretary', 'Bí thư chi bộ', ARRAY['cell']::text[], 0),
  ('cellDeputySecretary', 'Phó Bí thư chi bộ', ARRAY['cell']::text[], 1),
  ('executiveCommitteeMember', 'Ủy viên Ban Chấp hành Đảng bộ', ARRAY['commune', 'grassrootsOrg']::text[], 2),
  ('standingCommitteeMember', 'Ủy viên Ban Thường vụ', ARRAY['commune', 'grassrootsOrg']::text[], 3),
  ('inspectionCommitteeMember', 'Ủy viên Ủy ban kiểm tra', ARRAY['commune', 'agency']::text[], 4),
  ('standingDeputySecretary', 'Thường trực Đảng ủy', ARRAY['commune']::text[], 5),
  ('partySecretary', 'Bí thư Đảng ủy', ARRAY['commune', 'grassrootsOrg']::text[], 6),
  ('partyDeputySecretary', 'Phó Bí thư Đảng ủy', ARRAY['commune', 'grassrootsOrg']::text[], 7),
  ('peoplesCommitteeChair', 'Chủ tịch UBND', ARRAY['agency']::text[], 8),
  ('peoplesCommitteeViceChair', 'Phó Chủ tịch UBND', ARRAY['agency']::text[], 9),
  ('frontChair', 'Chủ tịch Ủy ban MTTQ', ARRAY['massOrg']::text[], 10),
  ('veteransChair', 'Chủ tịch Hội Cựu chiến binh', ARRAY['massOrg']::text[], 11),
  ('womenChair', 'Chủ tịch Hội Phụ nữ', ARRAY['massOrg']::text[], 12),
  ('youthSecretary', 'Bí thư Đoàn Thanh niên', ARRAY['massOrg']::text[], 13),
  ('farmersChair', 'Chủ tịch Hội Nông dân', ARRAY['massOrg']::text[], 14),
  ('partyBuildingHead', 'Trưởng Ban xây dựng Đảng', ARRAY['agency']::text[], 15),
  ('officeChief', 'Chánh Văn phòng Đảng ủy', ARRAY['agency']::text[], 16),
  ('residentialGroupHead', 'Tổ trưởng tổ dân phố', ARRAY['residentialGroup']::text[], 17)
) AS k(code, name, unit_kinds, sort_order)
WHERE c."kind" = 'commune'
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The people now exist: the keys to them (the generated migration before this one leaves them out).
ALTER TABLE "members" ADD CONSTRAINT "members_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;
