import type { Acta, Fragment, Transcript } from './session-types';
import {
  CHATTER,
  FILLERS,
  INTERVENTION_TEMPLATES,
  READING_TEMPLATES,
  SUMMARY_TEMPLATES,
  fillTemplate,
  makeCouncillors,
  plain,
  type Councillor,
  type Piece,
} from './council-vocabulary';
import { createRng, type Rng } from './prng';

/** How messy a synthetic session is: the acta side (summaries, edits, reordering) and the ASR side. */
export interface SessionProfile {
  name: string;
  /** Per spoken word: ASR substitution, deletion, insertion (after the word) rates. */
  substitution: number;
  deletion: number;
  insertion: number;
  /** Standard deviation of the noise added to ASR word times (seconds). */
  jitterSec: number;
  /** Share of spoken numbers the ASR writes as digits ("veinticinco mil" → "25.000"). */
  digitsRate: number;
  /** Share of interventions the acta summarises (text not what was said). */
  summaryShare: number;
  /** Agenda items discussed later than the acta lists them. */
  reorderedItems: number;
  /** Chance of chatter (not in the acta) before each spoken fragment. */
  chatterRate: number;
  /** Per verbatim sentence: the speaker said it slightly differently (filler, repeated word, other wording). */
  editRate: number;
  /** Per verbatim sentence: the speaker added a sentence the secretary dropped. */
  extraSentenceRate: number;
}

export type ProfileName = 'clean' | 'typical' | 'hard';

export const SESSION_PROFILES: Record<ProfileName, SessionProfile> = {
  clean: {
    name: 'clean',
    substitution: 0.01,
    deletion: 0.005,
    insertion: 0.005,
    jitterSec: 0.01,
    digitsRate: 0.7,
    summaryShare: 1 / 3,
    reorderedItems: 0,
    chatterRate: 0.2,
    editRate: 0.03,
    extraSentenceRate: 0.02,
  },
  typical: {
    name: 'typical',
    substitution: 0.08,
    deletion: 0.04,
    insertion: 0.03,
    jitterSec: 0.03,
    digitsRate: 0.7,
    summaryShare: 1 / 3,
    reorderedItems: 1,
    chatterRate: 0.5,
    editRate: 0.1,
    extraSentenceRate: 0.06,
  },
  hard: {
    name: 'hard',
    substitution: 0.16,
    deletion: 0.08,
    insertion: 0.06,
    jitterSec: 0.06,
    digitsRate: 0.7,
    summaryShare: 0.4,
    reorderedItems: 2,
    chatterRate: 0.8,
    editRate: 0.2,
    extraSentenceRate: 0.12,
  },
};

/** A word truly said, with its true times; `alignable` when it is a word of a verbatim acta fragment. */
export interface TruthWord {
  text: string;
  start: number;
  end: number;
  alignable: boolean;
}

export interface DeepgramWord {
  word: string;
  start: number;
  end: number;
  confidence: number;
  speaker: number;
  punctuated_word: string;
}

/** The subset of a Deepgram pre-recorded response that transcript normalisers read. */
export interface DeepgramPayload {
  metadata: { request_id: string; duration: number; channels: number; models: string[] };
  results: { channels: { alternatives: { transcript: string; confidence: number; words: DeepgramWord[] }[] }[] };
}

export interface SyntheticSession {
  profile: SessionProfile;
  seed: number;
  acta: Acta;
  transcript: Transcript;
  deepgram: DeepgramPayload;
  truth: TruthWord[];
  /** Agenda item indices in the order they were discussed. */
  spokenOrder: number[];
}

export interface GenerateSessionOptions {
  seed: number;
  profile: ProfileName | SessionProfile;
  /** Approximate number of words said (the transcript has about as many). */
  targetWords: number;
}

/** A spoken sentence: words with whether they are acta words, plus ASR digit groups. */
interface SpokenWord {
  text: string;
  alignable: boolean;
  /** Part of a number the ASR may write as digits (edits never go inside one). */
  inNumber?: boolean;
  /** Set on the first word of a number the ASR may write as digits; `digitsLength` words long. */
  asrDigits?: string;
  digitsLength?: number;
}

interface SpokenUnit {
  speaker: number;
  sentences: SpokenWord[][];
}

interface ItemPlan {
  index: number;
  fragments: Fragment[];
  spoken: SpokenUnit[];
  words: number;
}

const SECRETARY = 90;
const SYNONYMS: Record<string, string> = {
  queremos: 'quisiéramos',
  pedimos: 'solicitamos',
  todavía: 'aún',
  hay: 'existen',
  tenemos: 'debemos',
  solo: 'únicamente',
  pero: 'aunque',
  costará: 'supondrá',
  nuestro: 'este',
  clara: 'firme',
};

function writtenOf(pieces: readonly Piece[]): string {
  return pieces.map((p) => p.written).join(' ');
}

function spokenOf(pieces: readonly Piece[], alignable: boolean): SpokenWord[] {
  const out: SpokenWord[] = [];
  let numberLeft = 0;
  for (const piece of pieces) {
    piece.spoken.forEach((text, k) => {
      const word: SpokenWord = { text, alignable };
      if (k === 0 && piece.asrDigits !== undefined) {
        word.asrDigits = piece.asrDigits;
        word.digitsLength = piece.asrSpan ?? piece.spoken.length;
        numberLeft = word.digitsLength;
      }
      if (numberLeft > 0) {
        word.inNumber = true;
        numberLeft -= 1;
      }
      out.push(word);
    });
  }
  return out;
}

/** The sentence as the speaker said it, possibly edited compared with what the acta records. */
function sayWithEdits(rng: Rng, pieces: readonly Piece[], profile: SessionProfile): SpokenWord[] {
  const words = spokenOf(pieces, true);
  if (!rng.chance(profile.editRate) || words.length < 3) return words;
  const at = rng.int(1, words.length - 1);
  const kind = rng.int(0, 2);
  const target = words[at];
  if (target?.inNumber === true) return words;
  if (kind === 1 && target !== undefined) {
    words.splice(at, 0, { text: target.text, alignable: false });
    return words;
  }
  if (kind === 2) {
    const k = words.findIndex((w) => SYNONYMS[w.text] !== undefined && w.inNumber !== true);
    const word = words[k];
    if (word !== undefined) {
      words[k] = { text: SYNONYMS[word.text] ?? word.text, alignable: false };
      return words;
    }
  }
  const filler = rng
    .pick(FILLERS)
    .split(' ')
    .map((text) => ({ text, alignable: false }));
  words.splice(at, 0, ...filler);
  return words;
}

function chatter(rng: Rng): SpokenWord[] {
  return spokenOf(plain(rng.pick(CHATTER)), false);
}

function sentences(rng: Rng, templates: readonly string[], min: number, max: number): Piece[][] {
  return Array.from({ length: rng.int(min, max) }, () => fillTemplate(rng, rng.pick(templates)));
}

function planItem(
  rng: Rng,
  profile: SessionProfile,
  index: number,
  councillors: readonly Councillor[],
  nextId: () => string,
): ItemPlan {
  const fragments: Fragment[] = [];
  const spoken: SpokenUnit[] = [];
  const topic = writtenOf(fillTemplate(rng, '{topic}'));
  const title = `${['Aprobación inicial de', 'Modificación de', 'Dictamen sobre', 'Moción relativa a'][rng.int(0, 3)]} ${topic}`;
  fragments.push({
    id: nextId(),
    itemIndex: index,
    kind: 'heading',
    verbatim: false,
    text: `${index}. ${title.toUpperCase()}`,
  });
  spoken.push({
    speaker: SECRETARY,
    sentences: [
      spokenOf(
        plain(
          `Punto número ${['uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez'][(index - 1) % 10] ?? 'uno'} del orden del día. ${title}.`,
        ),
        false,
      ),
    ],
  });
  if (rng.chance(0.7)) {
    const reading = READING_TEMPLATES.slice(0, rng.int(2, READING_TEMPLATES.length)).map((t) => fillTemplate(rng, t));
    fragments.push({
      id: nextId(),
      itemIndex: index,
      speaker: 'Sr. Secretario',
      kind: 'reading',
      verbatim: true,
      text: reading.map(writtenOf).join(' '),
    });
    spoken.push({ speaker: SECRETARY, sentences: reading.map((s) => sayWithEdits(rng, s, profile)) });
  }
  const interventions = rng.int(2, 6);
  for (let k = 0; k < interventions; k += 1) {
    const who = k === 0 ? councillors[0] : rng.pick(councillors);
    if (who === undefined) continue;
    const speakerIndex = councillors.indexOf(who);
    if (rng.chance(profile.chatterRate)) spoken.push({ speaker: 0, sentences: [chatter(rng)] });
    const said = sentences(rng, INTERVENTION_TEMPLATES, 3, 10);
    if (rng.chance(profile.summaryShare)) {
      const summary = fillTemplate(rng, rng.pick(SUMMARY_TEMPLATES), { speaker: plain(who.speaker) });
      fragments.push({
        id: nextId(),
        itemIndex: index,
        speaker: who.speaker,
        role: who.role,
        kind: 'intervention',
        verbatim: false,
        text: writtenOf(summary),
      });
      spoken.push({ speaker: speakerIndex, sentences: said.map((s) => spokenOf(s, false)) });
      continue;
    }
    const unit: SpokenUnit = { speaker: speakerIndex, sentences: [] };
    for (const sentence of said) {
      unit.sentences.push(sayWithEdits(rng, sentence, profile));
      if (rng.chance(profile.extraSentenceRate))
        unit.sentences.push(spokenOf(fillTemplate(rng, rng.pick(INTERVENTION_TEMPLATES)), false));
    }
    const text = said.map(writtenOf).join(' ');
    fragments.push({
      id: nextId(),
      itemIndex: index,
      speaker: who.speaker,
      role: who.role,
      kind: 'intervention',
      verbatim: true,
      text: rng.chance(0.3) ? `«${text}»` : text,
    });
    spoken.push(unit);
  }
  const inFavour = rng.int(7, 21);
  fragments.push({
    id: nextId(),
    itemIndex: index,
    kind: 'vote',
    verbatim: false,
    text: `Sometido el asunto a votación, se aprueba con ${inFavour} votos a favor y ${rng.int(0, 8)} votos en contra.`,
  });
  spoken.push({
    speaker: 0,
    sentences: ['Pasamos a votación.', 'Votos a favor.', 'Votos en contra.', 'Queda aprobado.'].map((s) =>
      spokenOf(plain(s), false),
    ),
  });
  const words = spoken.reduce((total, unit) => total + unit.sentences.reduce((n, s) => n + s.length, 0), 0);
  return { index, fragments, spoken, words };
}

function spokenOrderOf(rng: Rng, count: number, reordered: number): number[] {
  const order = Array.from({ length: count }, (_, k) => k + 1);
  for (let r = 0; r < reordered && count >= 6; r += 1) {
    const from = rng.int(1, count - 5);
    const [item] = order.splice(from, 1);
    if (item === undefined) continue;
    order.splice(Math.min(order.length - 1, from + rng.int(2, 4)), 0, item);
  }
  return order;
}

interface TimedWord extends SpokenWord {
  start: number;
  end: number;
  speaker: number;
  sentenceStart: boolean;
  sentenceEnd: boolean;
}

function wordDuration(rng: Rng, text: string): number {
  return (0.1 + 0.055 * text.length) * rng.uniform(0.85, 1.15);
}

function renderTimeline(rng: Rng, units: readonly SpokenUnit[]): { words: TimedWord[]; durationSec: number } {
  const words: TimedWord[] = [];
  let t = rng.uniform(2, 5);
  const recessAt = Math.floor(units.length / 2);
  units.forEach((unit, u) => {
    if (u === recessAt) t += rng.uniform(60, 180);
    unit.sentences.forEach((sentence) => {
      sentence.forEach((word, k) => {
        const duration = wordDuration(rng, word.text);
        words.push({
          ...word,
          start: t,
          end: t + duration,
          speaker: unit.speaker,
          sentenceStart: k === 0,
          sentenceEnd: k === sentence.length - 1,
        });
        t += duration;
        const digitsInside = word.digitsLength !== undefined && word.digitsLength > 1;
        t += digitsInside ? rng.uniform(0.01, 0.05) : rng.chance(0.04) ? rng.uniform(0.2, 0.5) : rng.uniform(0.02, 0.1);
      });
      t += rng.uniform(0.35, 0.9);
    });
    t += rng.uniform(0.6, 2);
  });
  return { words, durationSec: t + rng.uniform(1, 3) };
}

const INSERTIONS = ['y', 'que', 'de', 'eh', 'a', 'el', 'la', 'no', 'en', 'se', 'es'];
const ROUND = (x: number): number => Math.round(x * 1000) / 1000;

function misspell(rng: Rng, word: string, pool: readonly string[]): string {
  if (rng.chance(0.5) || word.length < 3) return rng.pick(pool);
  const rules: [RegExp, string][] = [
    [/v/u, 'b'],
    [/b/u, 'v'],
    [/s$/u, ''],
    [/ll/u, 'y'],
    [/z/u, 's'],
    [/c([ei])/u, 's$1'],
    [/^h/u, ''],
    [/á/u, 'a'],
    [/é/u, 'e'],
    [/í/u, 'i'],
    [/ó/u, 'o'],
    [/ción$/u, 'sión'],
    [/e/u, 'i'],
    [/o$/u, 'a'],
    [/a$/u, 'o'],
  ];
  for (const [pattern, replacement] of rng.shuffle(rules)) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return `${word}s`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Simulates the ASR: errors, digits, timing jitter, punctuation, diarisation. */
function simulateAsr(rng: Rng, profile: SessionProfile, spoken: readonly TimedWord[]): DeepgramWord[] {
  const pool = [...new Set(spoken.map((w) => w.text))];
  const out: DeepgramWord[] = [];
  const jitter = (): number => rng.normal() * profile.jitterSec;
  for (let k = 0; k < spoken.length; k += 1) {
    const word = spoken[k];
    if (word === undefined) continue;
    const group = word.digitsLength ?? 1;
    const last = spoken[k + group - 1] ?? word;
    let text: string;
    let end = word.end;
    let sentenceEnd = word.sentenceEnd;
    if (word.asrDigits !== undefined && rng.chance(profile.digitsRate)) {
      if (rng.chance(profile.deletion)) {
        k += group - 1;
        continue;
      }
      text = word.asrDigits;
      if (rng.chance(profile.substitution)) text = text.replace(/\d(?!.*\d)/u, (d) => String((Number(d) + 1) % 10));
      end = last.end;
      sentenceEnd = last.sentenceEnd;
      k += group - 1;
    } else {
      if (rng.chance(profile.deletion)) continue;
      text = rng.chance(profile.substitution) ? misspell(rng, word.text, pool) : word.text;
    }
    const confidence = ROUND(rng.uniform(0.6, 1));
    const punctuated = `${word.sentenceStart ? capitalise(text) : text}${sentenceEnd ? '.' : ''}`;
    out.push({
      word: text.toLowerCase(),
      start: word.start,
      end,
      confidence,
      speaker: word.speaker,
      punctuated_word: punctuated,
    });
    if (rng.chance(profile.insertion)) {
      const next = spoken[k + 1];
      const gapEnd = next === undefined ? end + 0.3 : next.start;
      const inserted = rng.pick(INSERTIONS);
      const previous = out[out.length - 1];
      if (gapEnd - end >= 0.15) {
        out.push({
          word: inserted,
          start: end + 0.02,
          end: Math.min(gapEnd - 0.02, end + 0.2),
          confidence: 0.5,
          speaker: word.speaker,
          punctuated_word: inserted,
        });
      } else if (previous !== undefined) {
        const mid = (previous.start + previous.end) / 2;
        const stolenEnd = previous.end;
        previous.end = mid;
        out.push({
          word: inserted,
          start: mid,
          end: stolenEnd,
          confidence: 0.5,
          speaker: word.speaker,
          punctuated_word: inserted,
        });
      }
    }
  }
  let previousStart = 0;
  for (const word of out) {
    const start = Math.max(previousStart, word.start + jitter());
    const end = Math.max(start + 0.03, word.end + jitter());
    word.start = ROUND(Math.max(0, start));
    word.end = ROUND(end);
    previousStart = word.start;
  }
  return out;
}

/** A synthetic council session with ground truth, deterministic from its seed. */
export function generateSession(options: GenerateSessionOptions): SyntheticSession {
  const profile = typeof options.profile === 'string' ? SESSION_PROFILES[options.profile] : options.profile;
  const rng = createRng(options.seed);
  const councillors = makeCouncillors(rng, 7);
  let fragmentCount = 0;
  const nextId = (): string => `f${(fragmentCount += 1)}`;
  const preamble: Fragment[] = [
    {
      id: nextId(),
      itemIndex: 0,
      kind: 'attendance',
      verbatim: false,
      text: `Asisten: ${councillors.map((c) => c.speaker).join(', ')}.`,
    },
    {
      id: nextId(),
      itemIndex: 0,
      kind: 'procedural',
      verbatim: false,
      text: 'Siendo las 19:00 horas, el Sr. Alcalde declara abierta la sesión.',
    },
  ];
  const opening: SpokenUnit = {
    speaker: 0,
    sentences: [spokenOf(plain('Buenas tardes a todos, damos comienzo a la sesión ordinaria del pleno.'), false)],
  };
  const items: ItemPlan[] = [];
  let words = 0;
  while (words < options.targetWords || items.length < 2) {
    const item = planItem(rng, profile, items.length + 1, councillors, nextId);
    items.push(item);
    words += item.words;
  }
  const spokenOrder = spokenOrderOf(rng, items.length, profile.reorderedItems);
  const units: SpokenUnit[] = [opening, ...spokenOrder.flatMap((index) => items[index - 1]?.spoken ?? [])];
  const timeline = renderTimeline(rng, units);
  const asrWords = simulateAsr(rng, profile, timeline.words);
  const durationSec = ROUND(Math.max(timeline.durationSec, (asrWords[asrWords.length - 1]?.end ?? 0) + 0.5));
  const acta: Acta = {
    meta: {
      title: 'Acta de la sesión ordinaria del Pleno',
      date: '2024-03-12',
      municipality: 'Villanueva del Río',
      sessionType: 'ordinaria',
    },
    items: items.map((item) => ({ index: item.index, title: item.fragments[0]?.text.replace(/^\d+\.\s*/u, '') ?? '' })),
    fragments: [...preamble, ...items.flatMap((item) => item.fragments)],
  };
  const transcript: Transcript = {
    provider: 'deepgram',
    language: 'es',
    durationSec,
    words: asrWords.map((w) => ({
      text: w.punctuated_word,
      start: w.start,
      end: w.end,
      confidence: w.confidence,
      speaker: w.speaker,
    })),
  };
  const deepgram: DeepgramPayload = {
    metadata: { request_id: `synthetic-${options.seed}`, duration: durationSec, channels: 1, models: ['synthetic'] },
    results: {
      channels: [
        {
          alternatives: [
            { transcript: asrWords.map((w) => w.punctuated_word).join(' '), confidence: 0.9, words: asrWords },
          ],
        },
      ],
    },
  };
  const truth = timeline.words.map((w) => ({
    text: w.text,
    start: ROUND(w.start),
    end: ROUND(w.end),
    alignable: w.alignable,
  }));
  return { profile, seed: options.seed, acta, transcript, deepgram, truth, spokenOrder };
}
