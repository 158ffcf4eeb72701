// The shape of the code, held: data flows one way (files → ingest → index and records →
// evidence → answer → verify), each room imports only rooms below it, and everything
// outside retrieval/ reaches it through its entry files.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../retrieval/public.js';
import { importCycles, importEdges } from '../helpers/importGraph.js';

const edges = importEdges(PROJECT_ROOT, ['retrieval', 'server', 'client/src', 'evals']);

/** retrieval's rooms from the bottom up; a room may import its own files and rooms of lower layers. */
const LAYERS = [
  ['types.ts', 'defaults.ts'],
  ['script', 'places', 'storage'],
  // Figures' subjects drop a report's self-references (全县, 我市), which places/ generates.
  ['quantities', 'lists'],
  ['indicators', 'ingest', 'index'],
  ['tokenize', 'query'],
  ['evidence'],
  ['corpus'],
  ['cli', 'bench'],
  ['browser.ts'],
  ['public.ts'],
];
const roomOf = (path: string) => path.split('/')[1];
const layerOf = (path: string) => LAYERS.findIndex((rooms) => rooms.includes(roomOf(path)));

describe('architecture', () => {
  it('has no import circle', () => {
    expect(importCycles(edges)).toEqual([]);
  });

  it('every retrieval file sits in a known room, and no room imports one above it or beside it', () => {
    const inRetrieval = edges.filter((e) => e.from.startsWith('retrieval/') && e.to.startsWith('retrieval/'));
    expect([...new Set(inRetrieval.flatMap((e) => [e.from, e.to]).filter((p) => layerOf(p) < 0))]).toEqual([]);
    const upward = inRetrieval.filter((e) => roomOf(e.from) !== roomOf(e.to) && layerOf(e.to) >= layerOf(e.from));
    expect(upward.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('the foundation imports no room: types.ts only zod, defaults.ts nothing', () => {
    expect(edges.filter((e) => e.from === 'retrieval/types.ts' || e.from === 'retrieval/defaults.ts')).toEqual([]);
  });

  it('server, client and evals reach retrieval only through its entry files; browser code only through browser.ts', () => {
    const outside = edges.filter((e) => !e.from.startsWith('retrieval/') && e.to.startsWith('retrieval/'));
    const browser = (p: string) => p.startsWith('client/') || p.startsWith('server/api/');
    const wrong = outside.filter((e) => (browser(e.from) ? e.to !== 'retrieval/browser.ts' : !['retrieval/public.ts', 'retrieval/browser.ts'].includes(e.to)));
    expect(wrong.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('no retrieval code imports the server, the client or the evals', () => {
    const up = edges.filter((e) => e.from.startsWith('retrieval/') && /^(server|client|evals)\//.test(e.to));
    expect(up.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('server/answer keeps its rooms: orchestration beside offline/, llm/ and verify/', () => {
    const entries = readdirSync(join(PROJECT_ROOT, 'server', 'answer')).sort();
    expect(entries).toEqual(['Answerer.ts', 'answerQuestion.ts', 'buildCitations.ts', 'llm', 'offline', 'verify']);
  });
});
