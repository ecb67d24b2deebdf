/**
 * Read the articles out of one dump: find each article's header (title,
 * subtitle, caption copies, `TT`, the title again), then read its body.
 */
import type { Block, ParsedArticle } from './types.ts';
import { IngestError } from './errors.ts';
import { dedupeCaptions, splitCredit } from './captions.ts';
import { isSectionHeading } from './headings.ts';
import { foldLines, spacingKey } from './text.ts';

/** What a dump yields: its articles, and what could not be read, each with its line. */
export interface ParseResult {
  articles: ParsedArticle[];
  errors: IngestError[];
}

// The source site's font-size control, printed between the two copies of the header.
const FONT_SIZE_CONTROL = 'TT';
// A header holds a subtitle and a few caption copies; more lines than this is a body.
const MAX_HEADER_LINES = 12;
// A headline is a line, not a paragraph.
const MAX_TITLE_LENGTH = 300;

/** The lines of a dump, folded once, and the keys copies are compared by, computed when first needed. */
class Lines {
  readonly text: string[];
  private readonly keys: (string | undefined)[];

  constructor(text: string[]) {
    this.text = text;
    this.keys = new Array<string | undefined>(text.length);
  }

  key(i: number): string {
    return (this.keys[i] ??= spacingKey(this.text[i] as string));
  }

  /** Whether two lines are copies that differ only in spacing. */
  same(i: number, j: number): boolean {
    const a = this.text[i] as string;
    const b = this.text[j] as string;
    if (a === b) return true;
    // Folded lines start and end with the same characters as their keys: a cheap first test.
    if (a.charCodeAt(0) !== b.charCodeAt(0) || a.charCodeAt(a.length - 1) !== b.charCodeAt(b.length - 1)) return false;
    return this.key(i) === this.key(j);
  }
}

/**
 * The lines already printed (title, subtitle, captions), to drop their repeats.
 * A key always starts and ends like its line, so most lines are ruled out
 * without computing their key.
 */
class KeySet {
  private readonly keys: Set<string>;
  private readonly edges = new Set<number>();
  private readonly lines: Lines;

  constructor(lines: Lines, keys: Iterable<string>) {
    this.lines = lines;
    this.keys = new Set(keys);
    for (const key of this.keys) this.edges.add(edgesOf(key));
  }

  has(i: number): boolean {
    return this.edges.has(edgesOf(this.lines.text[i] as string)) && this.keys.has(this.lines.key(i));
  }

  add(i: number): void {
    const key = this.lines.key(i);
    this.keys.add(key);
    this.edges.add(edgesOf(key));
  }
}

function edgesOf(text: string): number {
  return text.charCodeAt(0) * 0x10000 + text.charCodeAt(text.length - 1);
}

/** Where one article's header was found. */
interface Header {
  /** Line index of the title. */
  start: number;
  /** Line index where the body starts. */
  bodyStart: number;
  title: string;
  subtitle?: string;
  captionLines: string[];
  /** Keys of every header line, so repeats of them are dropped from the body. */
  repeats: Set<string>;
  /** Set when the header could not be read: the article is reported, not written. */
  error?: string;
}

/**
 * Parse one dump into articles.
 *
 * @param text The file's contents (any line ends, an optional byte-order mark).
 * @param file The file's path, for error messages.
 * @returns The articles in order, and an error for each part that could not be read.
 */
export function parseDump(text: string, file: string): ParseResult {
  const lines = new Lines(foldLines(text));
  const headers = findHeaders(lines);
  const articles: ParsedArticle[] = [];
  const errors: IngestError[] = [];

  const first = headers[0]?.start ?? lines.text.length;
  const stray = nextNonBlank(lines, 0, first);
  if (stray >= 0) {
    errors.push(
      new IngestError(
        file,
        stray + 1,
        headers.length === 0
          ? `cannot find an article header, expected a title line followed by "${FONT_SIZE_CONTROL}" and the title again`
          : `text before the first article header belongs to no article, expected a title line followed by "${FONT_SIZE_CONTROL}" and the title again`,
      ),
    );
  }

  headers.forEach((header, index) => {
    const end = headers[index + 1]?.start ?? lines.text.length;
    if (header.error) {
      errors.push(new IngestError(file, header.start + 1, header.error));
      return;
    }
    const captions = dedupeCaptions(header.captionLines, true);
    articles.push({
      title: header.title,
      ...(header.subtitle ? { subtitle: header.subtitle } : {}),
      captions,
      blocks: readBody(lines, header, end),
      index,
      line: header.start + 1,
    });
  });

  return { articles, errors };
}

function nextNonBlank(lines: Lines, from: number, to: number): number {
  for (let i = from; i < to; i++) if (lines.text[i] !== '') return i;
  return -1;
}

/** Every header in the dump, in order: those anchored on `TT` and those without it. */
function findHeaders(lines: Lines): Header[] {
  const headers: Header[] = [];
  const covered = new Uint8Array(lines.text.length);
  const cover = (from: number, to: number) => covered.fill(1, from, to);

  for (let t = 0; t < lines.text.length; t++) {
    // A TT printed again inside a header already read is a repeat, not a new article.
    if (lines.text[t] !== FONT_SIZE_CONTROL || covered[t]) continue;
    const header = readHeaderAround(lines, t);
    headers.push(header);
    cover(header.start, header.bodyStart);
  }

  for (let i = 0; i < lines.text.length; i++) {
    if (covered[i] || lines.text[i] === '' || (i > 0 && lines.text[i - 1] !== '')) continue;
    const header = readHeaderWithoutControl(lines, i);
    if (!header) continue;
    headers.push(header);
    cover(header.start, header.bodyStart);
    i = header.bodyStart - 1;
  }

  return headers.sort((a, b) => a.start - b.start);
}

/**
 * Read the header whose `TT` line stands at `t`: the title is the line above
 * that the line after `TT` repeats.
 */
function readHeaderAround(lines: Lines, t: number): Header {
  const repeat = nextNonBlank(lines, t + 1, lines.text.length);
  const above: number[] = [];
  for (let k = t - 1; k >= 0 && above.length < MAX_HEADER_LINES; k--) {
    if (lines.text[k] === FONT_SIZE_CONTROL) break;
    if (lines.text[k] !== '') above.unshift(k);
    else if (k > 0 && lines.text[k - 1] === '' && above.length > 0) break;
  }
  const titleAt = repeat < 0 ? -1 : above.findLastIndex((k) => lines.same(k, repeat));

  if (titleAt < 0) {
    const start = above[0] ?? t;
    const found = repeat < 0 ? 'the end of the file' : `"${clip(lines.text[repeat] ?? '')}"`;
    return {
      start,
      bodyStart: t + 1,
      title: '',
      captionLines: [],
      repeats: new Set(),
      error: `cannot read the header, expected the title repeated after "${FONT_SIZE_CONTROL}", found ${found}`,
    };
  }

  const title = above[titleAt] as number;
  const middle = above.slice(titleAt + 1);
  const { subtitle, captionLines } = classifyHeaderLines(lines, middle);
  return finishHeader(lines, title, repeat, subtitle, captionLines);
}

/**
 * Try to read a header without `TT` at line `i`: the title, an optional
 * subtitle, caption pairs, then the title again. Returns undefined when the
 * lines that follow do not have that shape.
 */
function readHeaderWithoutControl(lines: Lines, i: number): Header | undefined {
  if ((lines.text[i] as string).length > MAX_TITLE_LENGTH) return undefined;
  let subtitle: number | undefined;
  const captionLines: string[] = [];
  let pending = -1;
  let seen = 0;

  for (let j = i + 1; j < lines.text.length; j++) {
    const text = lines.text[j] as string;
    if (text === '') continue;
    if (text === FONT_SIZE_CONTROL || ++seen > MAX_HEADER_LINES) return undefined;
    if (lines.same(j, i)) {
      // An adjacent copy is a caption pair in a body, not a header.
      if (j === i + 1) return undefined;
      if (pending >= 0) {
        if (subtitle !== undefined || captionLines.length > 0) return undefined;
        subtitle = pending;
      }
      return finishHeader(lines, i, j, subtitle === undefined ? undefined : lines.text[subtitle], captionLines);
    }
    if (pending < 0) {
      pending = j;
    } else if (j === pending + 1 && lines.same(j, pending)) {
      captionLines.push(lines.text[pending] as string, text);
      pending = -1;
    } else if (subtitle === undefined && captionLines.length === 0) {
      subtitle = pending;
      pending = j;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** Split the lines between the title and `TT`: a first lone line is the subtitle, the rest are captions. */
function classifyHeaderLines(lines: Lines, middle: number[]): { subtitle?: string; captionLines: string[] } {
  const first = middle[0];
  if (first === undefined) return { captionLines: [] };
  const next = middle[1];
  const firstIsPaired = next !== undefined && lines.same(next, first);
  const captions = firstIsPaired ? middle : middle.slice(1);
  return {
    ...(firstIsPaired ? {} : { subtitle: lines.text[first] }),
    captionLines: captions.map((k) => lines.text[k] as string),
  };
}

/** Complete a header once its title and the title's repeat are known: skip what the repeat prints again. */
function finishHeader(
  lines: Lines,
  title: number,
  repeat: number,
  subtitle: string | undefined,
  captionLines: string[],
): Header {
  const repeats = new Set<string>([lines.key(title)]);
  if (subtitle) repeats.add(spacingKey(subtitle));
  for (const line of captionLines) repeats.add(spacingKey(line));

  let bodyStart = repeat + 1;
  for (let k = bodyStart; k < lines.text.length; k++) {
    const text = lines.text[k] as string;
    if (text === '') continue;
    if (text !== FONT_SIZE_CONTROL && !repeats.has(lines.key(k))) break;
    bodyStart = k + 1;
  }

  return {
    start: title,
    bodyStart,
    title: lines.text[title] as string,
    ...(subtitle ? { subtitle } : {}),
    captionLines,
    repeats,
  };
}

/** Read the body between a header and the next article: paragraphs, headings, inline photo captions. */
function readBody(lines: Lines, header: Header, end: number): Block[] {
  const blocks: Block[] = [];
  const captionsSeen = new KeySet(lines, header.repeats);
  let k = header.bodyStart;
  while (k < end) {
    const text = lines.text[k] as string;
    if (text === '') {
      k++;
      continue;
    }
    // Adjacent copies of one line are a photo caption printed twice (or more).
    let m = k + 1;
    while (m < end && lines.text[m] !== '' && lines.same(m, k)) m++;
    if (text === FONT_SIZE_CONTROL || captionsSeen.has(k)) {
      // Chrome, or a caption or title printed once more.
    } else if (m - k >= 2) {
      captionsSeen.add(k);
      blocks.push({ type: 'figure', caption: splitCredit(text), line: k + 1 });
    } else {
      blocks.push({ type: isSectionHeading(text) ? 'heading' : 'paragraph', text, line: k + 1 });
    }
    k = m;
  }
  // A heading needs something under it.
  const last = blocks.at(-1);
  if (last?.type === 'heading') blocks[blocks.length - 1] = { ...last, type: 'paragraph' };
  return blocks;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
