-- Hand-written: the plans issued so far enter the register, so their numbering continues from it.
INSERT INTO "document_numbers" ("tenant_id", "issuer_unit_id", "symbol", "period", "number", "document_type", "document_id", "issued_on")
SELECT "tenant_id", "issuer_unit_id", "symbol", "number_period", "number", 'plan', "id", "issued_on"
FROM "plans"
WHERE "status" = 'issued' AND "number" IS NOT NULL AND "number_period" IS NOT NULL AND "issued_on" IS NOT NULL;
