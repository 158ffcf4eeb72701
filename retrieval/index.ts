// Public surface of the retrieval library.
export { loadCorpus, PROJECT_ROOT, type LoadCorpusOptions } from './corpus/loadCorpus.js';
export { type Corpus } from './types.js';
export { searchCorpus, normaliseQuestion, QueryError } from './evidence/searchCorpus.js';
export { type SearchOptions } from './types.js';
export { parseQuery } from './query/parseQuery.js';
export { lookupIndicators } from './indicators/lookupIndicators.js';
export { INDICATORS, indicatorDef } from './indicators/vocabulary.js';
export { createTokenizer } from './tokenize/createTokenizer.js';
export { DEFAULTS, INDEX_FORMAT_VERSION } from './defaults.js';
export * from './types.js';
