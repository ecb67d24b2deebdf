/**
 * Where a search's answer is shown (the search page's results region, or the
 * header's panel) and how: the result items, the help for an empty answer,
 * the status line, "More results" and "All N results".
 */
import type { SearchAnswer } from './browser-search.ts';
import { describeAnswer, groupDigits, renderHelp, renderResult } from './render-results.ts';

/** Where an answer is shown: the search page's results region, or the header's panel. */
export interface ResultsView {
  status: HTMLElement;
  list: HTMLOListElement;
  help: HTMLElement;
  more: HTMLButtonElement | null;
  all: HTMLAnchorElement | null;
}

/** The parts of a results region. */
export function viewOf(region: HTMLElement): ResultsView {
  return {
    status: region.querySelector<HTMLElement>('.search-status')!,
    list: region.querySelector<HTMLOListElement>('.search-results')!,
    help: region.querySelector<HTMLElement>('.search-help-slot')!,
    more: region.querySelector<HTMLButtonElement>('.search-more'),
    all: region.querySelector<HTMLAnchorElement>('.search-all'),
  };
}

/**
 * Show an answer: the results, the help for an empty one, the status line,
 * "More results" and "All N results".
 *
 * @returns The result items shown.
 */
export function showAnswer(
  view: ResultsView,
  answer: SearchAnswer,
  text: string,
  options: { compact: boolean; searchUrl?: (query: string) => string; status?: string },
): HTMLLIElement[] {
  const items = answer.results.map((result) => renderResult(result, answer.query.phrases, options.compact));
  // Results shown from their headlines are shown again once their records arrive: keep the reader's place.
  const focused = document.activeElement?.closest('li');
  const focusedAt = focused && focused.parentElement === view.list ? [...view.list.children].indexOf(focused) : -1;
  placeChildren(view.list, items);
  if (focusedAt >= 0 && !items[focusedAt]?.contains(document.activeElement)) items[focusedAt]?.querySelector('a')?.focus();
  const helpNode = answer.total === 0 && options.searchUrl ? renderHelp(answer, options.searchUrl) : null;
  view.help.replaceChildren(...(helpNode ? [helpNode] : []));
  // A live region: the same words again would be read out again.
  const status = options.status ?? describeAnswer(answer, text);
  if (view.status.textContent !== status) view.status.textContent = status;
  if (view.more) view.more.hidden = answer.results.length >= answer.total;
  if (view.all && options.searchUrl) {
    view.all.href = options.searchUrl(text);
    view.all.hidden = answer.total <= answer.results.length;
    view.all.textContent = `All ${groupDigits(answer.total)} results`;
  }
  return items;
}

// Make `nodes` the parent's children, moving only what is out of place. The same answer is shown
// again as it completes (the search box takes over the page's first results, records fill in): a
// result already in place stays attached, rather than being laid out and painted anew, and keeps
// the reader's focus.
function placeChildren(parent: Element, nodes: readonly Node[]): void {
  let at: ChildNode | null = parent.firstChild;
  for (const node of nodes) {
    if (node === at) at = at.nextSibling;
    else parent.insertBefore(node, at);
  }
  while (at) {
    const next: ChildNode | null = at.nextSibling;
    at.remove();
    at = next;
  }
}
