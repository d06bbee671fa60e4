// What the benchmark lints with: the engine bundled as the CLI and the server bundle it (see bench.ts, bundledEngine).
export { lintFindings, lintText } from '../server/src/engine';
export { loadReferenceData } from '../server/src/data/reference';
export { shareFacts } from '../server/src/util/memo';
