/**
 * A story's names, resolved the way a careful reader tags them: each
 * mention weighed, a surname or first name alone resolved to the full name
 * the story gives, an acronym to the expansion it gives ("the Rapid Support
 * Forces (RSF)"), an alias to its name ("X, known as Y"), then ranked by
 * mentions and capped.
 */
import { AGENCIES, TITLE_WORDS } from './gazetteer.ts';
import { lexiconKind } from './lexicon.ts';
import { foldName, nameWords, weighMention, type Evidence, type Kind } from './classify-name.ts';
import { findSpans } from './name-spans.ts';
import type { Sentence } from './sentences.ts';

/** At most this many names of each kind per story: a story that names 500 people still lists a readable set. */
export const MAX_NAMES_PER_KIND = 40;

/** One resolved mention of a name. */
export interface Mention {
  sentence: number;
  start: number;
  end: number;
  /** The canonical name it resolves to. */
  name: string;
  kind: Kind;
}

/** The names of one story. */
export interface StoryNames {
  people: string[];
  places: string[];
  organisations: string[];
  /** Every resolved mention, in reading order (quotes use them to find speakers). */
  mentions: Mention[];
  /** The canonical person a name as written stands for, if any. */
  resolvePerson(name: string): string | undefined;
}

interface Surface {
  text: string;
  evidence: Evidence[];
  mentions: { sentence: number; start: number; end: number }[];
}

const ACRONYM_AFTER = /^\s*\((\p{Lu}[\p{Lu}\p{N}&-]{1,9})\)/u;
const ACRONYM_KNOWN = /^,?\s+(?:known|also known)\s+by\s+its\s+(?:[\p{L}]+\s+)?(?:acronym|initials)\s*,?\s+(\p{Lu}[\p{Lu}\p{N}&-]{1,9})/u;
const ALIAS_AFTER = /^,\s+(?:also\s+)?known\s+as\s+$/u;

/**
 * Find, weigh and resolve the names of a story.
 *
 * @param sentences The story's sentences in reading order.
 * @returns Its people, places and organisations, most mentioned first.
 */
export function resolveNames(sentences: readonly Sentence[]): StoryNames {
  const surfaces = new Map<string, Surface>();
  const order: Surface[] = [];
  const acronyms = new Map<string, string>();
  const aliases = new Map<string, string>();

  sentences.forEach((sentence, index) => {
    // A headline capitalises every word: its capitals say nothing.
    if (sentence.heading) return;
    const spans = findSpans(sentence.text);
    spans.forEach((span, at) => {
      // The context rules look a few words either side: short slices keep them linear in the sentence.
      const before = sentence.text.slice(Math.max(0, span.start - 80), span.start);
      const after = sentence.text.slice(span.end, span.end + 120);
      const key = foldName(span.text);
      if (!key) return;
      let surface = surfaces.get(key);
      if (!surface) {
        surface = { text: span.text, evidence: [], mentions: [] };
        surfaces.set(key, surface);
        order.push(surface);
      }
      surface.evidence.push(weighMention({ name: span.text, before, after, titled: span.titled, initial: span.initial }));
      surface.mentions.push({ sentence: index, start: span.start, end: span.end });
      const acronym = ACRONYM_AFTER.exec(after)?.[1] ?? ACRONYM_KNOWN.exec(after)?.[1];
      if (acronym && !acronyms.has(acronym) && span.text.includes(' ')) acronyms.set(acronym, key);
      const previous = spans[at - 1];
      if (previous && ALIAS_AFTER.test(sentence.text.slice(previous.end, span.start))) aliases.set(key, foldName(previous.text));
    });
  });

  // Each surface's own kind: a sure kind wins over leans; leans are counted.
  const kinds = new Map<string, Kind | undefined>();
  for (const [key, surface] of surfaces) kinds.set(key, decideKind(surface.evidence));
  propagateThroughLists(sentences, surfaces, kinds);

  const full = (kind: Kind) => order.filter((surface) => kinds.get(foldName(surface.text)) === kind && surface.text.includes(' '));
  const people = indexPeople(full('person'));
  const organisations = full('organisation');
  const canonical = new Map<string, { name: string; kind: Kind }>();
  const resolveKey = (key: string, seen = 0): { name: string; kind: Kind } | undefined => {
    if (seen > 3) return undefined;
    const done = canonical.get(key);
    if (done) return done;
    const surface = surfaces.get(key);
    if (!surface) return undefined;
    const alias = aliases.get(key);
    if (alias && kinds.get(alias) === 'person') return resolveKey(alias, seen + 1);
    const expansion = acronyms.get(surface.text);
    if (expansion && expansion !== key) return resolveKey(expansion, seen + 1);
    const kind = kinds.get(key);
    const words = nameWords(surface.text);
    // "Iranian Quds Force" where the story also says "Quds Force".
    const [first, ...rest] = surface.text.split(' ');
    const bare = surfaces.get(foldName(rest.join(' ')));
    if (rest.length > 0 && lexiconKind(first!.toLowerCase()) === 'demonym' && bare?.evidence.some((item) => item.kind)) {
      return resolveKey(foldName(rest.join(' ')), seen + 1);
    }
    const sure = surface.evidence.find((item) => item.kind)?.kind;
    if (sure !== 'place' && sure !== 'organisation') {
      const person = findFullName(words, people, surface);
      if (person) return resolveKey(foldName(person.text), seen + 1);
    }
    if (
      (kind === 'organisation' && !sure) ||
      (kind === undefined && /^\p{Lu}+$/u.test(surface.text)) ||
      (sure === 'organisation' && /^\p{Lu}+$/u.test(surface.text))
    ) {
      const organisation = organisations.find(
        (candidate) =>
          candidate !== surface && (initials(candidate.text) === surface.text || (words.length === 1 && nameWords(candidate.text).at(-1) === words[0])),
      );
      if (organisation) return resolveKey(foldName(organisation.text), seen + 1);
    }
    if (!kind) return undefined;
    return { name: AGENCIES.get(surface.text) ?? surface.text, kind };
  };
  for (const key of surfaces.keys()) {
    const resolved = resolveKey(key);
    if (resolved) canonical.set(key, resolved);
  }

  const mentions: Mention[] = [];
  const counts = new Map<string, { kind: Kind; count: number; first: number }>();
  for (const [key, surface] of surfaces) {
    const resolved = canonical.get(key);
    if (!resolved) continue;
    for (const mention of surface.mentions) mentions.push({ ...mention, name: resolved.name, kind: resolved.kind });
    const tally = counts.get(resolved.name) ?? { kind: resolved.kind, count: 0, first: Number.MAX_SAFE_INTEGER };
    tally.count += surface.mentions.length;
    tally.first = Math.min(tally.first, surface.mentions[0]!.sentence);
    counts.set(resolved.name, tally);
  }
  mentions.sort((a, b) => a.sentence - b.sentence || a.start - b.start);
  const ranked = [...counts].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first);
  const list = (kind: Kind) =>
    ranked
      .filter(([, tally]) => tally.kind === kind)
      .slice(0, MAX_NAMES_PER_KIND)
      .map(([name]) => name);
  return {
    people: list('person'),
    places: list('place'),
    organisations: list('organisation'),
    mentions,
    resolvePerson(name: string) {
      const words = name.replace(/['’]s?$/u, '').split(' ');
      while (words.length > 1 && TITLE_WORDS.has(words[0]!.toLowerCase())) words.shift();
      const key = foldName(words.join(' '));
      name = words.join(' ');
      const resolved = canonical.get(key) ?? (surfaces.has(key) ? undefined : resolveUnseen(name, people, canonical));
      return resolved?.kind === 'person' ? resolved.name : undefined;
    },
  };
}

/** A sure kind from any mention; else the lean most mentions share; rejected if a mention says it is no name. */
function decideKind(evidence: readonly Evidence[]): Kind | undefined {
  const sure = evidence.find((item) => item.kind)?.kind;
  if (sure) return sure;
  if (evidence.every((item) => item.reject)) return undefined;
  const votes = new Map<Kind, number>();
  for (const item of evidence) if (item.lean) votes.set(item.lean, (votes.get(item.lean) ?? 0) + 1);
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** People's full names indexed by their first and last words, for resolving shorter names. */
interface PeopleIndex {
  byLast: Map<string, { surface: Surface; words: string[] }[]>;
  byFirst: Map<string, Surface[]>;
}

function indexPeople(people: readonly Surface[]): PeopleIndex {
  const index: PeopleIndex = { byLast: new Map(), byFirst: new Map() };
  for (const surface of people) {
    const words = nameWords(surface.text);
    if (words.length === 0) continue;
    const last = words[words.length - 1]!;
    index.byLast.set(last, [...(index.byLast.get(last) ?? []), { surface, words }]);
    index.byFirst.set(words[0]!, [...(index.byFirst.get(words[0]!) ?? []), surface]);
  }
  return index;
}

/** The earliest full name a shorter name is the end or the first name of ("Burhan", "Al Thani", "Carol"). */
function findFullName(words: readonly string[], people: PeopleIndex, self: Surface): Surface | undefined {
  if (words.length === 0) return undefined;
  const ends = (people.byLast.get(words[words.length - 1]!) ?? []).filter(
    ({ surface, words: full }) =>
      surface !== self && full.length > words.length && words.every((word, index) => full[full.length - words.length + index] === word),
  );
  if (ends.length > 0) return ends[0]!.surface;
  if (words.length !== 1) return undefined;
  const starts = (people.byFirst.get(words[0]!) ?? []).filter((person) => person !== self);
  return starts.length === 1 ? starts[0] : undefined;
}

function resolveUnseen(name: string, people: PeopleIndex, canonical: Map<string, { name: string; kind: Kind }>) {
  const person = findFullName(nameWords(name), people, { text: name, evidence: [], mentions: [] });
  return person ? canonical.get(foldName(person.text)) : undefined;
}

/** Initials of an organisation's capitalised words ("Free Patriotic Movement" gives "FPM"). */
function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
}

/** Give the names of one list the kind most of its sure members have, where a name is not sure itself. */
function shareKind(keys: readonly string[], surfaces: Map<string, Surface>, kinds: Map<string, Kind | undefined>): void {
  const votes = new Map<Kind, number>();
  for (const key of keys) {
    const kind = kinds.get(key);
    if (kind) votes.set(kind, (votes.get(kind) ?? 0) + (surfaces.get(key)!.evidence.some((item) => item.kind) ? 3 : 1));
  }
  const winner = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!winner) return;
  for (const key of keys) {
    const evidence = surfaces.get(key)!.evidence;
    if (!evidence.some((item) => item.kind) && !evidence.every((item) => item.reject)) kinds.set(key, winner);
  }
}

/** Names listed together share a kind: "Al-Tanf, al-Shadadi, Rmeilan and Green Village". */
function propagateThroughLists(sentences: readonly Sentence[], surfaces: Map<string, Surface>, kinds: Map<string, Kind | undefined>): void {
  const bySentence = new Map<number, { key: string; start: number; end: number }[]>();
  for (const [key, surface] of surfaces) {
    for (const mention of surface.mentions) {
      const list = bySentence.get(mention.sentence) ?? [];
      list.push({ key, start: mention.start, end: mention.end });
      bySentence.set(mention.sentence, list);
    }
  }
  for (const [index, list] of bySentence) {
    list.sort((a, b) => a.start - b.start);
    const text = sentences[index]!.text;
    // Chains of names joined by commas, "and" or "or": a list when it has an "and"/"or" or three names.
    let chain = [list[0]!];
    let joined = false;
    const close = () => {
      if (chain.length >= 3 || (chain.length === 2 && joined))
        shareKind(
          chain.map((item) => item.key),
          surfaces,
          kinds,
        );
    };
    for (let i = 1; i < list.length; i++) {
      const gap = text.slice(list[i - 1]!.end, list[i]!.start);
      const match = /^(?:,\s*|(,?\s+(?:and|or)\s+))(?:the\s+)?$/.exec(gap);
      if (match) {
        chain.push(list[i]!);
        joined ||= match[1] !== undefined;
      } else {
        close();
        chain = [list[i]!];
        joined = false;
      }
    }
    close();
  }
}
