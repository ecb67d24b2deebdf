/**
 * Direct quotes and their speakers: “…,” said X; “…,” X said; X said: “…”;
 * “…,” X told Y; and the other speech verbs news uses. A quote that follows
 * an attributed one in the same paragraph is the same speaker's. The speaker
 * is resolved to the full name the story gives, a pronoun to the person last
 * named, or kept as the description ("a union negotiator") where the story
 * names nobody. A quoted word or title with no attribution (scare quotes,
 * “The Truman Show”) is not a quote.
 */
import type { Quote } from '../entry-schema.ts';
import { SPEECH_VERBS } from './gazetteer.ts';
import { lexiconTags } from './lexicon.ts';
import type { Mention, StoryNames } from './resolve-names.ts';
import type { Sentence } from './sentences.ts';

const VERB = `(?:${SPEECH_VERBS.join('|')})`;
const QUOTE = /[“"]([^“”"]{2,})[”"]/g;
// After the closing mark: “…,” Hamra said / “…,” Asinat’s mother, Fatima, added / “…,” he told CNN.
const SPEAKER_THEN_VERB = new RegExp(String.raw`^[\s,]*([^“”".!?]{1,80}?)\s+(?:also\s+|later\s+|then\s+)?${VERB}\b`, 'u');
// After the closing mark: “…,” said the officer, who … / “…,” said her mother, Sindus Hamra.
const VERB_THEN_SPEAKER = new RegExp(String.raw`^[\s,]*${VERB}\s+((?:[^“”".!?]|[“"][^“”"]{0,40}[”"]){1,120})`, 'u');
// Before the opening mark: The officer said: “…” / Asked if …, he said, “…”.
const BEFORE = new RegExp(String.raw`(?:^|[.!?]\s+)([^.!?“”"]*?)\s+${VERB}(?:\s+[\p{Ll}]+){0,3}\s*[:,]\s*$`, 'u');
// A description that speaks without quotes: "A union negotiator … said …".
const SPEAKING_DESCRIPTION = new RegExp(String.raw`(?:^|[.!?]\s+)((?:A|An|The)\s+[\p{Ll}\p{Lu}][^,.!?“”]{0,60}?)(?:,[^.!?“”]*?,)?\s+${VERB}\b`, 'gu');
const PRONOUN = /^(?:he|she|they|i|we)$/i;
const ALIAS = /who (?:went|goes|go) by the name [“"]?([\p{Lu}][\p{L}-]+)/u;

interface Position {
  unit: number;
  offset: number;
}

const before = (a: Position, b: Position) => a.unit < b.unit || (a.unit === b.unit && a.offset < b.offset);

/**
 * Find the quotes of a story.
 *
 * @param units The story's units' texts in reading order.
 * @param sentences Its sentences (for the positions of names).
 * @param names Its resolved names.
 */
export function findQuotes(units: readonly { text: string; heading: boolean; caption: boolean }[], sentences: readonly Sentence[], names: StoryNames): Quote[] {
  const quotes: Quote[] = [];
  const referents: { at: Position; speaker: string; person?: Mention }[] = names.mentions
    .filter((mention) => mention.kind === 'person')
    .map((mention) => {
      const sentence = sentences[mention.sentence]!;
      return { at: { unit: sentence.unit, offset: sentence.offset + mention.start }, speaker: mention.name, person: mention };
    });
  const descriptions: string[] = [];
  // Kin and roles named in apposition ("Asinat’s mother, Fatima"), for "her mother said".
  const roles: { role: string; name: string; at: Position }[] = [];
  units.forEach((unit, index) => {
    for (const match of unit.text.matchAll(
      /\b(mother|father|sister|brother|wife|husband|son|daughter|lawyer|doctor|friend),\s+([\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+)*)/gu,
    )) {
      roles.push({ role: match[1]!, name: match[2]!, at: { unit: index, offset: match.index } });
    }
  });

  const lastReferent = (at: Position, pronoun: string) => {
    const gender = pronoun.toLowerCase() === 'she' ? 'FemaleName' : pronoun.toLowerCase() === 'he' ? 'MaleName' : undefined;
    let best: (typeof referents)[number] | undefined;
    for (const referent of referents) {
      if (!before(referent.at, at) || (best && before(referent.at, best.at))) continue;
      const first = referent.person ? lexiconTags(referent.speaker.split(' ')[0]!.toLowerCase()) : [];
      const other = gender === 'FemaleName' ? 'MaleName' : 'FemaleName';
      if (gender && first.includes(other) && !first.includes(gender)) continue;
      best = referent;
    }
    return best?.speaker;
  };

  const resolve = (phrase: string, at: Position): string | undefined => {
    const text = phrase
      .trim()
      .replace(/[,;:]+$/, '')
      .trim();
    if (!text) return undefined;
    if (PRONOUN.test(text)) return /^(?:they|we)$/i.test(text) ? undefined : lastReferent(at, text);
    const alias = ALIAS.exec(text)?.[1];
    if (alias) return names.resolvePerson(alias) ?? alias;
    // The last capitalised name in the phrase is the speaker ("her mother, Sindus Hamra").
    const parts = text.split(/\s+(?:who|which|as|after|before|when|while|in a|on|during)\s/u)[0]!.split(/,\s*/);
    for (const part of parts) {
      const name =
        /^(?:[\p{Lu}][\p{L}\p{M}’'-]*|al-[\p{Lu}][\p{L}-]*|bin|ibn|Al|El|von|der|de|van)(?:\s+(?:[\p{Lu}][\p{L}\p{M}’'-]*|al-[\p{Lu}][\p{L}-]*|bin|ibn|von|der|de|van))*$/u.exec(
          part.trim(),
        )?.[0];
      if (name && !/^(?:The|A|An|His|Her|Its|Their)\b/.test(name)) {
        const person = names.resolvePerson(name.replace(/['’]s$/u, ''));
        if (person) return person;
      }
    }
    // Or a name inside a part: "project manager Shinichiro Sakai".
    for (const part of parts) {
      for (const run of part.matchAll(
        /(?:[\p{Lu}][\p{L}\p{M}’'-]+|al-[\p{Lu}][\p{L}-]*)(?:\s+(?:[\p{Lu}][\p{L}\p{M}’'-]+|al-[\p{Lu}][\p{L}-]*|bin|ibn|von|der|de|van))*/gu,
      )) {
        const person = names.resolvePerson(run[0]);
        if (person) return person;
      }
    }
    const role = /^(?:her|his|their)\s+([\p{Ll}]+)$/u.exec(text.split(/,|\s+(?:who|which|as|after|before|when|while|in a|on|during)\s/u)[0]!.trim())?.[1];
    const named = role ? roles.filter((item) => item.role === role && before(item.at, at)).at(-1) : undefined;
    if (named) return names.resolvePerson(named.name) ?? named.name;
    const description = parts[0]!.replace(/\s+(?:who|which|that|speaking|told|in)\b.*$/u, '').trim();
    if (!/^(?:the|a|an|one|his|her|their|its)\s/i.test(description) || description.split(' ').length > 8) return undefined;
    const head = description.split(' ').at(-1)!.toLowerCase();
    if (/^the\s/i.test(description)) {
      const earlier = descriptions.find((item) => item.split(' ').at(-1)!.toLowerCase() === head);
      if (earlier) return earlier;
    }
    const clean = description.replace(/^(\p{Lu})/u, (letter) => letter.toLowerCase());
    descriptions.unshift(clean);
    return clean;
  };

  units.forEach((unit, index) => {
    if (unit.heading || unit.caption) return;
    const text = unit.text;
    // Descriptions that speak without quotes ("A union negotiator … said …") are referents too.
    for (const match of text.matchAll(SPEAKING_DESCRIPTION)) {
      const phrase = match[1]!.replace(/\s+(?:who|which|that)\b.*$/u, '');
      if (/^(?:The|A|An)\s+.*\b\p{Ll}+$/u.test(phrase)) {
        const clean = phrase.replace(/^(\p{Lu})/u, (letter) => letter.toLowerCase());
        descriptions.unshift(clean);
        referents.push({ at: { unit: index, offset: match.index + match[0].indexOf(match[1]!) }, speaker: clean });
      }
    }
    let previous: { speaker: string; end: number } | undefined;
    for (const match of text.matchAll(QUOTE)) {
      const inner = match[1]!.trim();
      const start = match.index;
      const end = start + match[0].length;
      const at = { unit: index, offset: start };
      const after = text.slice(end);
      let speaker: string | undefined;
      let attributed = false;
      const inverted = VERB_THEN_SPEAKER.exec(after);
      const direct = inverted ? undefined : SPEAKER_THEN_VERB.exec(after);
      const sentenceStart = Math.max(text.lastIndexOf('. ', start), text.lastIndexOf('? ', start), text.lastIndexOf('! ', start));
      const lead = BEFORE.exec(text.slice(Math.max(0, sentenceStart), start));
      if (inverted) [speaker, attributed] = [resolve(inverted[1]!, at), true];
      else if (direct && (/[,?!…]$/u.test(inner) || /^\s*,/.test(after))) [speaker, attributed] = [resolve(direct[1]!, at), true];
      else if (lead && /[:,]\s*$/.test(text.slice(0, start)))
        [speaker, attributed] = [resolve(lead[1]!.split(/,\s*/).filter(Boolean).at(-1) ?? lead[1]!, at), true];
      else if (previous && /(?:^|[.!?…][”"’]?\s+)$/u.test(text.slice(0, start)) && inner.split(/\s+/).length >= 3) speaker = previous.speaker;
      if (!speaker) {
        if (attributed) previous = undefined;
        continue;
      }
      if (!attributed && inner.split(/\s+/).length < 3) continue;
      quotes.push({ text: inner.replace(/[,]$/, ''), speaker });
      referents.push({ at, speaker });
      previous = { speaker, end };
    }
  });
  return quotes;
}
