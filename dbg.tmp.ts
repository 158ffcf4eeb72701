import { loadCorpus } from './retrieval/loadCorpus.js';
const c = await loadCorpus({ files: ['evals/reports/sichuan-2023.txt', 'evals/reports/ningxia-2022.txt', 'evals/reports/qinan-2013.txt','evals/reports/mabian-2022.txt'], cacheDir: false });
for (const q of process.argv.slice(2)) { const r = c.search(q); console.log(JSON.stringify({ ...r.query, text: undefined }), r.results.slice(0, 3).map((h) => h.id + ' ' + h.text.slice(0, 50))); }
