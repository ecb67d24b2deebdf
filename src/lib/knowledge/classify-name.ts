/**
 * What kind of thing a candidate name is, from the name itself (compromise's
 * lexicon, head words, particles) and from the words around one mention of it.
 */
import { AGENCIES, KNOWN_ORGS, NAME_PARTICLES, NATIONALITIES, ORG_HEADS, ORG_OPENERS, PLACE_HEADS, SPEECH_VERBS } from './gazetteer.ts';
import { lexiconKind } from './lexicon.ts';

/** The kinds of name an entry lists. */
export type Kind = 'person' | 'place' | 'organisation';

/** What one mention says about its name: a kind for sure, a lean, or nothing. */
export interface Evidence {
  kind?: Kind;
  /** The kind the mention's context suggests, weaker than `kind`. */
  lean?: Kind;
  /** Not a name at all (a demonym, a plain word at the start of a sentence). */
  reject?: boolean;
}

const COUNTRY_ACRONYMS = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'KSA']);
const STRONG_PLACE = new Set([
  'in',
  'near',
  'across',
  'into',
  'outside',
  'toward',
  'towards',
  'throughout',
  'via',
  'within',
  'inside',
  'above',
  'below',
  'beyond',
]);
const WEAK_PLACE = new Set(['to', 'from', 'at', 'visited', 'through', 'around', 'reached', 'entered', 'left']);
const DIRECTIONS =
  /(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of\s+$|(?:city|town|village|province|region|capital|district|suburb|port|area) of\s+$/i;
const SPEECH_AFTER = new RegExp(`^,?\\s+(?:(?:also|later|then|previously|has|had|have|was|were|is)\\s+)?(?:${SPEECH_VERBS.join('|')})\\b`);
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}&]{1,6}$/u;

/** Fold a name for comparison: lower case, no diacritics, no punctuation. */
export function foldName(name: string): string {
  // Plain ASCII letters and spaces only need lower case.
  if (/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(name)) return name.toLowerCase();
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a name without "al-"-style prefixes, folded: "al-Sudani" and "Sudani" compare equal. */
export function nameWords(name: string): string[] {
  return foldName(name.replace(/\b(?:al|el|Al|El)-/g, ''))
    .split(' ')
    .filter((word) => word && !NAME_PARTICLES.has(word));
}

/** One mention of a name, in its sentence. */
export interface Mention {
  /** The candidate as found (title and possessive stripped). */
  name: string;
  /** The sentence's text before the mention. */
  before: string;
  /** The sentence's text after it. */
  after: string;
  /** A personal title stood before it. */
  titled: boolean;
  /** It opens its sentence. */
  initial: boolean;
}

export function weighMention({ name, before, after, titled, initial }: Mention): Evidence {
  const words = name.split(' ');
  const lower = name.toLowerCase();
  const last = words[words.length - 1]!.toLowerCase();
  const previous = /([\p{L}]+)\s*$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  const nextWord = /^\s+([\p{Ll}]+)/u.exec(after)?.[1] ?? '';

  if (AGENCIES.has(name)) return { kind: 'organisation' };
  if (KNOWN_ORGS.has(lower)) return { kind: 'organisation' };
  const lexicon = lexiconKind(lower);
  if (
    lexicon === 'demonym' ||
    lexicon === 'calendar' ||
    words.every((word) => NATIONALITIES.has(word.toLowerCase()) || lexiconKind(word.toLowerCase()) === 'demonym')
  )
    return { reject: true };
  if (ACRONYM.test(name)) return { kind: COUNTRY_ACRONYMS.has(name) ? 'place' : 'organisation' };
  if (lexicon === 'place') return { kind: 'place' };
  if (lexicon === 'organisation') return { kind: 'organisation' };
  if (titled) return { kind: 'person' };
  const headed = words.some((word, index) => ORG_HEADS.has(word.toLowerCase()) && ['of', 'for'].includes(words[index + 1] ?? ''));
  if (words.length > 1 && (ORG_HEADS.has(last) || ORG_OPENERS.has(words[0]!.toLowerCase()) || headed)) return { kind: 'organisation' };
  if (words.length > 1 && words.some((word) => KNOWN_ORGS.has(word.toLowerCase()))) return { kind: 'organisation' };
  if (words.length > 1 && PLACE_HEADS.has(last)) return { kind: 'place' };
  // A lower-case head after the name: "the al-Nujaba movement", "the Ain al-Asad base".
  if (ORG_HEADS.has(nextWord)) return { kind: 'organisation' };
  if (PLACE_HEADS.has(nextWord)) return { kind: 'place' };
  if (words.length === 1 && initial && (lexicon === 'plain' || lexicon === undefined) && !SPEECH_AFTER.test(after)) return { reject: true };
  // A quoted title (“The Way Back”) names a work, not a person, place or organisation.
  if (/[“"‘]\s*(?:The\s+)?$/u.test(before) && /^[,.]?[”"’]/u.test(after) && lexicon !== 'firstName') return { reject: true };
  // An organisation in apposition: "the Taiwanese firm, Gold Apollo,".
  if (
    /\b(?:firm|company|group|agency|organi[sz]ation|party|movement|militia|newspaper|channel|broadcaster|network|startup|manufacturer|maker|charity|union|coalition),\s*$/u.test(
      before,
    )
  )
    return { kind: 'organisation' };
  // "Groups like Asaib Ahl al-Haq", "factions such as Kataib Hezbollah".
  if (/\b(?:groups?|factions?|militias?|parties|organi[sz]ations?|movements?|companies|firms|agencies)\s+(?:like|such as|including)\s*$/iu.test(before))
    return { kind: 'organisation' };
  // Several words after "the" name an organisation, not a person ("the Asaib Ahl al-Haq").
  if (words.length > 1 && previous === 'the' && !STRONG_PLACE.has(/([\p{L}]+)\s+the\s*$/u.exec(before)?.[1]?.toLowerCase() ?? ''))
    return { kind: 'organisation' };
  // An appositive after a kinship or role noun: "Ben Mbarek’s sister, Dalila".
  if (/\b(?:sister|brother|mother|father|wife|husband|son|daughter|uncle|aunt|cousin|friend|lawyer|colleague|grandmother|grandfather|widow),\s*$/u.test(before))
    return { kind: 'person' };

  const placeContext = STRONG_PLACE.has(previous) || DIRECTIONS.test(before);
  const speaks = SPEECH_AFTER.test(after);
  const determiner = previous === 'the';
  const firstName = words.length > 1 && lexiconKind(words[0]!.toLowerCase()) === 'firstName';
  const lastName = words.length > 1 && lexiconKind(last) === 'lastName';
  const particles =
    words.length > 1 &&
    words.some((word) => /^(?:al|el)-/i.test(word) || ['bin', 'ibn', 'bint', 'abu', 'abou', 'umm', 'von', 'van', 'de'].includes(word.toLowerCase()));

  if (placeContext) return { lean: 'place' };
  if ((firstName || lastName) && !determiner) return { kind: 'person' };
  if (speaks) return { lean: words.length > 1 ? 'person' : 'organisation' };
  if (lexicon === 'firstName' && words.length === 1) return { lean: 'person' };
  if (determiner) return { lean: 'organisation' };
  if (particles) return { lean: 'person' };
  if (WEAK_PLACE.has(previous)) return { lean: 'place' };
  if (words.length > 1) return { lean: 'person' };
  return {};
}
