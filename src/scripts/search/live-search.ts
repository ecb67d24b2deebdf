/**
 * Live search, loaded on demand by `<clippings-search>`: results as the
 * reader types, in a panel under the header box or in the search page's
 * results region. The query lives in the URL on the search page (once typing
 * pauses, the first pause after a search pushes a history entry and later
 * ones replace it; submitting pushes one), and arrows move between results.
 */
import { paths } from '../../lib/site/paths.ts';
import { createBrowserSearch, type BrowserSearch, type SearchAnswer, type ShownResult } from './browser-search.ts';
import { fillSnippet, groupDigits, showsOpening } from './render-results.ts';
import { showAnswer, viewOf } from './results-view.ts';
import type { SearchFilters } from './search-filters.ts';
import { FACET_KINDS } from '../../lib/search/format/facets.ts';
import { readInlineManifest } from '../../lib/search/format/inline-manifest.ts';
import { afterPaint } from './after-paint.ts';
import { followAddress } from './follow-address.ts';

/** Results loaded per page on the search page, and shown in the header panel. */
const PAGE_SIZE = 10;
const PANEL_SIZE = 6;

let shared: BrowserSearch | undefined;
const sharedSearch = () => (shared ??= createBrowserSearch(new URL(paths.searchData(), location.origin).href, readInlineManifest(document)));

/** The search page's query from its URL, started before `<clippings-search>` is enhanced. */
interface EarlyQuery {
  text: string;
  answer: Promise<SearchAnswer>;
}
/** The early query (null once used or passed over). */
let early: EarlyQuery | null | undefined;

/** The search page's results region (`<section id="search-page-results">`). */
const PAGE_RESULTS_ID = 'search-page-results';

/**
 * On the search page, start the query in the URL (`?q=`) at once, and show
 * its first results as soon as they are ready. The page's one script calls
 * this from its head (`search-page.ts`, a classic script in a build), so
 * neither the query nor its results wait for the page's style sheets, its
 * layout, or `<clippings-search>` to load, upgrade and set up (under load,
 * hundreds of milliseconds). `enhanceSearch` takes the answer over and shows it again
 * (the same nodes) with everything else: snippets filled in, "More results",
 * the rendered event. A URL that chooses filters waits for them, as before.
 *
 * @returns Settles once the first results are shown, or once there is nothing
 *   to show (no query, a filtered URL, no results, a failure): the page's
 *   other scripts wait for it.
 */
export function startQueryFromUrl(): Promise<void> {
  if (early !== undefined) return Promise.resolve();
  early = null;
  const params = new URL(location.href).searchParams;
  const text = params.get('q') ?? '';
  if (text.trim() === '' || FACET_KINDS.some((kind) => params.get(kind))) return Promise.resolve();
  const started = { text, answer: sharedSearch().run(text, PAGE_SIZE) };
  early = started;
  return started.answer.then(
    (answer) =>
      new Promise<void>((resolve) =>
        whenParsed(PAGE_RESULTS_ID, (region) => {
          if (region && early === started) {
            showEarly(region, answer, text);
            if (answer.complete) completeEarly(started, region, answer.complete).catch(() => undefined);
          }
          resolve();
        }),
      ),
    () => undefined,
  );
}

// Run once the page is parsed, with the element of an id if it has one. The head's script can run
// before the body is parsed; "interactive" comes before deferred scripts and DOMContentLoaded.
function whenParsed(id: string, then: (element: HTMLElement | null) => void): void {
  if (document.readyState === 'loading') {
    document.addEventListener('readystatechange', () => whenParsed(id, then), { once: true });
    return;
  }
  then(document.getElementById(id));
}

// The early answer's first results, before the search box is set up. An answer with nothing to
// show (its help needs the form) waits for `enhanceSearch`.
function showEarly(region: HTMLElement, answer: SearchAnswer, text: string): void {
  if (answer.results.length === 0) return;
  const input = document.querySelector<HTMLInputElement>(`clippings-search[data-mode="page"] input[name="q"]`);
  if (input && input.value === '') input.value = text;
  showAnswer(viewOf(region), answer, text, { compact: false });
}

// The early answer's records, once its links are painted, shown as they arrive unless the search box
// has taken the answer over (it awaits the same fetches, and reports a failure).
async function completeEarly(started: EarlyQuery, region: HTMLElement, complete: () => Promise<SearchAnswer>): Promise<void> {
  await afterPaint();
  const whole = await complete();
  if (early === started) showEarly(region, whole, started.text);
}

// The early answer, once, when it answers the query asked (the page's first, unfiltered).
function takeEarly(text: string, limit: number, filtered: boolean): Promise<SearchAnswer> | undefined {
  const taken = early?.text === text && limit === PAGE_SIZE && !filtered ? early.answer : undefined;
  early = null;
  return taken;
}

/** Detail of the `clippings-search:rendered` event, fired after each render (the benchmark times it). */
export interface RenderedDetail {
  query: string;
  /** Milliseconds from the keystroke or submission to the rendered results. */
  ms: number;
  shown: number;
}

/**
 * Turn a `<clippings-search>` element into live search.
 *
 * @param host The element: it holds the `[data-search-form]` form and, on the
 *   search page, names its results region in `data-results`.
 */
export function enhanceSearch(host: HTMLElement): void {
  const form = host.querySelector<HTMLFormElement>('form[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  if (!form || !input) return;
  const onPage = host.dataset.mode === 'page';
  const base = new URL(paths.searchData(), location.origin).href;
  const search = sharedSearch();
  search.warm();
  const region = (onPage && document.getElementById(host.dataset.results ?? '')) || createPanel(host);
  const view = viewOf(region);
  const { status, list, help, more } = view;
  const searchUrl = (query: string) => {
    const url = new URL(form.action, location.href);
    url.searchParams.set('q', query);
    // On the search page the chosen filters stay with the query.
    const here = new URL(location.href).searchParams;
    if (onPage) for (const kind of FACET_KINDS) if (here.get(kind)) url.searchParams.set(kind, here.get(kind)!);
    return url.href;
  };
  // The filters and their files load only when used: the panel opened, or a URL that chooses one.
  const filterPanel = onPage ? document.querySelector<HTMLDetailsElement>('details.search-filters') : null;
  let filters: SearchFilters | undefined;
  let filtersLoading: Promise<void> | undefined;
  const loadFilters = () =>
    (filtersLoading ??= import('./search-filters.ts')
      .then(({ loadSearchFilters }) =>
        loadSearchFilters({ base, panel: filterPanel!.querySelector<HTMLElement>('.search-filter-groups')!, onChange: () => void update() }),
      )
      .then((loaded) => {
        filters = loaded;
        return update();
      })
      .catch((error) => {
        filtersLoading = undefined;
        console.error(error);
      }));
  if (filterPanel) {
    filterPanel.addEventListener('toggle', () => filterPanel.open && void loadFilters());
    if (FACET_KINDS.some((kind) => new URL(location.href).searchParams.get(kind))) {
      filterPanel.open = true;
      void loadFilters();
    }
  }
  let sequence = 0;
  let limit = onPage ? PAGE_SIZE : PANEL_SIZE;
  // The first change of address after a search was loaded, submitted or
  // restored starts a new history entry; later ones update it, so Back returns
  // to the previous search rather than the previous letter.
  let typing = false;
  const address = onPage ? followAddress() : undefined;

  input.setAttribute('aria-controls', region.id);

  // Results first show their record's opening. Where no match lies there, fill the snippet from the
  // story's whole text once the result is on screen: bytes for the results read, not for all ten.
  const pending = new Map<Element, { result: ShownResult; answer: SearchAnswer }>();
  const seen = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const wanted = pending.get(entry.target);
      if (!entry.isIntersecting || !wanted) continue;
      seen.unobserve(entry.target);
      pending.delete(entry.target);
      search.text(wanted.result.id).then(
        (text) => fillSnippet(entry.target as HTMLElement, wanted.result, text, wanted.answer.query.phrases),
        () => undefined,
      );
    }
  });
  function fillWhenSeen(items: HTMLElement[], answer: SearchAnswer): void {
    seen.disconnect();
    pending.clear();
    items.forEach((item, i) => {
      if (!showsOpening(item)) return;
      pending.set(item, { result: answer.results[i]!, answer });
      seen.observe(item);
    });
  }

  // `typed`: the update follows a letter typed, and the next letter's records are fetched ahead.
  async function update(started = performance.now(), typed = false): Promise<void> {
    const mine = ++sequence;
    const text = input!.value;
    // With a filter chosen, an empty query browses the stories it allows.
    if (text.trim() === '' && !filters?.chosen()) {
      list.replaceChildren();
      help.replaceChildren();
      status.textContent = '';
      if (more) more.hidden = true;
      if (!onPage) region.hidden = true;
      filters?.render(new Uint8Array(filters.filter().allowed.length).fill(1));
      return;
    }
    const slow = setTimeout(() => mine === sequence && (status.textContent = 'Searching…'), 150);
    try {
      let answer = await ((onPage && takeEarly(text, limit, filters !== undefined)) || search.run(text, limit, filters?.filter()));
      if (mine !== sequence) return;
      if (filters && answer.matches) filters.render(answer.matches);
      const options = { compact: !onPage, searchUrl, status: describeFiltered(answer.total, text, filters) };
      let items = showAnswer(view, answer, text, options);
      clearTimeout(slow);
      // Shown from the headlines the shards carried: show again with the records' subtitles and snippets.
      // On a warm page their fetches cost little; the page's own answer started them after its frame.
      if (answer.complete) {
        answer = await answer.complete();
        if (mine !== sequence) return;
        items = showAnswer(view, answer, text, options);
      }
      fillWhenSeen(items, answer);
      if (!onPage) region.hidden = document.activeElement !== input && !host.contains(document.activeElement);
      const detail: RenderedDetail = { query: text, ms: performance.now() - started, shown: answer.results.length };
      host.dispatchEvent(new CustomEvent('clippings-search:rendered', { detail, bubbles: true }));
      if (typed) search.prefetch(answer);
    } catch (error) {
      if (mine === sequence) status.textContent = 'Search is not available right now. Please try again.';
      console.error(error);
    } finally {
      clearTimeout(slow);
    }
  }

  input.addEventListener('input', () => {
    const started = performance.now();
    limit = onPage ? PAGE_SIZE : PANEL_SIZE;
    address?.follow(searchUrl(input.value), !typing);
    typing = true;
    void update(started, true);
  });
  if (onPage) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const started = performance.now();
      address?.cancel();
      if (new URL(location.href).searchParams.get('q') !== input.value) history.pushState(null, '', searchUrl(input.value));
      typing = false;
      void update(started);
    });
    addEventListener('popstate', () => {
      address?.cancel();
      input.value = new URL(location.href).searchParams.get('q') ?? '';
      limit = PAGE_SIZE;
      typing = false;
      void update();
    });
    more?.addEventListener('click', async () => {
      const focusAt = limit;
      limit += PAGE_SIZE;
      await update();
      list.querySelectorAll<HTMLAnchorElement>('.search-result-title')[focusAt]?.focus();
    });
    input.value = new URL(location.href).searchParams.get('q') ?? input.value;
  } else {
    input.addEventListener('focus', () => {
      if (list.childElementCount > 0 || status.textContent) region.hidden = false;
    });
    document.addEventListener('pointerdown', (event) => {
      if (!host.contains(event.target as Node)) region.hidden = true;
    });
  }
  const onKey = (event: KeyboardEvent) => moveFocus(event, input, region, onPage);
  host.addEventListener('keydown', onKey);
  // The search page's results stand outside the element.
  if (!host.contains(region)) region.addEventListener('keydown', onKey);
  if (input.value.trim() !== '') void update();
}

// The status line when filters are chosen: what they are, and the count.
function describeFiltered(total: number, text: string, filters: SearchFilters | undefined): string | undefined {
  if (!filters?.chosen()) return undefined;
  const count = `${groupDigits(total)} ${total === 1 ? 'story' : 'stories'}`;
  return text.trim() === '' ? `${count} with ${filters.describe()}.` : `${count} match “${text.trim()}” with ${filters.describe()}.`;
}

// Arrows walk the result links; Escape returns to the box (and closes the panel).
function moveFocus(event: KeyboardEvent, input: HTMLInputElement, region: HTMLElement, onPage: boolean): void {
  const links = [...region.querySelectorAll<HTMLAnchorElement>('.search-result-title')];
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (event.key === 'ArrowDown' && (event.target === input || at >= 0)) {
    const next = links[at + 1];
    if (next) {
      event.preventDefault();
      region.hidden = false;
      next.focus();
    }
  } else if (event.key === 'ArrowUp' && at >= 0) {
    event.preventDefault();
    (links[at - 1] ?? input).focus();
  } else if (event.key === 'Escape') {
    if (at >= 0) input.focus();
    if (!onPage && !region.hidden) {
      event.preventDefault();
      region.hidden = true;
    }
  }
}

// The header's results panel, placed after the form.
function createPanel(host: HTMLElement): HTMLElement {
  const panel = document.createElement('div');
  panel.className = 'search-panel';
  panel.id = `${host.querySelector('input')?.id ?? 'search'}-results`;
  panel.hidden = true;
  const status = document.createElement('p');
  status.className = 'search-status';
  status.setAttribute('role', 'status');
  const list = document.createElement('ol');
  list.className = 'search-results';
  list.setAttribute('aria-label', 'Search results');
  const help = document.createElement('div');
  help.className = 'search-help-slot';
  const all = document.createElement('a');
  all.className = 'search-all';
  all.hidden = true;
  panel.append(status, list, help, all);
  host.append(panel);
  return panel;
}
