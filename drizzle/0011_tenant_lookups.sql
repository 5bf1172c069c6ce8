-- Hand-written (decision 017), after 0010: the lookup tables of globally unique values start with
-- every existing username and party card number. From now on the services write them in the same
-- transaction as the account or the member (auth/accounts.ts, members/cards.ts).
INSERT INTO "usernames" ("username", "tenant_id", "user_id") SELECT "username", "tenant_id", "id" FROM "users";
--> statement-breakpoint
INSERT INTO "member_cards" ("card_number", "tenant_id", "member_id") SELECT "card_number", "tenant_id", "id" FROM "members" WHERE "card_number" IS NOT NULL;
