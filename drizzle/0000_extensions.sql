-- Extensions and helper functions every later migration relies on. PGlite ships unaccent and
-- pg_trgm; on a PostgreSQL server they come with the contrib package.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE (it reads a dictionary), so indexes need an IMMUTABLE wrapper that names
-- the dictionary explicitly. "Nguyễn Văn Hùng" → "nguyen van hung"; "Đ" → "d".
CREATE OR REPLACE FUNCTION qt_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
--> statement-breakpoint
-- The audit log is append-only: refuse every UPDATE and DELETE on it.
CREATE OR REPLACE FUNCTION qt_refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
--> statement-breakpoint
-- Text for full-text search: folded, punctuation to spaces, so that "91-NQ/TU" is the words 91 nq tu
-- (the default parser would read "nq/tu" as a file path).
CREATE OR REPLACE FUNCTION qt_search_text(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT regexp_replace(public.qt_fold(value), '[^[:alnum:]]+', ' ', 'g') $$;
