/**
 * Hostile but plausible story text, for the tests that check text stays text
 * wherever the site shows it.
 */
import fc from 'fast-check';

/** The forms a review found turning into markup or changing on the page, and their kin. */
export const HOSTILE_EXAMPLES = [
  'The minutes are at https://council.example/minutes<img src=x onerror=alert(1)> for anyone to read.',
  'See www.example.org/a<script>alert(1)</script> and the rest of the story.',
  'Filed at https://example.com/x<a href="javascript:alert(1)">click</a> yesterday.',
  'An aside <!-- that never closes',
  'He said "quoted" -- and then... nothing; ~~four~~ struck.',
  '“Curly” ‘quotes’ – dashes — and … ellipses stay as printed.',
  '<b onclick="alert(1)">bold</b> &amp; &lt;b&gt; &#60;i&#62; [link](javascript:alert(1)) ![x](y.png) <https://x.test>',
  '*stars* _under_ `code` # hash > quote 1. list - item | pipe | [^1] $x$ {y} :::note ^sup^ ~sub~ [[wiki]]',
] as const;

/**
 * Text shaped like a CommonMark autolink (`<scheme:…>`, `<local@domain>`), raw
 * HTML or both, at a line's start, mid-text and after a backslash. An email
 * autolink may start with any character of an address's local part, not only
 * a letter: `<#@0>` once slipped through the writer unescaped.
 */
export const AUTOLINK_SHAPES = [
  '<#@0>',
  '<0@a>',
  'a <foo@bar> b',
  '<a@b.c>',
  'mail <a.b+c@d-e.f> now',
  '<x:y>',
  '<a+b:c>',
  '<http://x.test/a?b=c>',
  '<mailto:a@b.test>',
  '\\<#@0>',
  'a\\<0@a>',
  '\\\\<x:y>',
  ...[..."!#$%&'*+-./=?^_`{|}~"].map((first) => `<${first}@a>`),
  "<.!#$%&'*+/=?^_`{|}~-@a.b>",
  '<&amp;@a>',
  '<0@a>b<1@c>',
  '<<0@a>>',
  '<!-- x -->',
  '<?x?>',
  '<![CDATA[x]]>',
] as const;

// Pieces of Markdown, HTML, URLs, typography and control characters.
const PIECES = [
  ...HOSTILE_EXAMPLES,
  ...AUTOLINK_SHAPES,
  '@',
  'https://council.example/minutes',
  'www.example.org/a',
  'mailto:a@b.test',
  '<img src=x onerror=alert(1)>',
  '<script>',
  '</script>',
  '<a href="javascript:alert(1)">',
  '<!--',
  '-->',
  '"quoted"',
  '--',
  '---',
  '...',
  '~~four~~',
  '&amp;',
  '&#x3C;',
  '\\',
  '\u0001',
  '\u001B[31m',
  '\u007F',
  '\u0085',
  '\u202E',
  '\u2066',
  ...'#>*_[]()!<>&\\`~-+=.:|"\'1 09aZé’“”–—…؟ب',
  ...'@$%^{}/?,;',
];

/** One line of story text as the parser yields it: folded spacing, trimmed, not empty. */
export const hostileText: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', ''))
  // Pieces run together too, so that a `<` meets what follows it.
  .map(([parts, separator]) =>
    parts
      .join(separator)
      .replace(/[\s\0]+/g, ' ')
      .trim(),
  )
  .filter((text) => text.length > 0);
