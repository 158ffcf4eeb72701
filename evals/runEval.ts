// npm run eval -- [--set FILE …] [--mode offline|llm] [--server URL] [--out DIR]
//                 [--baseline FILE] [--min-accuracy X] … (see evals/README.md)
// Grades the assistant against the question sets; exit 0 ok, 1 threshold not met, 2 input error.
import { main } from './runner/runEval.js';

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  console.error(`eval: unexpected error: ${(e as Error).stack ?? e}`);
  process.exitCode = 2;
}
