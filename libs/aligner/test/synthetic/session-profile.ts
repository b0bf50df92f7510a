/** How diarization goes wrong: speaker ids of Deepgram-style `speaker` fields, in order of first appearance. */
export interface DiarizationProfile {
  /** Share of speaker changes whose first one or two words keep the previous speaker's id. */
  boundarySlip: number;
  /** Share of turns labelled with another speaker's id (two voices confused). */
  turnConfusion: number;
}

/** How messy a synthetic session is: the acta side (summaries, edits, omissions, reordering) and the ASR side. */
export interface SessionProfile {
  name: string;
  /** Per spoken word: ASR substitution, deletion, insertion (after the word) rates. */
  substitution: number;
  deletion: number;
  insertion: number;
  /** Standard deviation of the noise added to ASR word times (seconds). */
  jitterSec: number;
  /**
   * `ordered`: word starts never go backwards (Deepgram-like). `unordered`: starts and ends jitter independently
   * (word-timestamp ASR): inversions, overlaps, a few words far out of place; the transcript needs repair.
   */
  timing: 'ordered' | 'unordered';
  /** `unordered` timing: share of words whose end runs 50–250 ms into the next word. */
  overlapRate: number;
  /** `unordered` timing: share of words whose times jump 0.8–2 s back (a timestamp glitch). */
  displacedRate: number;
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
  /** Per verbatim sentence: the acta leaves out words that were said mid-sentence (a content word or phrase). */
  omissionRate: number;
  /** Per verbatim sentence: the acta carries a word nobody said ("el citado informe"). */
  additionRate: number;
  /** Per verbatim sentence: another person cuts in with a few words no acta records. */
  interjectionRate: number;
  /** Per verbatim intervention: the acta names the wrong councillor. */
  misattributionRate: number;
  /** Speaker ids on ASR words and how they go wrong; absent: the transcript has no diarization. */
  diarization: DiarizationProfile | undefined;
}

export type ProfileName = 'clean' | 'typical' | 'hard' | 'jitter' | 'omissions' | 'turns';

const clean: SessionProfile = {
  name: 'clean',
  substitution: 0.01,
  deletion: 0.005,
  insertion: 0.005,
  jitterSec: 0.01,
  timing: 'ordered',
  overlapRate: 0,
  displacedRate: 0,
  digitsRate: 0.7,
  summaryShare: 1 / 3,
  reorderedItems: 0,
  chatterRate: 0.2,
  editRate: 0.03,
  extraSentenceRate: 0.02,
  omissionRate: 0.01,
  additionRate: 0,
  interjectionRate: 0.01,
  misattributionRate: 0,
  diarization: { boundarySlip: 0.02, turnConfusion: 0 },
};

const typical: SessionProfile = {
  name: 'typical',
  substitution: 0.08,
  deletion: 0.04,
  insertion: 0.03,
  jitterSec: 0.03,
  timing: 'unordered',
  overlapRate: 0.02,
  displacedRate: 0.0005,
  digitsRate: 0.7,
  summaryShare: 1 / 3,
  reorderedItems: 1,
  chatterRate: 0.5,
  editRate: 0.1,
  extraSentenceRate: 0.06,
  omissionRate: 0.05,
  additionRate: 0.02,
  interjectionRate: 0.03,
  misattributionRate: 0.02,
  diarization: { boundarySlip: 0.1, turnConfusion: 0.02 },
};

const hard: SessionProfile = {
  name: 'hard',
  substitution: 0.16,
  deletion: 0.08,
  insertion: 0.06,
  jitterSec: 0.06,
  timing: 'unordered',
  overlapRate: 0.05,
  displacedRate: 0.001,
  digitsRate: 0.7,
  summaryShare: 0.4,
  reorderedItems: 2,
  chatterRate: 0.8,
  editRate: 0.2,
  extraSentenceRate: 0.12,
  omissionRate: 0.1,
  additionRate: 0.04,
  interjectionRate: 0.06,
  misattributionRate: 0.04,
  diarization: { boundarySlip: 0.2, turnConfusion: 0.05 },
};

/** Typical ASR and acta, with one group of the issue-16 defects turned up and the others off. */
const quiet = {
  ...typical,
  timing: 'ordered',
  overlapRate: 0,
  displacedRate: 0,
  omissionRate: 0,
  additionRate: 0,
  interjectionRate: 0,
  misattributionRate: 0,
  diarization: undefined,
} as const satisfies SessionProfile;

export const SESSION_PROFILES: Record<ProfileName, SessionProfile> = {
  clean,
  typical,
  hard,
  /** Word-timestamp timing: independent jitter of starts and ends, overlaps, timestamp glitches; no diarization. */
  jitter: { ...quiet, name: 'jitter', timing: 'unordered', overlapRate: 0.05, displacedRate: 0.001 },
  /** The acta leaves out said words (1 verbatim sentence in 5) and adds unsaid ones (1 in 20). */
  omissions: { ...quiet, name: 'omissions', omissionRate: 0.2, additionRate: 0.05 },
  /** Diarized speaker turns: interjections inside interventions, slipped turn boundaries, misattributed fragments. */
  turns: {
    ...quiet,
    name: 'turns',
    interjectionRate: 0.1,
    misattributionRate: 0.05,
    diarization: { boundarySlip: 0.15, turnConfusion: 0.03 },
  },
};
