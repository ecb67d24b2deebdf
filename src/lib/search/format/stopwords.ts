/**
 * Words too common to narrow a search. They are left out of the index (a
 * third of all postings otherwise) and dropped from queries; phrase search
 * still sees them because phrases are checked against the story text.
 * Stored folded, as `foldWord` returns them.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  // English
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'from', 'had', 'has', 'have', 'he', 'her',
  'his', 'i', 'in', 'into', 'is', 'it', 'its', 'of', 'on', 'or', 's', 'she', 'that', 'the', 'their', 'them',
  'they', 'this', 'to', 'was', 'were', 'which', 'who', 'will', 'with', 't', 'been', 'than', 'then', 'there',
  // Arabic (folded: no hamza on alef, yeh for alef maksura)
  'في', 'من', 'علي', 'الي', 'عن', 'ان', 'و', 'او', 'ما', 'هذا', 'هذه', 'التي', 'الذي', 'مع', 'كان',
]);
