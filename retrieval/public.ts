// The retrieval library's public surface: what the server, the evals and the command
// line use. Files → corpus (loadCorpus, the report store), question → evidence
// (prepareEvidence, searchCorpus), and the domain knowledge the answer side composes
// with (indicators, places, script, numbers). Nothing outside retrieval/ imports a
// deeper path; browser code imports browser.ts, whose exports this one includes.
export * from './browser.js';

// Corpus: loading, where reports live, adding and removing them.
export { loadCorpus, PROJECT_ROOT, type LoadCorpusOptions } from './corpus/loadCorpus.js';
export { corpusOptionsFromEnv, reportsDirFromEnv } from './corpus/corpusEnv.js';
export { createReportStore, ReportStoreError, type ReportStore } from './corpus/reportStore.js';
export { createIngestPool, IngestError, type IngestPool } from './corpus/ingestPool.js';
export { recoverReportsDir } from './storage/reportJournal.js';
export { StorageError } from './storage/StorageError.js';
export { figureConflicts, withConflictWarnings } from './indicators/figureConflicts.js';
export { contentHash } from './corpus/ingestFile.js';
export { corpusFor } from './corpus/corpusFor.js';
// The corpus in PostgreSQL (DATABASE_URL): opened by npm start, the CLIs and the evals.
export { databaseConfigFromEnv, redactUrl, type DatabaseConfig } from './corpus/postgres/connectDatabase.js';
export { openDatabaseCorpus, type DatabaseCorpus, type OpenDatabaseCorpusOptions } from './corpus/postgres/databaseCorpus.js';
export { SchemaTooNewError } from './corpus/postgres/migrate.js';
export { REPORT_EXTENSIONS } from './ingest/readers/readReportFile.js';
export { deliveredYear } from './ingest/deliveredYear.js';

// Question → evidence.
export { prepareEvidence, resolveQuery, type PreparedQuestion } from './evidence/prepareEvidence.js';
export { normaliseQuestion, QueryError, searchCorpus } from './evidence/searchCorpus.js';
export { LIST_INTRO } from './evidence/sectionHeadings.js';
export { knownPlacesOf, parentPlacesOf } from './evidence/parentPlaces.js';
export { questionWords } from './evidence/questionWords.js';
export { parseQuery } from './query/parseQuery.js';
export { parseConversation } from './query/parseConversation.js';
export { contentTerms } from './query/contentTerms.js';
export { coverFacetsOf, type CoverFacet } from './query/coverFacets.js';
export { createTokenizer } from './tokenize/createTokenizer.js';
export { SegmenterUnavailableError } from './tokenize/SegmenterUnavailableError.js';
export { tokenizerFromEnv } from './tokenize/tokenizerFromEnv.js';
export { tokenizerLabel } from './tokenize/tokenizerLabel.js';

// Domain knowledge the answer side composes and checks with.
export { INDICATORS, indicatorDef, labelPart } from './indicators/vocabulary.js';
export { kindsForRole } from './indicators/kindsForRole.js';
export { lookupIndicators } from './indicators/lookupIndicators.js';
export { disagreeingFigures, samePlaceOf, type FigureDisagreement, type FigureStatement } from './indicators/disagreeingFigures.js';
export { placeForms } from './places/placeForms.js';
export { samePlace } from './places/samePlace.js';
export { englishPlaceName } from './places/latinForms.js';
// Numbers: the one numeral parser, unit table, figure finder and subject reader (quantities/).
export { findFigures, type Figure } from './quantities/findFigures.js';
export { parseNumeral } from './quantities/parseNumeral.js';
export { planPeriodOf } from './quantities/planPeriod.js';
export { unitNamed, type Unit, type UnitMeasure } from './quantities/units.js';
export { describeSubject, sameSubject, subjectReader, type FigureSpan, type Subject } from './quantities/figureSubject.js';
export { toSimplified } from './script/toSimplified.js';

// Measuring: the benchmarks of every layer report percentiles the same way.
export { percentile } from './bench/percentile.js';
export { readSeeds, syntheticQuestion, syntheticQuestions, syntheticReport } from './bench/syntheticCorpus.js';
