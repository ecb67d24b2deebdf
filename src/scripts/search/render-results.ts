/**
 * Results as DOM nodes. Story text only ever becomes text nodes (inside
 * `<mark>` for matches), never markup: a headline containing `<script>`
 * shows those characters.
 */
import { paths } from '../../lib/site/paths.ts';
import { hasMatch, highlightText, makeSnippet, type HighlightTerms, type Segment } from '../../lib/search/query/highlight.ts';
import { createLru } from '../../lib/search/query/lru.ts';
import type { StoryText } from '../../lib/search/format/story-record.ts';
import type { SearchAnswer, ShownResult } from './browser-search.ts';

/**
 * Append segments to an element: plain runs as text, matches in `<mark>`.
 *
 * @param parent Element to fill.
 * @param segments Segments from `highlightText` or `makeSnippet`.
 */
export function appendSegments(parent: HTMLElement, segments: readonly Segment[]): void {
  for (const segment of segments) {
    if (!segment.match) {
      parent.append(segment.text);
      continue;
    }
    const mark = document.createElement('mark');
    mark.textContent = segment.text;
    parent.append(mark);
  }
}

// Typing on usually keeps the same results with the same matched words:
// reuse their elements instead of highlighting the same texts again.
const rendered = createLru<string, HTMLLIElement>(100);

/**
 * One result: linked headline, subtitle and a highlighted snippet (only the
 * headline while `headlineOnly`).
 *
 * @param result The result with its record.
 * @param phrases The query's phrases, highlighted too.
 * @param compact Leave out the snippet (the header's short list).
 */
export function renderResult(result: ShownResult, phrases: readonly (readonly string[])[], compact = false): HTMLLIElement {
  const key = [result.id, compact, result.headlineOnly ?? false, result.terms.join(' '), phrases.map((phrase) => phrase.join(' ')).join('|')].join('\u0000');
  let item = rendered.get(key);
  if (!item) rendered.set(key, (item = buildResult(result, phrases, compact)));
  return item;
}

function buildResult(result: ShownResult, phrases: readonly (readonly string[])[], compact: boolean): HTMLLIElement {
  const { record } = result;
  const what: HighlightTerms = { terms: result.terms, phrases };
  const item = document.createElement('li');
  item.className = 'search-result';
  item.dir = 'auto';
  const link = document.createElement('a');
  link.href = paths.story(encodeURIComponent(record.slug));
  link.className = 'search-result-title';
  appendSegments(link, highlightText(record.title, what));
  item.append(link);
  // Subtitle and snippet come with the record.
  if (result.headlineOnly) return item;
  if (record.subtitle) {
    const subtitle = document.createElement('p');
    subtitle.className = 'search-result-subtitle';
    appendSegments(subtitle, highlightText(record.subtitle, what));
    item.append(subtitle);
  }
  if (!compact) {
    const snippet = document.createElement('p');
    snippet.className = 'search-result-snippet';
    // From the body's opening (or the whole body when a phrase query fetched it).
    const found = appendSnippet(snippet, result.text ?? record, what);
    if (!found && !result.text) item.dataset.snippet = 'opening';
    item.append(snippet);
  }
  return item;
}

// The snippet from the body, unless only a caption holds the match; false when neither does.
function appendSnippet(snippet: HTMLElement, text: { lead?: string; body?: string; captions: string }, what: HighlightTerms): boolean {
  const body = text.body ?? text.lead ?? '';
  const inBody = hasMatch(body, what);
  const useCaptions = !inBody && hasMatch(text.captions, what);
  appendSegments(snippet, makeSnippet(useCaptions ? text.captions : body, what));
  return inBody || useCaptions;
}

/**
 * Whether a rendered result shows the opening of its story because no match
 * lies there: its snippet can be filled from the whole text (`fillSnippet`).
 *
 * @param item A result from `renderResult`.
 * @returns True until filled.
 */
export function showsOpening(item: HTMLElement): boolean {
  return item.dataset.snippet === 'opening';
}

/**
 * Replace a result's snippet with the window around the first match in the
 * story's whole text, once fetched.
 *
 * @param item A result from `renderResult`.
 * @param result The result it shows.
 * @param text The story's whole text.
 * @param phrases The query's phrases.
 */
export function fillSnippet(item: HTMLElement, result: ShownResult, text: StoryText, phrases: readonly (readonly string[])[]): void {
  const snippet = item.querySelector<HTMLElement>('.search-result-snippet');
  delete item.dataset.snippet;
  if (!snippet) return;
  const filled = document.createElement('p');
  filled.className = snippet.className;
  if (appendSnippet(filled, text, { terms: result.terms, phrases })) snippet.replaceWith(filled);
}

/**
 * The status line: count, or why nothing was found.
 *
 * @param text The query as typed.
 * @returns Text for the live region.
 */
export function describeAnswer(answer: SearchAnswer, text: string): string {
  const quoted = `“${text.trim()}”`;
  if (answer.query.terms.length === 0) {
    return answer.query.ignored.length > 0 ? `${quoted} has only very common words; add a more specific one.` : '';
  }
  const left = answer.query.ignored.length > 0 ? ` Left out common words: ${answer.query.ignored.join(', ')}.` : '';
  if (answer.total === 0) return `No stories match ${quoted}.${left}`;
  const count = `${groupDigits(answer.total)}${answer.exact ? '' : '+'}`;
  return `${count} ${answer.total === 1 && answer.exact ? 'story matches' : 'stories match'} ${quoted}.${left}`;
}

/**
 * Help for an empty answer: a "did you mean" link, or the words that match alone.
 *
 * @param answer An answer with no results.
 * @param searchUrl Builds the URL of a search for a query.
 * @returns The help paragraph, or null when there is nothing to offer.
 */
export function renderHelp(answer: SearchAnswer, searchUrl: (query: string) => string): HTMLElement | null {
  if (answer.suggestion) {
    const help = document.createElement('p');
    help.className = 'search-help';
    const link = document.createElement('a');
    link.href = searchUrl(answer.suggestion);
    link.textContent = answer.suggestion;
    help.append('Did you mean ', link, '?');
    return help;
  }
  if (answer.alone && answer.alone.length > 0) {
    const help = document.createElement('p');
    help.className = 'search-help';
    help.append('No story has all of these words. Try one: ');
    answer.alone.forEach(({ word, count }, i) => {
      const link = document.createElement('a');
      link.href = searchUrl(word);
      link.textContent = word;
      help.append(i > 0 ? ', ' : '', link, ` (${groupDigits(count)})`);
    });
    return help;
  }
  return null;
}

/**
 * A count with thousands separators ("4,213"). Not `toLocaleString`: its first
 * call on a page loads the locale data before the first results can show
 * (DESIGN.md).
 *
 * @param count A non-negative integer.
 * @returns Its digits, grouped by commas.
 */
export function groupDigits(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
