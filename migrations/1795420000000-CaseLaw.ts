import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationInterface, QueryRunner } from 'typeorm';

interface SeedFile {
  topics: { key: string; labels: Record<string, string> }[];
  entries: { id: string; content: { kind: string } }[];
}

/**
 * The case-law tab: topics, entries with their revisions, and the published texts that readers
 * search. A trigger derives the facets and the per-language search vectors of each published
 * text from its content. Arabic is normalised (diacritics, tatweel, alef, yeh and teh marbuta)
 * by `caselaw_normalize_ar`, applied alike to documents and to queries. Seeded from
 * data/caselaw-seed.json, published and authored by the system.
 */
export class CaseLaw1795420000000 implements MigrationInterface {
  name = 'CaseLaw1795420000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "caselaw_entries" ("id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "current_revision" integer NOT NULL, "published_revision" integer, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_by" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE, "published_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "caselaw_entries_published_is_current" CHECK ("status" <> 'published' OR "published_revision" = "current_revision"), CONSTRAINT "caselaw_entries_status_known" CHECK ("status" IN ('draft', 'in_review', 'published')), CONSTRAINT "caselaw_entries_kind_known" CHECK ("kind" IN ('entry', 'explainer')), CONSTRAINT "PK_8939f8def4979e75941851aa6f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "caselaw_entries_status" ON "caselaw_entries"("status", "updated_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "caselaw_published" ("entry_id" uuid NOT NULL, "revision" integer NOT NULL, "content" jsonb NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "kind" text NOT NULL, "chamber" text, "decision_date" date, "situation" text, "document_type" text, "document_keys" text array NOT NULL, "article_keys" text array NOT NULL, "articles" text array NOT NULL, "topics" text array NOT NULL, "languages" text array NOT NULL, "tsv_en" tsvector NOT NULL, "tsv_fr" tsvector NOT NULL, "tsv_es" tsvector NOT NULL, "tsv_ar" tsvector NOT NULL, "tsv_simple" tsvector NOT NULL, CONSTRAINT "PK_708518a9b69677cca726e46ed5c" PRIMARY KEY ("entry_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "caselaw_revisions" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "entry_id" uuid NOT NULL, "number" integer NOT NULL, "content" jsonb NOT NULL, "author_id" uuid, "origin" text NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "caselaw_revisions_number_positive" CHECK ("number" > 0), CONSTRAINT "caselaw_revisions_origin_known" CHECK ("origin" IN ('edit', 'import', 'seed')), CONSTRAINT "PK_f66d9fa8f42ae0910d327f0f9d3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "caselaw_revisions_entry_number_unique" ON "caselaw_revisions"("entry_id", "number")`,
    );
    await queryRunner.query(
      `CREATE TABLE "caselaw_topics" ("key" text NOT NULL, "labels" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "caselaw_topics_key_format" CHECK ("key" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'), CONSTRAINT "PK_e150cf052939a9cdf171608b487" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "caselaw_entries" ADD CONSTRAINT "caselaw_entries_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "caselaw_entries" ADD CONSTRAINT "caselaw_entries_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "caselaw_entries" ADD CONSTRAINT "caselaw_entries_submitted_by_fk" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "caselaw_entries" ADD CONSTRAINT "caselaw_entries_published_by_fk" FOREIGN KEY ("published_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "caselaw_published" ADD CONSTRAINT "caselaw_published_entry_fk" FOREIGN KEY ("entry_id") REFERENCES "caselaw_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "caselaw_revisions" ADD CONSTRAINT "caselaw_revisions_entry_fk" FOREIGN KEY ("entry_id") REFERENCES "caselaw_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "caselaw_revisions" ADD CONSTRAINT "caselaw_revisions_author_fk" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "caselaw_topics" ADD CONSTRAINT "caselaw_topics_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // PostgreSQL ships an `arabic` Snowball configuration; a build without one gets an
    // unstemmed stand-in of the same name, so the functions below work either way.
    const [{ present }] = (await queryRunner.query(
      `SELECT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'arabic') AS present`,
    )) as { present: boolean }[];
    if (!present) {
      await queryRunner.query(
        `CREATE TEXT SEARCH CONFIGURATION public.arabic (COPY = pg_catalog.simple)`,
      );
    }
    await queryRunner.query(String.raw`CREATE FUNCTION caselaw_normalize_ar(input text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT translate(regexp_replace(input, '[\u064B-\u0652\u0670\u0640]', '', 'g'), 'أإآٱىة', 'اااايه')
      $$`);
    // Markdown to the words it shows: link text without its target, no block or emphasis marks.
    await queryRunner.query(String.raw`CREATE FUNCTION caselaw_plain(markdown text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT regexp_replace(
                 regexp_replace(
                   regexp_replace(coalesce(markdown, ''), '\[([^][]*)\]\([^)[:space:]]*\)', '\1', 'g'),
                   '^ {0,3}(#{1,3}|>|[-*+]|[0-9]{1,9}[.)])[ \t]+', '', 'gn'),
                 '\\([[:punct:]])|[*\x60]+', '\1', 'g')
      $$`);
    // Title A, key holdings B, summary or body C, quotations D, in one language.
    await queryRunner.query(String.raw`CREATE FUNCTION caselaw_vector(cfg regconfig, c jsonb, lang text) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector(cfg, caselaw_normalize_ar(coalesce(c #>> ARRAY['title', lang], ''))), 'A')
            || setweight(to_tsvector(cfg, caselaw_normalize_ar(caselaw_plain(c #>> ARRAY['holdings', lang]))), 'B')
            || setweight(to_tsvector(cfg, caselaw_normalize_ar(caselaw_plain(coalesce(c #>> ARRAY['summary', lang], c #>> ARRAY['body', lang])))), 'C')
            || setweight(to_tsvector(cfg, caselaw_normalize_ar(coalesce(
                 (SELECT string_agg(q ->> 'text', ' ') FROM jsonb_array_elements(c -> 'quotes') q WHERE q ->> 'lang' = lang), ''))), 'D')
      $$`);
    await queryRunner.query(String.raw`CREATE FUNCTION caselaw_published_derive() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        c jsonb := NEW.content;
      BEGIN
        NEW.kind := c ->> 'kind';
        NEW.chamber := c ->> 'chamber';
        NEW.decision_date := (c ->> 'date')::date;
        NEW.situation := c ->> 'situation';
        NEW.document_type := c ->> 'documentType';
        NEW.document_keys := ARRAY(
          SELECT DISTINCT upper(n) FROM jsonb_array_elements_text(coalesce(c -> 'documentNumbers', '[]')) n ORDER BY 1);
        NEW.articles := ARRAY(
          SELECT DISTINCT (a ->> 'instrument') || ':' || (a ->> 'article')
                 || coalesce('(' || (a ->> 'paragraph') || ')', '')
                 || coalesce('(' || (a ->> 'subparagraph') || ')', '')
                 || coalesce('(' || (a ->> 'point') || ')', '')
            FROM jsonb_array_elements(coalesce(c -> 'articles', '[]')) a ORDER BY 1);
        NEW.article_keys := ARRAY(
          SELECT DISTINCT k
            FROM jsonb_array_elements(coalesce(c -> 'articles', '[]')) a,
                 LATERAL (VALUES
                   ((a ->> 'instrument') || ':' || (a ->> 'article')),
                   ((a ->> 'instrument') || ':' || (a ->> 'article') || '(' || (a ->> 'paragraph') || ')'),
                   ((a ->> 'instrument') || ':' || (a ->> 'article') || '(' || (a ->> 'paragraph') || ')('
                      || (a ->> 'subparagraph') || ')'),
                   ((a ->> 'instrument') || ':' || (a ->> 'article') || '(' || (a ->> 'paragraph') || ')('
                      || (a ->> 'subparagraph') || ')(' || (a ->> 'point') || ')')) v(k)
           WHERE k IS NOT NULL ORDER BY 1);
        NEW.topics := ARRAY(
          SELECT DISTINCT t FROM jsonb_array_elements_text(coalesce(c -> 'topics', '[]')) t ORDER BY 1);
        NEW.languages := ARRAY(
          SELECT l FROM unnest(ARRAY['en', 'fr', 'ar', 'es']) l
           WHERE coalesce(c -> 'summary', c -> 'body') ? l);
        NEW.tsv_en := caselaw_vector('english', c, 'en');
        NEW.tsv_fr := caselaw_vector('french', c, 'fr');
        NEW.tsv_es := caselaw_vector('spanish', c, 'es');
        NEW.tsv_ar := caselaw_vector('arabic', c, 'ar');
        -- Document numbers as whole lexemes (the parser would split them), with their situation
        -- and case prefixes and the numbers the texts mention; then names and titles, unstemmed.
        NEW.tsv_simple := array_to_tsvector(ARRAY(
            SELECT DISTINCT lower(x) FROM (
              SELECT unnest(NEW.document_keys) AS x
              UNION ALL SELECT substring(k FROM '^ICC-[0-9]{2}/[0-9]{2}') FROM unnest(NEW.document_keys) k
              UNION ALL SELECT substring(k FROM '^ICC-[0-9]{2}/[0-9]{2}-[0-9]{2}/[0-9]{2}') FROM unnest(NEW.document_keys) k
              UNION ALL SELECT upper(m[1]) FROM regexp_matches(c::text,
                '(ICC-(?:[0-9]{2}/[0-9]{2}(?:-[0-9]{2}/[0-9]{2})?-[0-9]{1,6}|ACRed-[0-9]{2}/[0-9]{2})(?:-[A-Za-z][A-Za-z0-9]{0,11})*)', 'g') m
            ) s WHERE x IS NOT NULL))
          || to_tsvector('simple', caselaw_normalize_ar(concat_ws(' ',
               c #>> '{title,en}', c #>> '{title,fr}', c #>> '{title,ar}', c #>> '{title,es}',
               c ->> 'situation', c ->> 'caseName')));
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER caselaw_published_derive BEFORE INSERT OR UPDATE ON "caselaw_published" FOR EACH ROW EXECUTE FUNCTION caselaw_published_derive()`,
    );
    for (const column of ['tsv_en', 'tsv_fr', 'tsv_es', 'tsv_ar', 'tsv_simple']) {
      await queryRunner.query(
        `CREATE INDEX "caselaw_published_${column}" ON "caselaw_published" USING gin ("${column}")`,
      );
    }
    for (const column of ['document_keys', 'article_keys', 'topics']) {
      await queryRunner.query(
        `CREATE INDEX "caselaw_published_${column}" ON "caselaw_published" USING gin ("${column}")`,
      );
    }

    const file = join(__dirname, 'data', 'caselaw-seed.json');
    const seed = JSON.parse(readFileSync(file, 'utf8')) as SeedFile;
    for (const topic of seed.topics) {
      await queryRunner.query(`INSERT INTO "caselaw_topics" ("key", "labels") VALUES ($1, $2)`, [
        topic.key,
        JSON.stringify(topic.labels),
      ]);
    }
    for (const entry of seed.entries) {
      const content = JSON.stringify(entry.content);
      await queryRunner.query(
        `INSERT INTO "caselaw_entries" ("id", "kind", "status", "current_revision", "published_revision", "updated_at", "published_at") VALUES ($1, $2, 'published', 1, 1, now(), now())`,
        [entry.id, entry.content.kind],
      );
      await queryRunner.query(
        `INSERT INTO "caselaw_revisions" ("entry_id", "number", "content", "author_id", "origin", "note") VALUES ($1, 1, $2, NULL, 'seed', 'written from the source documents')`,
        [entry.id, content],
      );
      await queryRunner.query(
        `INSERT INTO "caselaw_published" ("entry_id", "revision", "content", "published_at") VALUES ($1, 1, $2, now())`,
        [entry.id, content],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "caselaw_published"`);
    await queryRunner.query(`DROP TABLE "caselaw_revisions"`);
    await queryRunner.query(`DROP TABLE "caselaw_entries"`);
    await queryRunner.query(`DROP TABLE "caselaw_topics"`);
    await queryRunner.query(`DROP FUNCTION caselaw_published_derive()`);
    await queryRunner.query(`DROP FUNCTION caselaw_vector(regconfig, jsonb, text)`);
    await queryRunner.query(`DROP FUNCTION caselaw_plain(text)`);
    await queryRunner.query(`DROP FUNCTION caselaw_normalize_ar(text)`);
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION IF EXISTS public.arabic`);
  }
}
