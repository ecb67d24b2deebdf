/**
 * Exact phrases: the index holds no word positions, so a phrase query takes
 * the stories that hold all its words and keeps those whose text has them in
 * a row.
 */
import { foldWord } from '../format/fold.ts';
import { tokenizeText } from '../format/tokenize.ts';

/**
 * Whether a text holds a phrase: the phrase's folded words, consecutive.
 *
 * @param text Any text (a story field).
 * @param phrase Folded words, as `parseQuery` gives them.
 * @returns True when the words appear in a row.
 */
export function containsPhrase(text: string, phrase: readonly string[]): boolean {
  if (phrase.length === 0) return true;
  const words = tokenizeText(text)
    .map(foldWord)
    .filter((word) => word.length > 0);
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Whether any of a story's texts holds every phrase (each within one text:
 * a phrase does not run from the headline into the body).
 *
 * @param texts The story's fields.
 * @param phrases Phrases, each as folded words.
 * @returns True when each phrase is found in some text.
 */
export function matchesPhrases(texts: readonly string[], phrases: readonly (readonly string[])[]): boolean {
  return phrases.every((phrase) => texts.some((text) => containsPhrase(text, phrase)));
}
