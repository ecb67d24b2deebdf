/**
 * Generic word lists the extractor needs beyond compromise's lexicon: titles
 * and honorifics, the words that end organisation and place names, news
 * agencies, speech verbs. Nothing here names a particular story's people.
 */

/** Titles, ranks and roles printed before a name: stripped, and they mark what follows as a person. */
export const TITLE_WORDS = new Set(
  [
    'president', 'vice', 'prime', 'minister', 'ministers', 'secretary', 'general', 'crown', 'prince', 'princess', 'king', 'queen',
    'emir', 'sheikh', 'sheikha', 'sultan', 'speaker', 'mp', 'senator', 'sen', 'rep', 'representative', 'governor', 'mayor', 'judge',
    'justice', 'chief', 'commander', 'leader', 'deputy', 'director', 'administrator', 'chairman', 'chairwoman', 'chair', 'ceo',
    'commissioner', 'envoy', 'ambassador', 'spokesman', 'spokeswoman', 'spokesperson', 'pope', 'cardinal', 'archbishop', 'bishop',
    'rabbi', 'imam', 'ayatollah', 'grand', 'mufti', 'patriarch', 'colonel', 'col', 'lieutenant', 'lt', 'major', 'maj', 'captain',
    'capt', 'sergeant', 'sgt', 'brigadier', 'brig', 'marshal', 'admiral', 'adm', 'gen', 'corporal', 'private', 'dr', 'doctor',
    'professor', 'prof', 'mr', 'mrs', 'ms', 'miss', 'sir', 'dame', 'lord', 'lady', 'former', 'late', 'foreign', 'defense', 'defence',
    'interior', 'finance', 'transport', 'health', 'education', 'energy', 'justice', 'economy', 'trade', 'labour', 'labor', 'state',
    'staff', 'army', 'military', 'police', 'coach', 'manager', 'founder', 'executive', 'officer', 'head', 'candidate', 'lawmaker',
    'coordinator', 'cleric', 'presenter', 'anchor', 'reporter', 'editor', 'actor', 'actress', 'singer', 'filmmaker', 'director-general',
    'secretary-general', 'premier', 'chancellor', 'counsellor', 'councillor', 'attorney', 'prosecutor', 'magistrate', 'senior',
    'acting', 'interim', 'hajj', 'haj', 'pm', 'pms', 'mps', 'assistant', 'undersecretary', 'mrs.', 'saint', 'st',
  ],
);

/** Last words of organisation names. */
export const ORG_HEADS = new Set(
  [
    'forces', 'force', 'movement', 'party', 'ministry', 'agency', 'authority', 'union', 'council', 'court', 'commission', 'service',
    'services', 'society', 'front', 'organization', 'organisation', 'fund', 'bank', 'committee', 'group', 'company', 'corporation',
    'corp', 'inc', 'ltd', 'institute', 'university', 'center', 'centre', 'hospital', 'festival', 'pictures', 'studios', 'watch',
    'programme', 'program', 'coalition', 'cooperative', 'association', 'federation', 'brigades', 'brigade', 'guard', 'guards', 'corps',
    'army', 'navy', 'police', 'parliament', 'assembly', 'network', 'news', 'times', 'post', 'fm', 'tv', 'radio', 'press', 'foundation',
    'trust', 'office', 'department', 'bureau', 'board', 'league', 'alliance', 'nations', 'airlines', 'airways', 'holdings', 'group',
    'school', 'college', 'academy', 'club', 'team', 'brotherhood', 'militia', 'battalion', 'battalions', 'division', 'command',
    'congress', 'senate', 'cabinet', 'government', 'secretariat', 'directorate', 'tribunal', 'mission', 'cross', 'crescent',
    'initiative', 'media', 'channel', 'television', 'magazine', 'journal', 'gazette', 'herald', 'tribune', 'telegraph', 'observer',
    'cinematheque', 'museum', 'library', 'orchestra', 'foundation', 'framework', 'resistance', 'faction', 'council', 'industries',
    'motors', 'affairs', 'administration', 'technologies', 'systems', 'labs', 'laboratories', 'exchange', 'stock', 'reserve', 'treasury', 'secretariat',
  ],
);

/** First words of organisation names ("Ministry of …", "Bank of …"). */
export const ORG_OPENERS = new Set(['ministry', 'bank', 'university', 'council', 'department', 'office', 'institute', 'court', 'federation', 'league', 'union']);

/** Last words of place names. */
export const PLACE_HEADS = new Set(
  [
    'island', 'islands', 'river', 'city', 'province', 'governorate', 'state', 'county', 'district', 'region', 'street', 'square',
    'mountains', 'mountain', 'mount', 'valley', 'bay', 'sea', 'ocean', 'lake', 'strait', 'gulf', 'peninsula', 'desert', 'camp',
    'base', 'bridge', 'crossing', 'highway', 'road', 'avenue', 'village', 'town', 'park', 'port', 'harbour', 'harbor', 'airport',
    'coast', 'bank', 'strip', 'heights', 'hills', 'plain', 'plateau', 'canal', 'dam', 'field', 'oilfield', 'crater', 'europe',
    'africa', 'asia', 'america', 'east', 'west', 'north', 'south', 'quarter', 'neighbourhood', 'neighborhood', 'square', 'palace', 'republic',
  ],
);

/** News agencies and outlets: a credit when they close a caption, an organisation when they act in the text. */
export const AGENCIES = new Map(
  [
    ['AFP', 'AFP'], ['Agence France-Presse', 'Agence France-Presse'], ['Reuters', 'Reuters'], ['AP', 'Associated Press'],
    ['Associated Press', 'Associated Press'], ['The Associated Press', 'Associated Press'], ['EPA', 'EPA'], ['Getty Images', 'Getty Images'],
    ['Anadolu', 'Anadolu Agency'], ['Xinhua', 'Xinhua'], ['DPA', 'DPA'], ['ANSA', 'ANSA'], ['Bloomberg', 'Bloomberg'],
    ['WAFA', 'WAFA'], ['Asharq Al-Awsat', 'Asharq Al-Awsat'], ['SPA', 'SPA'], ['WAM', 'WAM'], ['KUNA', 'KUNA'], ['MENA', 'MENA'], ['IRNA', 'IRNA'], ['TASS', 'TASS'],
  ],
);

/**
 * Organisations news names bare, without a head word, that a capitalised word
 * alone would not reveal (movements and militias known by one word).
 */
export const KNOWN_ORGS = new Set(
  [
    'hamas', 'hezbollah', 'isis', 'isil', 'daesh', 'taliban', 'al-qaeda', 'al-shabaab', 'houthis', 'mossad', 'shin bet', 'fatah',
    'nato', 'opec', 'unicef', 'unesco', 'interpol', 'wagner', 'hts', 'pkk', 'ypg', 'cia', 'fbi', 'kgb', 'fsb', 'mi6', 'mi5',
    'unrwa', 'unhcr', 'imf', 'wto', 'asean', 'icc', 'icj', 'fifa', 'uefa', 'google', 'microsoft',
    'facebook', 'youtube', 'telegram', 'tiktok', 'twitter', 'instagram', 'whatsapp', 'netflix', 'tesla', 'boeing', 'airbus',
    'siemens', 'alstom', 'bechtel', 'maersk', 'aramco', 'samsung', 'toyota', 'nasa', 'cbs', 'bbc', 'cnn', 'nbc', 'hrw',
  ],
);

/** Speech verbs that attribute a quote. */
export const SPEECH_VERBS = [
  'said', 'says', 'say', 'added', 'adds', 'told', 'tells', 'explained', 'explains', 'warned', 'warns', 'stated', 'states', 'asked',
  'asks', 'noted', 'notes', 'stressed', 'stresses', 'insisted', 'insists', 'argued', 'argues', 'wrote', 'writes', 'recalled',
  'recalls', 'pleaded', 'pleads', 'continued', 'replied', 'replies', 'responded', 'declared', 'declares', 'announced', 'claimed',
  'claims', 'admitted', 'admits', 'acknowledged', 'conceded', 'suggested', 'suggests', 'urged', 'urges', 'shouted', 'whispered',
  'cried', 'remarked', 'observed', 'commented', 'emphasised', 'emphasized', 'confirmed', 'confirms', 'added', 'concluded', 'quipped',
  'joked', 'lamented', 'vowed', 'vows', 'predicted', 'complained', 'complains', 'tweeted', 'posted', 'wondered', 'sighed', 'laughed',
];

/** Words that open a sentence in capitals without naming anything. */
export const SENTENCE_OPENERS = new Set(
  [
    'the', 'a', 'an', 'on', 'in', 'at', 'by', 'for', 'from', 'to', 'of', 'with', 'as', 'after', 'before', 'since', 'during', 'but',
    'and', 'or', 'so', 'yet', 'if', 'when', 'while', 'although', 'though', 'however', 'meanwhile', 'despite', 'instead', 'then',
    'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my',
    'there', 'here', 'some', 'many', 'most', 'more', 'all', 'both', 'each', 'every', 'no', 'not', 'other', 'others', 'another',
    'one', 'two', 'three', 'four', 'five', 'several', 'few', 'sources', 'officials', 'insiders', 'residents', 'talks', 'groups',
    'asked', 'speaking', 'according', 'under', 'over', 'between', 'among', 'about', 'around', 'until', 'unless', 'because',
    'what', 'who', 'why', 'how', 'where', 'which', 'whose', 'now', 'today', 'yesterday', 'tomorrow', 'last', 'next', 'earlier',
    'later', 'also', 'still', 'even', 'only', 'just', 'such', 'former', 'phase', 'data', 'days', 'months', 'years', 'weeks',
    'thousands', 'hundreds', 'dozens', 'millions', 'people', 'riders', 'workers', 'lawmakers', 'supporters', 'members', 'eight-year-old',
  ],
);

/** Month and weekday names, never entities. */
export const CALENDAR_WORDS = new Set(
  [
    'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday', 'tuesday', 'wednesday',
    'thursday', 'friday', 'saturday', 'sunday', 'tt',
  ],
);

/** Adjectives of nationality, faith and community that compromise's lexicon does not tag as demonyms. */
export const NATIONALITIES = new Set(
  [
    'polish', 'czech', 'shiite', 'shia', 'sunni', 'kurdish', 'kurds', 'danish', 'finnish', 'swedish', 'turkish', 'british', 'irish',
    'spanish', 'scottish', 'welsh', 'english', 'french', 'dutch', 'greek', 'swiss', 'thai', 'arab', 'arabs', 'muslim', 'muslims',
    'christian', 'christians', 'jewish', 'druze', 'alawite', 'coptic', 'yazidi', 'western', 'eastern', 'islamic', 'shiites', 'sunnis',
    'iranians', 'israelis', 'palestinians', 'americans', 'russians', 'europeans', 'africans', 'asians', 'taiwanese',
  ],
);

/** Lower-case particles inside names: "al-", "bin", "von der". */
export const NAME_PARTICLES = new Set(['bin', 'ibn', 'bint', 'bin.', 'de', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'le', 'la', 'du', 'dos', 'das', 'y', 'al', 'el', 'abu', 'abou', 'ben', 'ould', 'ter']);
