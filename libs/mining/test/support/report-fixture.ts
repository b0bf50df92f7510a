import { openStorage, sessionKeys, type Storage } from '@astra/storage';
import { normalisedWav } from './normalised-wav';

export const TENANT = 't';
export const sessionId = (n: number) => `00000000-0000-5000-8000-${String(n).padStart(12, '0')}`;

/** A normalised session WAV holding a quiet sine tone. */
export function sineWav(seconds: number, hz = 440): Buffer {
  return normalisedWav(seconds, (i) => Math.round(3000 * Math.sin((2 * Math.PI * hz * i) / 16000)));
}

type LineSpec = {
  offset: number;
  duration?: number;
  cer: number;
  text?: string;
  asr?: string;
  reason?: string;
  speaker?: string;
};

export const HOSTILE_LABEL = `Se aprueba "por unanimidad" <script>window.__injected = 1</script> & <img src=x onerror="window.__injected = 2">`;

/** The sessions of the report tests: what gets kept, rejected, and which sidecars exist. */
export const FIXTURE_SESSIONS: Array<{
  n: number;
  seconds: number;
  title?: string;
  transcriptExtras?: Record<string, unknown>;
  lines: LineSpec[];
}> = [
  {
    n: 1,
    seconds: 12,
    title: 'Pleno ordinario <b>enero</b>',
    transcriptExtras: { repairs: { overlaps: 3, inversions: 0, reordered: 1 } },
    lines: [
      { offset: 1, duration: 2.5, cer: 0.05, text: 'Buenas tardes a todos.', asr: 'buenas tardes a todos' },
      { offset: 4, duration: 3, cer: 0.25, text: HOSTILE_LABEL, asr: 'se aprueba por unanimidad', speaker: 'Sr. Ruiz' },
      {
        offset: 8,
        duration: 2,
        cer: 0.6,
        text: 'Texto resumido del acta.',
        asr: 'algo distinto',
        reason: 'cer_above_max',
      },
    ],
  },
  {
    n: 2,
    seconds: 10,
    title: 'Pleno extraordinario',
    lines: [
      {
        offset: 2,
        duration: 3,
        cer: 0,
        text: 'El primer punto del orden del día.',
        asr: 'el primer punto del orden del día',
      },
      {
        offset: 6,
        duration: 2.5,
        cer: 0.12,
        text: 'Modificación presupuestaria número 3.',
        asr: 'modificación presupuestaria número tres',
      },
      { offset: 9, duration: 0.5, cer: 0.1, text: 'Sí.', asr: 'sí', reason: 'too_short' },
    ],
  },
  {
    // No source record and no transcript: its audio length is unknown.
    n: 3,
    seconds: 6,
    lines: [{ offset: 1, duration: 4, cer: 0.02, text: 'Se levanta la sesión.', asr: 'se levanta la sesión' }],
  },
];

/**
 * Writes the fixture's sessions into file storage under `dir`: session WAVs, source records (with tool versions),
 * transcripts (with extra fields), and segments files whose lines address the WAVs as the pipeline does.
 * `audioUri` overrides where lines say the audio is (e.g. `s3://…`).
 */
export async function writeReportFixture(
  dir: string,
  options: { audioUri?: (sessionId: string) => string; tenantId?: string } = {},
): Promise<Storage> {
  const storage = openStorage(`file://${dir}`);
  const tenantId = options.tenantId ?? TENANT;
  for (const session of FIXTURE_SESSIONS) {
    const id = sessionId(session.n);
    const keys = sessionKeys(tenantId, id);
    await storage.put(keys.audio, sineWav(session.seconds, 300 + session.n * 110));
    if (session.title !== undefined) {
      await storage.put(
        keys.source,
        JSON.stringify({
          tenantId,
          sessionId: id,
          sourceUrl: `https://example.org/v/${session.n}`,
          metadata: {},
          source: { title: session.title, extractor: 'generic' },
          sha256: '0'.repeat(64),
          bytes: 44 + session.seconds * 32000,
          durationSec: session.seconds,
          sampleRate: 16000,
          channels: 1,
          tools: { ytDlp: '2023.03.04', ffmpeg: '5.1.6', ffprobe: '5.1.6' },
        }),
      );
      await storage.put(
        keys.transcript,
        JSON.stringify({
          provider: 'deepgram',
          language: 'es',
          durationSec: session.seconds,
          words: [],
          ...session.transcriptExtras,
        }),
      );
    }
    const audio = options.audioUri ? options.audioUri(id) : storage.uriFor(keys.audio);
    const lines = session.lines.map((l) => ({
      audio_filepath: audio,
      offset: l.offset,
      duration: l.duration ?? 2,
      text: l.text ?? 'texto',
      text_original: l.text ?? 'Texto.',
      asr_text: l.asr ?? 'texto',
      cer: l.cer,
      score: Math.max(0, 1 - l.cer),
      lang: 'es',
      tenant_id: tenantId,
      session_id: id,
      source_url: `https://example.org/v/${session.n}`,
      ...(l.speaker ? { speaker: l.speaker } : {}),
      ...(l.reason ? { reason: l.reason } : {}),
    }));
    await storage.put(keys.segments, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  }
  return storage;
}
