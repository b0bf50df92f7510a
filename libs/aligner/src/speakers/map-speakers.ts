import type { Segment, SpeakerEvidence, SpeakerMapping } from '../model';

/** A diarized speaker with less than this share of an acta speaker's words is not that person's voice. */
const MIN_SHARE = 0.2;
/** Words of kept labels an acta speaker (or a diarized voice) needs before the mapping is trusted. */
const MIN_EVIDENCE_WORDS = 30;

interface Tally {
  words: number;
  byKey: Map<number | string, { words: number; segments: number }>;
}

function add(tallies: Map<number | string, Tally>, key: number | string, other: number | string, words: number): void {
  let tally = tallies.get(key);
  if (tally === undefined) {
    tally = { words: 0, byKey: new Map() };
    tallies.set(key, tally);
  }
  tally.words += words;
  const entry = tally.byKey.get(other) ?? { words: 0, segments: 0 };
  entry.words += words;
  entry.segments += 1;
  tally.byKey.set(other, entry);
}

function share(tally: Tally | undefined, other: number | string): number {
  if (tally === undefined || tally.words === 0) return 0;
  return (tally.byKey.get(other)?.words ?? 0) / tally.words;
}

/** What the session says about who speaks with which diarized voice, and which labels contradict it. */
export interface SpeakerMap {
  mappings: SpeakerMapping[];
  /** The label's acta speaker is contradicted by the diarized speaker of its words. */
  contradicts(segment: Segment): boolean;
}

/**
 * Learns the acta-speaker → diarized-speaker mapping from labels that passed every other check (words of each
 * segment count as evidence for its pair). A label contradicts the mapping when its acta speaker has enough
 * evidence and its diarized speaker holds under {@link MIN_SHARE} of it; or, for an acta speaker heard too little
 * to say, when its diarized speaker is established as other people's voice (the speaker holds under MIN_SHARE of
 * it). Diarization merging two voices, or splitting one, is consistent evidence and contradicts nothing.
 */
export function mapSpeakers(segments: readonly Segment[]): SpeakerMap {
  const bySpeaker = new Map<number | string, Tally>();
  const byVoice = new Map<number | string, Tally>();
  for (const segment of segments) {
    if (segment.speaker === undefined || segment.diarizationSpeaker === undefined) continue;
    const words = segment.wordRange[1] - segment.wordRange[0];
    add(bySpeaker, segment.speaker, segment.diarizationSpeaker, words);
    add(byVoice, segment.diarizationSpeaker, segment.speaker, words);
  }
  const accepted = new Map<string, ReadonlySet<number>>();
  const mappings = [...bySpeaker.entries()]
    .map(([speaker, tally]): SpeakerMapping => {
      const evidence: SpeakerEvidence[] = [...tally.byKey.entries()]
        .map(([voice, entry]) => ({ diarizationSpeaker: Number(voice), words: entry.words, segments: entry.segments }))
        .sort((x, y) => y.words - x.words || x.diarizationSpeaker - y.diarizationSpeaker);
      const voices = evidence.filter((e) => e.words >= MIN_SHARE * tally.words).map((e) => e.diarizationSpeaker);
      const established = tally.words >= MIN_EVIDENCE_WORDS && voices.length > 0;
      if (established) accepted.set(String(speaker), new Set(voices));
      return { actaSpeaker: String(speaker), diarizationSpeakers: voices, established, words: tally.words, evidence };
    })
    .sort((x, y) => (x.actaSpeaker < y.actaSpeaker ? -1 : x.actaSpeaker > y.actaSpeaker ? 1 : 0));
  const contradicts = (segment: Segment): boolean => {
    const { speaker, diarizationSpeaker: voice } = segment;
    if (speaker === undefined || voice === undefined) return false;
    const voices = accepted.get(speaker);
    if (voices !== undefined) return !voices.has(voice);
    const heard = byVoice.get(voice);
    return heard !== undefined && heard.words >= MIN_EVIDENCE_WORDS && share(heard, speaker) < MIN_SHARE;
  };
  return { mappings, contradicts };
}
