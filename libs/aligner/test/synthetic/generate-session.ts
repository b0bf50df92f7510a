import type { Acta, Fragment, Transcript } from './session-types';
import {
  ACTA_ADDITIONS,
  CHATTER,
  FILLERS,
  INTERJECTIONS,
  INTERVENTION_TEMPLATES,
  OMITTED_PHRASES,
  READING_TEMPLATES,
  SUMMARY_TEMPLATES,
  fillTemplate,
  makeCouncillors,
  plain,
  type Councillor,
  type Piece,
} from './council-vocabulary';
import { createRng, type Rng } from './prng';
import { SESSION_PROFILES, type ProfileName, type SessionProfile } from './session-profile';
import { diarize, simulateAsr, type DeepgramPayload, type SpokenTimedWord } from './simulate-asr';

export { SESSION_PROFILES, type ProfileName, type SessionProfile } from './session-profile';
export type { DeepgramPayload, DeepgramWord } from './simulate-asr';

/**
 * What a truly said word is with respect to the acta: `acta` (a word of a verbatim fragment, the only alignable
 * kind), `filler` / `repetition` (disfluencies an edited acta leaves out on purpose), `synonym` (said otherwise
 * than written), `omitted` (a real word the acta left out), `extra` (a whole sentence the acta dropped),
 * `interjection` (someone else cutting in), `summarised` (speech the acta summarises), `chatter` and `procedural`
 * (said, never in an acta label).
 */
export type TruthKind =
  | 'acta'
  | 'filler'
  | 'repetition'
  | 'synonym'
  | 'omitted'
  | 'extra'
  | 'interjection'
  | 'summarised'
  | 'chatter'
  | 'procedural';

/** A word truly said, with its true times, speaker and kind; `alignable` when it is a word of a verbatim fragment. */
export interface TruthWord {
  text: string;
  start: number;
  end: number;
  alignable: boolean;
  kind: TruthKind;
  /** The acta name of who said it. */
  speaker: string;
  /** Confidence of what the ASR output for it (0: the ASR dropped it), and that output. */
  heardConfidence: number;
  heardText: string;
}

export interface SyntheticSession {
  profile: SessionProfile;
  seed: number;
  acta: Acta;
  /** What the provider sent (with `unordered` timing it needs repair: run it through `validateTranscript`). */
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

/** A spoken word: whether it is an acta word, what it is otherwise, plus ASR digit groups. */
interface SpokenWord {
  text: string;
  kind: TruthKind;
  /** Said by someone other than the unit's speaker (an interjection). */
  speaker?: number;
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
const SECRETARY_NAME = 'Sr. Secretario';
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

function spokenOf(pieces: readonly Piece[], kind: TruthKind): SpokenWord[] {
  const out: SpokenWord[] = [];
  let numberLeft = 0;
  for (const piece of pieces) {
    piece.spoken.forEach((text, k) => {
      const word: SpokenWord = { text, kind };
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

/** A place strictly inside the sentence where words may be inserted (not inside a number). */
function insertionPoint(rng: Rng, words: readonly SpokenWord[]): number | undefined {
  if (words.length < 3) return undefined;
  const at = rng.int(1, words.length - 1);
  return words[at]?.inNumber === true && words[at - 1]?.inNumber === true ? undefined : at;
}

/**
 * Marks every word of a number the ASR may write as digits, across pieces: a number written in words is one
 * piece per word (`flatten`), and only its first carries the digits. Nothing may be inserted or left out inside
 * one — an ASR writing "14.000" for "catorce técnicos mil" is no ASR.
 */
function markNumbers(words: SpokenWord[]): void {
  let numberLeft = 0;
  for (const word of words) {
    if (word.digitsLength !== undefined) numberLeft = Math.max(numberLeft, word.digitsLength);
    if (numberLeft > 0) {
      word.inNumber = true;
      numberLeft -= 1;
    }
  }
}

/** Pieces holding a word of a number the ASR may write as digits (see `markNumbers`). */
function numberPieceIndices(pieces: readonly Piece[]): Set<number> {
  const inside = new Set<number>();
  let wordsLeft = 0;
  pieces.forEach((piece, k) => {
    if (piece.asrDigits !== undefined) wordsLeft = Math.max(wordsLeft, piece.asrSpan ?? piece.spoken.length);
    if (wordsLeft > 0) {
      inside.add(k);
      wordsLeft -= piece.spoken.length;
    }
  });
  return inside;
}

/** A plain content word of the written sentence (not first or last, no punctuation, no digits, not in a number). */
function contentPiece(rng: Rng, pieces: readonly Piece[]): number | undefined {
  const inNumber = numberPieceIndices(pieces);
  const candidates: number[] = [];
  for (let k = 1; k + 1 < pieces.length; k += 1) {
    const piece = pieces[k];
    if (piece !== undefined && /^\p{Ll}{5,}$/u.test(piece.written) && !inNumber.has(k)) candidates.push(k);
  }
  return candidates.length === 0 ? undefined : rng.pick(candidates);
}

/**
 * One verbatim sentence: what the acta writes and what the speaker says, which may differ by an edit (filler,
 * repeated word, synonym), an omission (the acta leaves out real words) or an addition (the acta adds one).
 */
function renderSentence(
  rng: Rng,
  source: readonly Piece[],
  profile: SessionProfile,
): { written: string; spoken: SpokenWord[] } {
  let pieces = [...source];
  let omittedPiece: number | undefined;
  if (rng.chance(profile.additionRate)) {
    const at = pieces.findIndex((p, k) => k > 0 && /^(?:el|la|los|las|del|al)$/u.test(p.written));
    if (at >= 0 && /^\p{Ll}{4,}/u.test(pieces[at + 1]?.written ?? ''))
      pieces.splice(at + 1, 0, { written: rng.pick(ACTA_ADDITIONS), spoken: [] });
  }
  // One edit of the acta per sentence at most: an addition next to an omission is a rewording (a synonym).
  const added = pieces.length !== source.length;
  const omitMode = rng.chance(profile.omissionRate) && !added ? rng.int(0, 1) : -1;
  if (omitMode === 1) omittedPiece = contentPiece(rng, pieces);
  const words: SpokenWord[] = [];
  pieces.forEach((piece, k) => words.push(...spokenOf([piece], k === omittedPiece ? 'omitted' : 'acta')));
  markNumbers(words);
  if (omittedPiece !== undefined) pieces = pieces.filter((_, k) => k !== omittedPiece);
  if (omitMode === 0) {
    const at = insertionPoint(rng, words);
    if (at !== undefined) words.splice(at, 0, ...spokenOf(plain(rng.pick(OMITTED_PHRASES)), 'omitted'));
  }
  if (rng.chance(profile.editRate) && words.length >= 3) {
    const at = rng.int(1, words.length - 1);
    const kind = rng.int(0, 2);
    const target = words[at];
    const synonymAt = words.findIndex(
      (w) => SYNONYMS[w.text] !== undefined && w.inNumber !== true && w.kind === 'acta',
    );
    if (target?.inNumber === true || target?.kind !== 'acta') {
      // no edit inside a number or next to another change
    } else if (kind === 1) words.splice(at, 0, { text: target.text, kind: 'repetition' });
    else if (kind === 2 && synonymAt >= 0) {
      const word = words[synonymAt];
      if (word !== undefined) words[synonymAt] = { text: SYNONYMS[word.text] ?? word.text, kind: 'synonym' };
    } else {
      const filler = rng
        .pick(FILLERS)
        .split(' ')
        .map((text): SpokenWord => ({ text, kind: 'filler' }));
      words.splice(at, 0, ...filler);
    }
  }
  return { written: writtenOf(pieces), spoken: words };
}

function chatter(rng: Rng): SpokenWord[] {
  return spokenOf(plain(rng.pick(CHATTER)), 'chatter');
}

function interjection(rng: Rng, speaker: number): SpokenWord[] {
  return spokenOf(plain(rng.pick(INTERJECTIONS)), 'interjection').map((w) => ({ ...w, speaker }));
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
        'procedural',
      ),
    ],
  });
  if (rng.chance(0.7)) {
    const reading = READING_TEMPLATES.slice(0, rng.int(2, READING_TEMPLATES.length)).map((t) => fillTemplate(rng, t));
    const rendered = reading.map((s) => renderSentence(rng, s, profile));
    fragments.push({
      id: nextId(),
      itemIndex: index,
      speaker: SECRETARY_NAME,
      kind: 'reading',
      verbatim: true,
      text: rendered.map((r) => r.written).join(' '),
    });
    spoken.push({ speaker: SECRETARY, sentences: rendered.map((r) => r.spoken) });
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
      spoken.push({ speaker: speakerIndex, sentences: said.map((s) => spokenOf(s, 'summarised')) });
      continue;
    }
    const unit: SpokenUnit = { speaker: speakerIndex, sentences: [] };
    const written: string[] = [];
    for (const sentence of said) {
      const rendered = renderSentence(rng, sentence, profile);
      written.push(rendered.written);
      if (rng.chance(profile.interjectionRate)) {
        // Someone else cuts in: the chair (or, when the chair speaks, another councillor).
        const other = speakerIndex === 0 ? councillors.indexOf(rng.pick(councillors.slice(1))) : 0;
        const at = rng.chance(0.5) ? insertionPoint(rng, rendered.spoken) : undefined;
        if (at === undefined) {
          unit.sentences.push(rendered.spoken, interjection(rng, other));
          continue;
        }
        rendered.spoken.splice(at, 0, ...interjection(rng, other));
      }
      unit.sentences.push(rendered.spoken);
      if (rng.chance(profile.extraSentenceRate))
        unit.sentences.push(spokenOf(fillTemplate(rng, rng.pick(INTERVENTION_TEMPLATES)), 'extra'));
    }
    const text = written.join(' ');
    // The acta may name the wrong councillor; the speech stays who really spoke.
    const named = rng.chance(profile.misattributionRate)
      ? (rng.pick(councillors.filter((c) => c !== who)) ?? who)
      : who;
    fragments.push({
      id: nextId(),
      itemIndex: index,
      speaker: named.speaker,
      role: named.role,
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
      spokenOf(plain(s), 'procedural'),
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

interface TimedWord extends SpokenTimedWord {
  kind: TruthKind;
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
        const speaker = word.speaker ?? unit.speaker;
        words.push({
          text: word.text,
          kind: word.kind,
          start: t,
          end: t + duration,
          speaker,
          sentenceStart: k === 0,
          sentenceEnd: k === sentence.length - 1,
          disfluent: word.kind === 'filler' || word.kind === 'repetition',
          ...(word.asrDigits === undefined ? {} : { asrDigits: word.asrDigits, digitsLength: word.digitsLength }),
        });
        t += duration;
        const next = sentence[k + 1];
        const digitsInside = word.digitsLength !== undefined && word.digitsLength > 1;
        if (next !== undefined && (next.speaker ?? unit.speaker) !== speaker) t += rng.uniform(0.15, 0.6);
        else
          t += digitsInside
            ? rng.uniform(0.01, 0.05)
            : rng.chance(0.04)
              ? rng.uniform(0.2, 0.5)
              : rng.uniform(0.02, 0.1);
      });
      t += rng.uniform(0.35, 0.9);
    });
    t += rng.uniform(0.6, 2);
  });
  return { words, durationSec: t + rng.uniform(1, 3) };
}

const ROUND = (x: number): number => Math.round(x * 1000) / 1000;

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
    sentences: [
      spokenOf(plain('Buenas tardes a todos, damos comienzo a la sesión ordinaria del pleno.'), 'procedural'),
    ],
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
  const asr = simulateAsr(rng, profile, timeline.words);
  const speakerIds = diarize(rng, profile, asr.trueSpeakers);
  const asrWords = asr.words.map((w, k) => {
    const id = speakerIds?.[k];
    return id === undefined ? w : { ...w, speaker: id };
  });
  const lastEnd = asrWords.reduce((max, w) => Math.max(max, w.end), 0);
  const durationSec = ROUND(Math.max(timeline.durationSec, lastEnd + 0.5));
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
      ...(w.speaker === undefined ? {} : { speaker: w.speaker }),
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
  const nameOf = (speaker: number): string =>
    speaker === SECRETARY ? SECRETARY_NAME : (councillors[speaker]?.speaker ?? `speaker ${speaker}`);
  const truth = timeline.words.map((w, k): TruthWord => ({
    text: w.text,
    start: ROUND(w.start),
    end: ROUND(w.end),
    alignable: w.kind === 'acta',
    kind: w.kind,
    speaker: nameOf(w.speaker),
    heardConfidence: asr.heardConfidence[k] ?? 0,
    heardText: asr.heardText[k] ?? '',
  }));
  return { profile, seed: options.seed, acta, transcript, deepgram, truth, spokenOrder };
}
