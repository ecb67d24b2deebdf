/**
 * Candidate names in a sentence: runs of capitalised words, joined by the
 * particles of names ("bin", "al-", "von der") and, inside organisation
 * names, by "of", "for" and "and" ("Ministry of Foreign Affairs").
 * Titles are cut off the front ("Hezbollah Secretary General Hassan
 * Nasrallah" gives "Hezbollah" and the person "Hassan Nasrallah").
 */
import { CALENDAR_WORDS, KNOWN_ORGS, NAME_PARTICLES, NATIONALITIES, ORG_HEADS, ORG_OPENERS, SENTENCE_OPENERS, TITLE_WORDS } from './gazetteer.ts';
import { lexiconKind } from './lexicon.ts';

/** A candidate name as found in one sentence. */
export interface Span {
  /** The name as written, possessive and title stripped. */
  text: string;
  /** Offset of the name in its sentence. */
  start: number;
  end: number;
  /** A personal title stood before it ("General", "Prime Minister"). */
  titled: boolean;
  /** It opens its sentence (so its capital says nothing). */
  initial: boolean;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

// Words: letters and digits, with inner apostrophes, hyphens and dots ("al-Sudani", "U.S", "Jean-Yves").
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
const CAPITAL = /^(?:\p{Lu}|(?:al|el|ad|as|ash|at|az|an|ar|ul)-\p{Lu})/u;
const POSSESSIVE = /['’]s?$/u;
const CONNECTORS = new Set(['of', 'for', 'and', 'de']);

/** The last word of a token, lower case, for the head-word lists ("Al-Qaeda" gives "al-qaeda"). */
function lower(token: Token): string {
  return token.text.toLowerCase();
}

function isCapitalised(token: Token): boolean {
  return CAPITAL.test(token.text) && !/^\p{N}/u.test(token.text);
}

/** Split a run of tokens at the last personal title: what precedes it, and the name after it. */
function cutTitle(run: Token[]): { before: Token[]; name: Token[]; titled: boolean } {
  const last = lower(run[run.length - 1]!);
  // An organisation's name may hold a title word ("Ministry of Foreign Affairs").
  const organisation = run.some(
    (token, index) => (ORG_HEADS.has(lower(token)) || ORG_OPENERS.has(lower(token))) && ['of', 'for'].includes(lower(run[index + 1] ?? token)),
  );
  if (ORG_HEADS.has(last) || organisation) return { before: [], name: run, titled: false };
  for (let i = run.length - 2; i >= 0; i--) {
    if (lower(run[i + 1]!) === 'of') continue;
    // "State Administration": a title word before one plain word is not a title and a name.
    if (i === run.length - 2 && lexiconKind(lower(run[i + 1]!)) === 'plain') continue;
    if (TITLE_WORDS.has(lower(run[i]!).replace(/\.$/, ''))) {
      let j = i;
      while (j > 0 && (TITLE_WORDS.has(lower(run[j - 1]!)) || lower(run[j - 1]!) === 'of')) j--;
      return { before: run.slice(0, j), name: run.slice(i + 1), titled: true };
    }
  }
  return { before: [], name: run, titled: false };
}

/** Trim a run's edges: openers, demonyms and calendar words before, particles and connectors after. */
function trimRun(run: Token[], initial: boolean): Token[] {
  let from = 0;
  let to = run.length;
  if (to === 0) return run;
  const organisation = ORG_HEADS.has(lower(run[to - 1]!));
  while (from < to) {
    const word = lower(run[from]!);
    const kind = lexiconKind(word);
    const whole = lexiconKind(run.slice(from, to).map(lower).join(' '));
    if (whole === 'place' || whole === 'organisation') break;
    const opener =
      SENTENCE_OPENERS.has(word) || CALENDAR_WORDS.has(word) || (TITLE_WORDS.has(word) && !organisation && lower(run[from + 1] ?? run[from]!) !== 'of');
    const plain = from === 0 && initial && kind === 'plain' && !organisation && !/^\p{Lu}{2,}$/u.test(run[from]!.text);
    // "Palestinian Hamas", "Lebanese Hezbollah": a demonym before a name known alone.
    const rest = run
      .slice(from + 1, to)
      .map(lower)
      .join(' ');
    const known = to - from === 2 && (KNOWN_ORGS.has(rest) || lexiconKind(rest) === 'place' || lexiconKind(rest) === 'organisation');
    const demonym = (kind === 'demonym' || NATIONALITIES.has(word)) && known;
    if (opener || plain || demonym) from++;
    else break;
  }
  while (to > from && (NAME_PARTICLES.has(lower(run[to - 1]!)) || CONNECTORS.has(lower(run[to - 1]!)) || CALENDAR_WORDS.has(lower(run[to - 1]!)))) to--;
  return run.slice(from, to);
}

/**
 * Find the candidate names of one sentence.
 *
 * @param sentence The sentence's text.
 * @returns Its candidates in order.
 */
export function findSpans(sentence: string): Span[] {
  const tokens: Token[] = [];
  for (const match of sentence.matchAll(WORD)) tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  const spans: Span[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalised(tokens[i]!)) {
      i++;
      continue;
    }
    const run = [tokens[i]!];
    let j = i + 1;
    for (; j < tokens.length; j++) {
      const previous = tokens[j - 1]!;
      const token = tokens[j]!;
      const gap = sentence.slice(previous.end, token.start);
      if (gap !== ' ') break;
      if (/['’]s?$/u.test(previous.text) && !possessiveInName(previous, tokens, j, sentence)) break;
      if (isCapitalised(token)) {
        run.push(token);
        continue;
      }
      const word = lower(token);
      // A particle may stand before another ("von der Leyen"): look past them for the capital.
      let k = j + 1;
      while (k < tokens.length && NAME_PARTICLES.has(lower(tokens[k]!)) && sentence.slice(tokens[k - 1]!.end, tokens[k]!.start) === ' ') k++;
      const next = tokens[k];
      const joinable = next !== undefined && sentence.slice(tokens[k - 1]!.end, next.start) === ' ' && isCapitalised(next);
      if (!joinable) break;
      const head = lower(previous);
      if (NAME_PARTICLES.has(word) || /^(?:al|el)-/.test(word)) run.push(token);
      else if ((word === 'of' || word === 'for') && (ORG_HEADS.has(head) || ORG_OPENERS.has(lower(run[0]!)) || TITLE_WORDS.has(head))) run.push(token);
      else if (word === 'and' && endsWithOrgHead(tokens, j + 1, sentence) && run.length <= 5 && !/^\p{Lu}+$/u.test(previous.text)) run.push(token);
      else break;
    }
    const initial = run[0]!.start < 4 && /^["“‘(\s]*$/u.test(sentence.slice(0, run[0]!.start));
    emitRun(run, initial, spans);
    i = j;
  }
  return spans;
}

/** "Children’s Cancer Center": a common noun's possessive inside an organisation's name. */
function possessiveInName(token: Token, tokens: Token[], next: number, sentence: string): boolean {
  const stem = token.text.replace(/['’]s?$/u, '').toLowerCase();
  return isCapitalised(tokens[next]!) && lexiconKind(stem) === 'plain' && endsWithOrgHead(tokens, next, sentence);
}

/** Whether the capitalised run starting at `from` ends with an organisation head word. */
function endsWithOrgHead(tokens: Token[], from: number, sentence: string): boolean {
  let k = from;
  while (k + 1 < tokens.length && isCapitalised(tokens[k + 1]!) && sentence.slice(tokens[k]!.end, tokens[k + 1]!.start) === ' ') k++;
  return ORG_HEADS.has(lower(tokens[k]!));
}

function emitRun(raw: Token[], initial: boolean, spans: Span[]): void {
  // Strip a possessive from the last token ("Iran’s" is Iran).
  const run = raw.map((token, index) =>
    index === raw.length - 1 && POSSESSIVE.test(token.text) && /['’]s?$/u.test(token.text)
      ? { ...token, text: token.text.replace(/['’]s?$/u, ''), end: token.end - (token.text.endsWith('s') && /['’]s$/u.test(token.text) ? 2 : 1) }
      : token,
  );
  const { before, name, titled } = cutTitle(run);
  const head = trimRun(before, initial);
  if (head.length > 0) pushSpan(spans, head, { titled: false, initial: initial && head[0] === run[0] });
  const body = trimRun(name, initial && name[0] === run[0]);
  if (body.length > 0) pushSpan(spans, body, { titled, initial: initial && body[0] === run[0] });
}

/** "US-led", "Taiwan-based", "Iraqi-Syrian", "Israel-Hamas": compounds of names are adjectives, not names. */
function isCompound(token: Token): boolean {
  const parts = token.text.split('-');
  if (parts.length < 2 || /^(?:al|el|ad|as|ash|at|az|an|ar|ul)$/i.test(parts[0]!)) return false;
  if (parts.slice(1).some((part) => /^\p{Ll}/u.test(part))) return true;
  return parts.every((part) => {
    const kind = lexiconKind(part.toLowerCase());
    return kind === 'place' || kind === 'demonym' || kind === 'organisation' || KNOWN_ORGS.has(part.toLowerCase()) || NATIONALITIES.has(part.toLowerCase());
  });
}

function pushSpan(spans: Span[], tokens: Token[], { titled, initial }: Pick<Span, 'titled' | 'initial'>): void {
  const text = tokens.map((token) => token.text).join(' ');
  if (tokens.every((token) => CALENDAR_WORDS.has(lower(token)))) return;
  if (tokens.length === 1 && (isCompound(tokens[0]!) || /^[IVXLC]+$/.test(text))) return;
  spans.push({ text, start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, titled, initial });
}
