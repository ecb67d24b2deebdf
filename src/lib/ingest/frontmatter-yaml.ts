/**
 * The YAML of an entry's frontmatter: block mappings and sequences, strings
 * plain when they plainly can be, double-quoted otherwise.
 *
 * js-yaml's emitter weighs each string character by character to pick the
 * lightest style that reads back the same, a tenth of the whole ingest
 * (DESIGN.md has the figures). An entry holds only strings, integers, booleans, lists and
 * mappings; a string of words and common punctuation that starts with a
 * letter can stand plain, and any other is a JSON string with a few more
 * characters escaped, which is a double-quoted YAML string. So this writes,
 * far faster, what any YAML 1.2 reader (js-yaml in the site, and
 * in tests against arbitrary entries) reads back as the same value.
 */

// Printable in JSON but not in YAML (DEL, C1 controls, NEL), or read as
// special by some YAML readers (line and paragraph separators, byte-order
// mark, non-characters): escaped as \uXXXX.
const NOT_YAML_PRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
const NOT_YAML_PRINTABLES = new RegExp(NOT_YAML_PRINTABLE.source, 'g');
const PLAIN_KEY = /^[A-Za-z][A-Za-z0-9]*$/;
// Words and punctuation that mean nothing to YAML inside a plain string (no
// `:` or `#`), starting with a letter (no indicator, number or date) and
// ending with no space.
const PLAIN_CHAR = String.raw`[\p{L}\p{M}\p{N}.,;?!’‘“”()/\-–—'"&+]`;
const PLAIN_STRING = new RegExp(String.raw`^\p{L}(?:(?:${PLAIN_CHAR}| )*${PLAIN_CHAR})?$`, 'u');
// The same for ASCII text, most of an archive's, tested far faster than the
// Unicode classes.
const PLAIN_ASCII = /^[A-Za-z](?:[A-Za-z0-9 .,;?!()/'"&+-]*[A-Za-z0-9.,;?!()/'"&+-])?$/;
// Letters alone that YAML 1.1 or 1.2 readers take for booleans or null.
const RESERVED_WORD = /^(?:y|yes|n|no|true|false|on|off|null)$/i;

/** A value an entry's frontmatter can hold. */
type Value = string | number | boolean | undefined | readonly Value[] | { readonly [key: string]: Value };

/**
 * Serialize a mapping as block YAML (no document markers, no final line end).
 *
 * @param mapping The frontmatter; keys whose value is undefined are left out.
 * @returns The YAML text.
 */
export function frontmatterYaml(mapping: { readonly [key: string]: Value }): string {
  const lines: string[] = [];
  writeMapping(mapping, '', lines);
  return lines.join('\n');
}

// An entry has a few keys, each written once per caption, date or quote.
const writtenKeys = new Map<string, string>();

function writeKey(key: string): string {
  let written = writtenKeys.get(key);
  if (written === undefined) {
    written = PLAIN_KEY.test(key) && !RESERVED_WORD.test(key) ? key : quote(key);
    if (writtenKeys.size < 1000) writtenKeys.set(key, written);
  }
  return written;
}

// Lines are pushed onto one array: an entry of thousands of captions would
// otherwise build and spread an array per caption.
function writeMapping(mapping: { readonly [key: string]: Value }, indent: string, lines: string[]): void {
  for (const key in mapping) {
    if (!Object.hasOwn(mapping, key)) continue;
    const value = mapping[key];
    if (value === undefined) continue;
    const head = `${indent}${writeKey(key)}:`;
    if (isBlock(value)) {
      lines.push(head);
      writeBlock(value, `${indent}  `, lines);
    } else lines.push(`${head} ${writeScalar(value)}`);
  }
}

function writeSequence(items: readonly Value[], indent: string, lines: string[]): void {
  for (const item of items) {
    if (item === undefined) throw new TypeError('frontmatterYaml: a list cannot hold undefined');
    if (!isBlock(item)) {
      lines.push(`${indent}- ${writeScalar(item)}`);
      continue;
    }
    // A nested block starts on the dash's line, its other lines under the first.
    const first = lines.length;
    writeBlock(item, `${indent}  `, lines);
    lines[first] = `${indent}- ${(lines[first] as string).slice(indent.length + 2)}`;
  }
}

/** Lists and mappings with something in them are written as blocks; empty ones inline. */
function isBlock(value: Value): value is readonly Value[] | { readonly [key: string]: Value } {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  for (const key in value) if (Object.hasOwn(value, key) && (value as { readonly [key: string]: Value })[key] !== undefined) return true;
  return false;
}

function writeBlock(value: readonly Value[] | { readonly [key: string]: Value }, indent: string, lines: string[]): void {
  if (Array.isArray(value)) writeSequence(value, indent, lines);
  else writeMapping(value as { readonly [key: string]: Value }, indent, lines);
}

function writeScalar(value: Exclude<Value, undefined>): string {
  switch (typeof value) {
    case 'string':
      return (PLAIN_ASCII.test(value) || PLAIN_STRING.test(value)) && !RESERVED_WORD.test(value) ? value : quote(value);
    case 'boolean':
      return String(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`frontmatterYaml: cannot write the number ${value}`);
      return String(value);
    default:
      return Array.isArray(value) ? '[]' : '{}';
  }
}

function quote(text: string): string {
  const json = JSON.stringify(text);
  return NOT_YAML_PRINTABLE.test(json) ? json.replace(NOT_YAML_PRINTABLES, escapeUnit) : json;
}

function escapeUnit(unit: string): string {
  return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
