// Public surface of the retrieval library.
export { loadCorpus, PROJECT_ROOT, type Corpus, type LoadCorpusOptions } from './loadCorpus.js';
export { searchCorpus, normaliseQuestion, QueryError, type SearchOptions } from './search.js';
export { parseQuery } from './query/parseQuery.js';
export { lookupIndicators } from './indicators/lookupIndicators.js';
export { INDICATORS, indicatorDef } from './indicators/vocabulary.js';
export { createTokenizer } from './tokenize/createTokenizer.js';
export { DEFAULTS, INDEX_FORMAT_VERSION } from './defaults.js';
export * from './types.js';
