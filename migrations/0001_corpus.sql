-- The corpus in PostgreSQL: reports with their original files, paragraphs, passages
-- with their tokens, the corpus-wide statistics BM25 ranks by, quantity records and
-- indicator rows. Applied by retrieval/corpus/postgres/migrate.ts (npm start,
-- npm run db:migrate), in one transaction, into the schema DATABASE_SCHEMA names.

-- Objects are stored as json, not jsonb: kept as written (key order too) and never
-- queried inside; the columns beside them are what queries filter on.

-- One row: the change counter every server follows (corpus_changes, NOTIFY), and the
-- statistics BM25 needs across the whole corpus. avg_* are kept with MiniSearch's own
-- running-average arithmetic (corpusStats.ts), so scores equal the embedded index's.
CREATE TABLE corpus_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version bigint NOT NULL DEFAULT 0,
  passages bigint NOT NULL DEFAULT 0,
  avg_text float8 NOT NULL DEFAULT 0,
  avg_title float8 NOT NULL DEFAULT 0,
  avg_lead float8 NOT NULL DEFAULT 0
);
INSERT INTO corpus_state DEFAULT VALUES;

-- The order reports were added in: the catalog's order and the index's document order
-- (ties in ranking go to the earlier passage, as in the embedded index).
CREATE SEQUENCE report_order;

CREATE TABLE reports (
  id text PRIMARY KEY,
  seq bigint NOT NULL UNIQUE,
  origin text NOT NULL CHECK (origin IN ('builtin', 'added')),
  -- Where it came from: seeds, reports-dir, upload, load (npm run db:load).
  source text NOT NULL,
  source_file text NOT NULL,
  meta json NOT NULL,
  sections json NOT NULL,
  -- Metadata the user supplied or corrected (what a sidecar holds in the reports folder).
  overrides json,
  file_bytes bytea NOT NULL,
  file_hash text NOT NULL,
  -- textFingerprint: the same speech in another format is the same report.
  text_hash text NOT NULL,
  -- The ingestion code and tokenizer that made the rows below; others mean re-ingest.
  ingest_code text,
  tokenizer text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reports_file_hash ON reports (file_hash);
CREATE INDEX reports_text_hash ON reports (text_hash);

CREATE TABLE paragraphs (
  report_id text NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  position int NOT NULL,
  id text NOT NULL UNIQUE,
  data json NOT NULL,
  PRIMARY KEY (report_id, position)
);

-- Retrieval units with their jieba tokens (made by the tokenizer module the embedded
-- index uses): `tf` maps each token to its counts in the text, section title and lead,
-- packed in one integer (statsScorer.ts packCounts); `lengths` are MiniSearch's field
-- lengths (distinct tokens per field); `terms` holds every token as a tsvector lexeme,
-- taken as is (no parser, no dictionary), for the GIN index that finds candidates.
-- Ranking is BM25 over term_stats, computed by the server.
CREATE TABLE passages (
  report_id text NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  report_seq bigint NOT NULL,
  position int NOT NULL,
  id text NOT NULL,
  paragraph_id text NOT NULL,
  start_offset int NOT NULL,
  end_offset int NOT NULL,
  -- NULL when the passage is its paragraph's text between the offsets (almost always).
  text text,
  section_title text NOT NULL,
  lead text NOT NULL,
  tf jsonb NOT NULL,
  lengths int[] NOT NULL,
  terms tsvector NOT NULL,
  PRIMARY KEY (report_id, position)
);
CREATE INDEX passages_terms ON passages USING gin (terms);

-- Document frequency of each term in each field, over the whole corpus.
CREATE TABLE term_stats (
  term text PRIMARY KEY,
  df_text int NOT NULL DEFAULT 0,
  df_title int NOT NULL DEFAULT 0,
  df_lead int NOT NULL DEFAULT 0
);

-- Quantity records, read a report at a time (the evidence looks at its reports' records).
CREATE TABLE quantities (
  report_id text PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  records json NOT NULL
);

CREATE TABLE indicator_rows (
  report_id text NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  report_seq bigint NOT NULL,
  position int NOT NULL,
  place text NOT NULL,
  year int NOT NULL,
  kind text NOT NULL,
  indicator text NOT NULL,
  measure text NOT NULL,
  data json NOT NULL,
  PRIMARY KEY (report_id, position)
);
CREATE INDEX indicator_rows_indicator ON indicator_rows (indicator, year);
CREATE INDEX indicator_rows_place ON indicator_rows (place, year);

-- Files imported from seeds/, the reports folder or npm run db:load, by content hash:
-- each is read once, and one deleted through the API is not brought back at the next start.
CREATE TABLE imported_files (
  file_hash text PRIMARY KEY,
  source text NOT NULL,
  file text NOT NULL,
  report_id text,
  imported_at timestamptz NOT NULL DEFAULT now()
);

-- Files of an import that could not be loaded, and why (GET /api/reports lists them).
CREATE TABLE load_errors (
  source text NOT NULL,
  file text NOT NULL,
  reason text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, file)
);

-- Every change, numbered by corpus_state.version: a server that missed a NOTIFY catches up here.
CREATE TABLE corpus_changes (
  version bigint PRIMARY KEY,
  op text NOT NULL CHECK (op IN ('put', 'remove')),
  report_id text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
