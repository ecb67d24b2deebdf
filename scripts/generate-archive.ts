/**
 * Write a generated raw archive for benchmarks.
 *
 *   npm run generate -- --articles 10000 --out .bench/raw-10k [--per-file 10] [--seed 1] [--vocabulary zipf]
 *
 * It writes into a new or empty folder only: it never removes what is there.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateDumps } from './bench/generate-dumps.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    out: { type: 'string', default: '.bench/raw' },
    'per-file': { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    vocabulary: { type: 'string', default: 'small' },
  },
});

if (values.vocabulary !== 'small' && values.vocabulary !== 'zipf') {
  throw new Error(`generate-archive: --vocabulary ${values.vocabulary}: expected "small" or "zipf"`);
}
const out = path.resolve(values.out);
const present = (() => {
  try {
    return readdirSync(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    console.error(`generate-archive: ${values.out}: ${(error as Error).message}, expected a new or empty folder`);
    process.exit(2);
  }
})();
if (present.length > 0) {
  console.error(
    `generate-archive: ${values.out}: holds ${present.length} file${present.length === 1 ? '' : 's'} (${present.slice(0, 3).join(', ')}), expected a new or empty folder; remove them first`,
  );
  process.exit(2);
}
mkdirSync(out, { recursive: true });
let files = 0;
let bytes = 0;
for (const file of generateDumps({
  articles: Number(values.articles),
  perFile: Number(values['per-file']),
  seed: Number(values.seed),
  vocabulary: values.vocabulary,
})) {
  writeFileSync(path.join(out, file.name), file.text);
  files++;
  bytes += Buffer.byteLength(file.text);
}
console.log(`generate-archive: ${values.articles} articles in ${files} files, ${(bytes / 1e6).toFixed(1)} MB, in ${out}`);
