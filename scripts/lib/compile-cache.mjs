// Preloaded by the npm scripts that run the ingest (`node --import`): Node's
// compile cache on disk before the entry file loads. A TypeScript entry loaded
// without it is stripped of its types afresh on every run, which starts the
// stripper itself, about 100 ms of a re-run (DESIGN.md, "Running"). Plain
// JavaScript, so that loading it strips nothing.
import module from 'node:module';

module.enableCompileCache();
