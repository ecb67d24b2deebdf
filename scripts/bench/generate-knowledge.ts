/**
 * Sentences for generated archives that carry what the knowledge extractor
 * reads, at about the seeds' rates (per story: a dozen mentions of people,
 * as many of places, a handful of organisations, four or five absolute dates
 * and as many attributed quotes): titled full names with particles, surnames
 * alone later, organisations with their acronyms, places after prepositions,
 * dates with and without a year, and the news forms of quotes.
 */
import { capitalize, pick } from './random.ts';

const FIRST =
  'Mohammed Ahmed Hassan Ali Omar Fatima Aisha Layla Sami Nadia Karim Yusuf Maryam Khalid Rania Walid Huda Tariq Salma Ibrahim John Sarah David Anna Peter Maria James Elena Thomas Laura'.split(
    ' ',
  );
const PARTICLES = ['al-', 'bin ', 'Abu ', 'el-', ''];
const TITLES = ['President', 'Prime Minister', 'Foreign Minister', 'General', 'Crown Prince', 'Speaker', 'Secretary General', 'Dr.', 'Mayor', 'Sheikh'];
const ROLES = ['a union negotiator', 'a senior official', 'a local resident', 'a government spokesman', 'an aid worker', 'a diplomat'];
const ORG_HEADS = ['Forces', 'Movement', 'Party', 'Council', 'Authority', 'Agency', 'Front', 'Union', 'Commission'];
const SPEECH = ['said', 'added', 'explained', 'warned', 'noted', 'stated'];
const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const PREPOSITIONS = ['in', 'near', 'from', 'across', 'outside'];

/** Makes knowledge-bearing sentences from a generator's random source and vocabulary. */
export interface KnowledgeSentences {
  /** One sentence: a quote, a dated event, a named actor or a place, in the seeds' proportions. */
  sentence(): string;
}

/**
 * @param next The generator's random source (uniform in [0, 1)).
 * @param names Its made-up proper nouns.
 * @param words Some common words, for the rest of a sentence.
 */
export function createKnowledgeSentences(next: () => number, names: readonly string[], words: (count: number) => string): KnowledgeSentences {
  // A story's cast: drawn afresh every few sentences, so surnames come back within a story.
  const people = Array.from({ length: 60 }, () => `${pick(next, FIRST)} ${pick(next, PARTICLES)}${pick(next, names)}`);
  const places = names.slice(0, 120);
  const organisations = Array.from({ length: 40 }, () => {
    const words = [pick(next, names), pick(next, names), pick(next, ORG_HEADS)];
    return {
      name: words.join(' '),
      acronym: words
        .map((word) => word[0])
        .join('')
        .toUpperCase(),
    };
  });
  let cast = people.slice(0, 4);
  let year = 2020 + Math.floor(next() * 5);
  const surname = (person: string) => person.split(/[ -]/).pop() as string;
  const date = () => {
    const month = pick(next, MONTHS);
    const day = 1 + Math.floor(next() * 28);
    const form = next();
    if (form < 0.45) {
      year = 2015 + Math.floor(next() * 10);
      return `on ${month} ${day}, ${year}`;
    }
    if (form < 0.7) return `on ${month} ${day}`;
    if (form < 0.9) return `in ${month} ${year}`;
    return `in ${year}`;
  };
  const quote = () => capitalize(words(6 + Math.floor(next() * 14)));

  return {
    sentence() {
      if (next() < 0.15) cast = Array.from({ length: 4 }, () => pick(next, people));
      const person = pick(next, cast);
      const organisation = pick(next, organisations);
      const place = pick(next, places);
      switch (Math.floor(next() * 8)) {
        case 0:
          return `${pick(next, TITLES)} ${person} said ${words(5)} ${pick(next, PREPOSITIONS)} ${place} ${date()}.`;
        case 1:
          return `“${quote()},” ${surname(person)} ${pick(next, SPEECH)}.`;
        case 2:
          return `“${quote()},” said ${pick(next, ROLES)} who asked not to be named.`;
        case 3:
          return `${person} told reporters: “${quote()}.”`;
        case 4:
          return `The ${organisation.name} (${organisation.acronym}) ${words(6)} ${pick(next, PREPOSITIONS)} ${place} ${date()}.`;
        case 5:
          return `The ${organisation.acronym} and ${pick(next, organisations).name} ${words(7)} on Tuesday.`;
        case 6:
          return `${capitalize(words(4))} ${pick(next, PREPOSITIONS)} ${place} and ${pick(next, places)} ${date()}, ${surname(person)} ${pick(next, SPEECH)}.`;
        default:
          return `Reuters reported that ${person} met ${pick(next, cast)} ${pick(next, PREPOSITIONS)} ${place}.`;
      }
    },
  };
}
