/**
 * Deterministic generator of raw article dumps in the layout the ingest reads,
 * for benchmarks: realistic lengths, a Zipf-like vocabulary with rare proper
 * nouns, typographic punctuation, subtitles, caption pairs, section headings
 * and inline photos.
 */
import { COMMON_WORDS, CREDITS } from './vocabulary.ts';
import { capitalize, inventWord, pick, seededRandom } from './random.ts';
import { createKnowledgeSentences } from './generate-knowledge.ts';
import { createZipfVocabulary, type ZipfVocabulary } from './zipf-vocabulary.ts';

/** Options of one generated archive. */
export interface GenerateOptions {
  /** How many articles in all. */
  articles: number;
  /** Articles per dump file (the last file may hold fewer). */
  perFile?: number;
  /** Seed of the random generator: the same seed gives the same archive. */
  seed?: number;
  /** "small": a few hundred common words (the default); "zipf": tens of thousands by Zipf's law (`zipfVocabularyOf`). */
  vocabulary?: 'small' | 'zipf';
}

/**
 * The Zipf vocabulary an archive of this seed draws from (`vocabulary: "zipf"`).
 *
 * @param seed The archive's seed.
 * @returns Its words by frequency rank, and the sampler the generator uses.
 */
export function zipfVocabularyOf(seed = 1): ZipfVocabulary {
  return createZipfVocabulary(seededRandom(seed * 7919 + 17));
}

/** One generated dump file. */
export interface GeneratedFile {
  name: string;
  text: string;
}

/** Share of sentences that carry names, dates or a quote (see generate-knowledge.ts). */
const KNOWLEDGE_RATE = 0.25;

/**
 * Generate the dump files of an archive, one at a time.
 *
 * @param options Size and seed.
 * @returns An iterator over files, named like the real dumps (`000123_<hex>.txt`).
 */
export function* generateDumps(options: GenerateOptions): Generator<GeneratedFile> {
  const perFile = options.perFile ?? 10;
  const next = seededRandom(options.seed ?? 1);
  const names = Array.from({ length: 400 }, () => capitalize(inventWord(next, 2 + Math.floor(next() * 2))));
  // Zipf-like: low ranks (common words) far more often than the tail.
  const zipf = options.vocabulary === 'zipf' ? zipfVocabularyOf(options.seed ?? 1).draw : undefined;
  const common = zipf ?? (() => COMMON_WORDS[Math.floor(COMMON_WORDS.length * next() ** 2.2)] as string);
  const word = () => (next() < 0.06 ? pick(next, names) : common());
  const words = (count: number) => Array.from({ length: count }, word).join(' ');
  // Typographic quotes, apostrophes and dashes at about the rate of the real
  // dumps (six or so a kilobyte): they make the text two-byte in JavaScript,
  // which costs the ingest more than ASCII does.
  const sentence = () => {
    const parts = Array.from({ length: 8 + Math.floor(next() * 18) }, word);
    const at = () => Math.floor(next() * (parts.length - 2));
    if (next() < 0.25) {
      const i = at();
      parts[i] = `“${parts[i]}`;
      parts[i + 2] = `${parts[i + 2]}”`;
    }
    if (next() < 0.2) parts[at()] = `${pick(next, names)}’s`;
    if (next() < 0.03) parts.splice(at() + 1, 0, '—');
    return capitalize(`${parts.join(' ')}.`);
  };
  const heading = () => capitalize(words(2 + Math.floor(next() * 4)));
  // People, places, organisations, dates and quotes at about the seeds' rates.
  const knowledge = createKnowledgeSentences(next, names, words);
  const caption = () => `${capitalize(words(10 + Math.floor(next() * 20)))} on ${1 + Math.floor(next() * 28)} May 2024. (${pick(next, CREDITS)})`;

  for (let file = 0, written = 0; written < options.articles; file++) {
    const count = Math.min(perFile, options.articles - written);
    const blankSeparated = next() < 0.5;
    const articles: string[] = [];
    for (let a = 0; a < count; a++) {
      const title = `${capitalize(words(5 + Math.floor(next() * 7)))} ${pick(next, names)}${next() < 0.2 ? '’s' : ''} ${written + a}`;
      const lead = caption();
      const header = [title, ''];
      if (next() < 0.5) header.push(capitalize(`${words(8 + Math.floor(next() * 8))}?`), '');
      header.push(lead, lead.replace(' (', '  ('), 'TT', '', title, '', lead, lead.replace(' (', '  ('), '');
      const body: string[] = [];
      const paragraphs = 8 + Math.floor(next() * 20);
      for (let p = 0; p < paragraphs; p++) {
        if (p > 2 && next() < 0.08) body.push(heading());
        if (p > 3 && next() < 0.03) {
          const inline = caption();
          body.push(`${inline}\n${inline}`);
        }
        body.push(Array.from({ length: 1 + Math.floor(next() * 4) }, () => (next() < KNOWLEDGE_RATE ? knowledge.sentence() : sentence())).join(' '));
      }
      articles.push(header.join('\n') + body.join(blankSeparated ? '\n\n' : '\n'));
    }
    written += count;
    const hex = [next(), next()]
      .map((n) =>
        Math.floor(n * 2 ** 24)
          .toString(16)
          .padStart(6, '0'),
      )
      .join('');
    yield { name: `${String(file).padStart(6, '0')}_${hex}.txt`, text: `${articles.join('\n\n\n\n')}\n` };
  }
}
