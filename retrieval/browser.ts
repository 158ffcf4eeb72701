// The part of the retrieval library's surface that runs in a browser: the data shapes
// and zod schemas (types.ts), the defaults, and the metadata a user may correct. No
// Node APIs, so the client and the API schemas it shares with the server import it
// (through public.ts the server gets the same exports). Nothing outside retrieval/
// imports a deeper path.
export * from './types.js';
export { DEFAULTS, INDEX_FORMAT_VERSION } from './defaults.js';
export { districtAsPlace, MetaOverridesSchema, type MetaOverrides } from './ingest/metaOverrides.js';
