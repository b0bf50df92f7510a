/**
 * Synthesises a small, realistic council session for the demo and the end-to-end tests, fully offline:
 * an acta DOCX (docx package), the session's audio (espeak-ng, Spanish voice, one call per sentence so
 * that sentence times are exact), a media file to serve (opus/webm via ffmpeg), and the transcript an
 * ASR would return (word times spread over each sentence by character length, a few deliberate
 * recognition errors). Deterministic for a given seed.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

const run = promisify(execFile);

export type SynthSessionOptions = {
  /** Folder the files are written to (created). */
  dir: string;
  /** Chooses the agenda and the recognition errors; same seed, same session. */
  seed: number;
  /** Municipality written in the acta. */
  municipality?: string;
  /** Media container of the served file. */
  format?: 'webm' | 'mp3' | 'm4a';
};

export type SynthSession = {
  actaPath: string;
  mediaPath: string;
  /** Normalised Transcript (architecture §4) of the media file. */
  transcript: { provider: string; language: string; durationSec: number; words: TranscriptWord[] };
  /** What was truly said, sentence by sentence, with exact times (ground truth for assertions). */
  spoken: Array<{ text: string; start: number; end: number; inActa: boolean }>;
};

type TranscriptWord = { text: string; start: number; end: number; confidence: number; speaker: number };
type Speech = { speaker: string; role?: string; sentences: string[] };
type Item = { title: string; speeches: Speech[]; summary?: string; vote: string };

const SAMPLE_RATE = 22050;
const PAUSE_SEC = 0.6;

const ITEMS: Item[] = [
  {
    title: 'Aprobación del acta de la sesión anterior.',
    speeches: [
      {
        speaker: 'Sr. Alcalde',
        sentences: [
          'Buenas tardes a todos, comenzamos la sesión ordinaria del pleno.',
          'El primer punto es la aprobación del acta de la sesión anterior.',
          '¿Alguna observación al acta?',
        ],
      },
    ],
    vote: 'Sometida a votación, el acta queda aprobada por unanimidad.',
  },
  {
    title: 'Modificación presupuestaria para la reparación del alumbrado público.',
    speeches: [
      {
        speaker: 'Sra. Martínez López',
        role: 'Concejala de Hacienda',
        sentences: [
          'Proponemos destinar cuarenta mil euros a la reparación del alumbrado de los barrios del norte.',
          'Las farolas llevan meses apagadas y los vecinos lo han pedido en varias ocasiones.',
          'La partida sale del remanente de tesorería del ejercicio anterior.',
        ],
      },
      {
        speaker: 'Sr. Ruiz Sánchez',
        role: 'Portavoz del Grupo Municipal Popular',
        sentences: [
          'Nuestro grupo apoyará la propuesta porque es una necesidad urgente.',
          'Pedimos que las obras empiecen antes del invierno.',
        ],
      },
    ],
    summary:
      'El Sr. Gómez Pardo interviene para manifestar que su grupo se abstendrá por falta de información sobre los plazos.',
    vote: 'Sometido a votación, queda aprobado por mayoría absoluta.',
  },
  {
    title: 'Moción sobre la ampliación del horario de la biblioteca municipal.',
    speeches: [
      {
        speaker: 'Sr. Gómez Pardo',
        role: 'Portavoz del Grupo Municipal Socialista',
        sentences: [
          'Los estudiantes necesitan un lugar tranquilo para preparar los exámenes.',
          'Pedimos abrir la biblioteca los sábados por la tarde durante todo el curso.',
        ],
      },
      {
        speaker: 'Sr. Alcalde',
        sentences: [
          'Estudiaremos el coste del personal necesario para ese horario.',
          'Creo que podemos llegar a un acuerdo en la comisión de cultura.',
        ],
      },
    ],
    vote: 'Sometida a votación, la moción queda aprobada por unanimidad.',
  },
  {
    title: 'Ruegos y preguntas.',
    speeches: [
      {
        speaker: 'Sra. Navarro Gil',
        role: 'Concejala del Grupo Municipal Vecinal',
        sentences: [
          'Quiero preguntar por el estado de las obras del polideportivo.',
          'Los vecinos no saben cuándo podrán volver a usar la piscina.',
        ],
      },
      {
        speaker: 'Sr. Alcalde',
        sentences: [
          'Las obras terminarán en el mes de marzo según la empresa adjudicataria.',
          'No habiendo más asuntos que tratar, se levanta la sesión.',
        ],
      },
    ],
    vote: '',
  },
];

/** Speech that is in no acta: what a real recording is full of. */
const CHATTER = [
  'Bueno, un momento, que no se oye bien el micrófono.',
  'Gracias, muchas gracias.',
  'Silencio, por favor, vamos a continuar.',
];

/** Deliberate ASR mistakes (acta word → what the "ASR" hears). */
const MISHEARINGS: Record<string, string> = {
  farolas: 'farola',
  tesorería: 'tesoreria',
  biblioteca: 'bibliotecas',
  adjudicataria: 'adjudicatoria',
  invierno: 'infierno',
};

export async function synthesizeSession(options: SynthSessionOptions): Promise<SynthSession> {
  const dir = path.resolve(options.dir);
  const municipality = options.municipality ?? 'Villaverde del Río';
  const format = options.format ?? 'webm';
  await mkdir(dir, { recursive: true });
  const random = mulberry32(options.seed);
  // Each seed takes three of the four items (always the first), so sessions differ.
  const items = [ITEMS[0] as Item, ...ITEMS.slice(1).filter((_, i) => i !== options.seed % 3)];

  const actaPath = path.join(dir, `acta-${options.seed}.docx`);
  await writeFile(actaPath, await renderActa(items, municipality, options.seed));

  // Utterances in speaking order: acta speech plus chatter between some of them.
  const utterances: Array<{ text: string; speaker: number; inActa: boolean }> = [];
  const speakers = new Map<string, number>();
  for (const item of items) {
    for (const speech of item.speeches) {
      const speaker = speakers.get(speech.speaker) ?? speakers.size;
      speakers.set(speech.speaker, speaker);
      for (const sentence of speech.sentences) utterances.push({ text: sentence, speaker, inActa: true });
      if (random() < 0.5)
        utterances.push({ text: CHATTER[Math.floor(random() * CHATTER.length)] as string, speaker: 0, inActa: false });
    }
  }

  const workDir = path.join(dir, `.work-${options.seed}`);
  await mkdir(workDir, { recursive: true });
  try {
    const parts: string[] = [];
    const spoken: SynthSession['spoken'] = [];
    const words: TranscriptWord[] = [];
    let cursor = 0;
    for (const [index, utterance] of utterances.entries()) {
      const wav = path.join(workDir, `u${index}.wav`);
      await run('espeak-ng', ['-v', 'es', '-s', '165', '-w', wav, '--', utterance.text]);
      const { start, end } = await speechBounds(wav);
      const samples = (await readFile(wav)).length - 44;
      const durationSec = samples / 2 / SAMPLE_RATE;
      spoken.push({ text: utterance.text, start: cursor + start, end: cursor + end, inActa: utterance.inActa });
      words.push(...spreadWords(utterance.text, cursor + start, cursor + end, utterance.speaker, random));
      parts.push(wav);
      cursor += durationSec + PAUSE_SEC;
      parts.push(await silence(workDir, index));
    }
    const joined = path.join(workDir, 'session.wav');
    await run('sox', [...parts, joined]);
    const mediaPath = path.join(dir, `session-${options.seed}.${format}`);
    const codec =
      format === 'webm'
        ? ['-c:a', 'libopus', '-b:a', '48k']
        : format === 'mp3'
          ? ['-c:a', 'libmp3lame', '-b:a', '64k']
          : ['-c:a', 'aac', '-b:a', '64k'];
    await run('ffmpeg', ['-nostdin', '-y', '-loglevel', 'error', '-i', joined, '-ar', '48000', ...codec, mediaPath]);
    const durationSec = Number(cursor.toFixed(3));
    return { actaPath, mediaPath, transcript: { provider: 'deepgram', language: 'es', durationSec, words }, spoken };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function silence(workDir: string, index: number): Promise<string> {
  const file = path.join(workDir, `s${index}.wav`);
  await run('sox', ['-n', '-r', String(SAMPLE_RATE), '-c', '1', '-b', '16', file, 'trim', '0', String(PAUSE_SEC)]);
  return file;
}

/** Start and end of speech inside an espeak-ng WAV (it pads with a little silence). */
async function speechBounds(wav: string): Promise<{ start: number; end: number }> {
  const data = (await readFile(wav)).subarray(44);
  const threshold = 500;
  const total = data.length / 2;
  let first = 0;
  while (first < total && Math.abs(data.readInt16LE(first * 2)) < threshold) first += 1;
  let last = total - 1;
  while (last > first && Math.abs(data.readInt16LE(last * 2)) < threshold) last -= 1;
  return { start: first / SAMPLE_RATE, end: (last + 1) / SAMPLE_RATE };
}

/** Word times by character share of the sentence; a few words misheard, confidence a little noisy. */
function spreadWords(
  text: string,
  start: number,
  end: number,
  speaker: number,
  random: () => number,
): TranscriptWord[] {
  const tokens = text.split(/\s+/).filter(Boolean);
  const weights = tokens.map((token) => token.length + 1);
  const total = weights.reduce((a, b) => a + b, 0);
  let t = start;
  return tokens.map((token, i) => {
    const span = ((weights[i] ?? 1) / total) * (end - start);
    const bare = token.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    const heard = MISHEARINGS[bare] ?? token;
    const word = {
      text: heard,
      start: round(t),
      end: round(t + span * 0.92),
      confidence: round(0.85 + random() * 0.14),
      speaker,
    };
    t += span;
    return word;
  });
}

async function renderActa(items: readonly Item[], municipality: string, seed: number): Promise<Buffer> {
  const day = 3 + (seed % 20);
  const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
  const children: Paragraph[] = [
    new Paragraph({
      text: `ACTA DE LA SESIÓN ORDINARIA DEL PLENO DEL AYUNTAMIENTO DE ${municipality.toUpperCase()}`,
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
    }),
    p(
      `En ${municipality}, a ${day} de marzo de 2024, siendo las diecinueve horas, se reúnen en el Salón de Plenos los señores concejales que se relacionan a continuación, en sesión ordinaria.`,
    ),
    p('ASISTENTES:', true),
    p('Alcalde-Presidente: D. Antonio Pérez Ramos.'),
    p('Concejales: Dña. Lucía Martínez López, D. Javier Ruiz Sánchez, D. Manuel Gómez Pardo, Dña. Elena Navarro Gil.'),
    p('Secretario: D. Luis Ortega Vidal.'),
    p('ORDEN DEL DÍA', true),
  ];
  items.forEach((item, i) => {
    children.push(
      new Paragraph({ text: `${ORDINALS[i]}.- ${item.title.toUpperCase()}`, heading: HeadingLevel.HEADING_2 }),
    );
    for (const speech of item.speeches) {
      const who = speech.role
        ? `El ${speech.speaker}, ${speech.role}, manifiesta:`
        : `El ${speech.speaker} manifiesta:`;
      children.push(p(`${who.replace(/^El Sra\./, 'La Sra.')} «${speech.sentences.join(' ')}»`));
    }
    if (item.summary) children.push(p(item.summary));
    if (item.vote) children.push(p(item.vote));
  });
  children.push(
    p('Y no habiendo más asuntos que tratar, el Sr. Alcalde levanta la sesión, de lo que yo, el Secretario, doy fe.'),
  );
  children.push(p('EL ALCALDE                                   EL SECRETARIO', true));
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

const ORDINALS = ['PRIMERO', 'SEGUNDO', 'TERCERO', 'CUARTO', 'QUINTO'];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
