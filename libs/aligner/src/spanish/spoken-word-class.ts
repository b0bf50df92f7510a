import { isSpanish } from './tokenize-spoken';

/**
 * What a spoken word contributes to a label: `filler` (a discourse marker or hesitation an edited acta leaves out
 * on purpose), `function` (a closed-class word: article, preposition, conjunction, pronoun, auxiliary — the
 * secretary's grammatical smoothing adds and drops them), `content` (everything else: nouns, verbs, adjectives,
 * adverbs, numbers, names, negations). A label may lack fillers and the odd function word; never content.
 */
export type SpokenWordClass = 'filler' | 'function' | 'content';

/** Spanish hesitations and discourse markers ("muletillas"), in match form (no accents, lower case). */
const FILLERS: ReadonlySet<string> = new Set([
  'eh',
  'em',
  'ehm',
  'mm',
  'mmm',
  'hm',
  'ah',
  'oh',
  'uh',
  'este',
  'esto',
  'pues',
  'bueno',
  'vale',
  'bien',
  'vamos',
  'digamos',
  'osea',
  'mira',
  'oye',
  'claro',
  'hombre',
  'venga',
  'entonces',
  'vaya',
  'verdad',
]);

/** Multi-word discourse markers: each of their words is a filler where the whole phrase occurs. */
const FILLER_PHRASES: readonly (readonly string[])[] = [
  ['o', 'sea'],
  ['es', 'decir'],
  ['a', 'ver'],
  ['en', 'fin'],
  ['por', 'asi', 'decirlo'],
  ['de', 'alguna', 'manera'],
];

/** Words that start or continue a filler phrase (most words never need the phrase scan). */
const PHRASE_WORDS: ReadonlySet<string> = new Set(FILLER_PHRASES.flat());

/**
 * Spanish closed-class words in match form. Negations ("no", "ni", "nunca", "tampoco") are deliberately absent:
 * a label without them says the opposite of what was said.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  // articles and determiners ("un"/"una" fold to "uno")
  'el',
  'la',
  'los',
  'las',
  'lo',
  'uno',
  'unos',
  'unas',
  'al',
  'del',
  'ese',
  'esa',
  'esos',
  'esas',
  'eso',
  'esta',
  'estos',
  'estas',
  'aquel',
  'aquella',
  'aquello',
  // prepositions
  'a',
  'ante',
  'bajo',
  'con',
  'contra',
  'de',
  'desde',
  'durante',
  'en',
  'entre',
  'hacia',
  'hasta',
  'mediante',
  'para',
  'por',
  'segun',
  'sin',
  'sobre',
  'tras',
  // conjunctions
  'y',
  'e',
  'o',
  'u',
  'que',
  'pero',
  'sino',
  'aunque',
  'porque',
  'como',
  'cuando',
  'donde',
  'si',
  'ya',
  'mas',
  'muy',
  'tan',
  // pronouns and possessives (the possessive determiners are closed-class like "su": "tienen (nuestro) apoyo")
  'yo',
  'tu',
  'me',
  'te',
  'se',
  'nos',
  'os',
  'le',
  'les',
  'mi',
  'mis',
  'tus',
  'su',
  'sus',
  'nuestro',
  'nuestra',
  'nuestros',
  'nuestras',
  'vuestro',
  'vuestra',
  'vuestros',
  'vuestras',
  'ello',
  'ella',
  'ellos',
  'ellas',
  // auxiliaries and copulas
  'es',
  'son',
  'ser',
  'sea',
  'fue',
  'era',
  'ha',
  'han',
  'he',
  'has',
  'hemos',
  'haber',
  'estan',
  'estamos',
]);

/**
 * Class of one word in match form ({@link foldForMatch}). Outside Spanish every word counts as content: without a
 * word list the aligner cannot tell a filler from speech, so it keeps only labels that account for every word.
 */
export function spokenWordClass(form: string, language: string): SpokenWordClass {
  if (!isSpanish(language)) return 'content';
  if (FILLERS.has(form)) return 'filler';
  return FUNCTION_WORDS.has(form) ? 'function' : 'content';
}

/**
 * Whether a vocabulary id (an index into `words`, match forms) is a content word, decided once per id: per-token
 * checks over a whole session ask it for the same few thousand words again and again.
 */
export function createIsContentWord(words: readonly string[], language: string): (id: number) => boolean {
  // 0: not decided yet, 1: content, 2: filler or function word.
  const decided = new Uint8Array(words.length);
  return (id) => {
    let known = decided[id] ?? 0;
    if (known === 0) {
      known = spokenWordClass(words[id] ?? '', language) === 'content' ? 1 : 2;
      if (id >= 0 && id < decided.length) decided[id] = known;
    }
    return known === 1;
  };
}

/**
 * Whether position `at` of a word sequence (`forms(k)`, undefined out of range) lies inside a multi-word filler
 * phrase: in "o sea que", "o" and "sea" are fillers, while "o" alone is a conjunction.
 */
export function fillerPhraseAt(forms: (k: number) => string | undefined, at: number, language: string): boolean {
  const form = forms(at);
  if (form === undefined || !PHRASE_WORDS.has(form) || !isSpanish(language)) return false;
  for (const phrase of FILLER_PHRASES) {
    for (let offset = 0; offset < phrase.length; offset += 1) {
      if (phrase[offset] !== form) continue;
      if (phrase.every((word, k) => forms(at - offset + k) === word)) return true;
    }
  }
  return false;
}
