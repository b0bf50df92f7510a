/**
 * Turns a synthetic session into what a video page with subtitles looks like to yt-dlp: an HTML page with
 * `<video src><track kind="subtitles" srclang="es">` (picked up by yt-dlp's html5 extractor) and a WebVTT
 * file shaped like YouTube's automatic captions: short cues whose words carry their own start times
 * (`word<00:00:01.234><c> next</c>`). This is the offline stand-in for YouTube captions.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SynthSession } from './synth-session';

const WORDS_PER_CUE = 7;

export async function writeCaptionsPage(
  session: SynthSession,
  options: { name: string; language?: string },
): Promise<string> {
  const dir = path.dirname(session.mediaPath);
  const language = options.language ?? 'es';
  const vttName = `${options.name}.${language}.vtt`;
  await writeFile(path.join(dir, vttName), toWebVtt(session.transcript.words));
  const page = `${options.name}.html`;
  await writeFile(
    path.join(dir, page),
    `<!doctype html><html><head><title>${options.name}</title></head><body>
<video controls src="${path.basename(session.mediaPath)}"><track kind="subtitles" srclang="${language}" label="Español" src="${vttName}"></video>
</body></html>
`,
  );
  return page;
}

function toWebVtt(words: SynthSession['transcript']['words']): string {
  const cues: string[] = [];
  for (let i = 0; i < words.length; i += WORDS_PER_CUE) {
    const chunk = words.slice(i, i + WORDS_PER_CUE);
    const first = chunk[0];
    const last = chunk[chunk.length - 1];
    if (!first || !last) continue;
    const line = chunk.map((w, k) => (k === 0 ? w.text : `<${timestamp(w.start)}><c> ${w.text}</c>`)).join('');
    cues.push(`${timestamp(first.start)} --> ${timestamp(last.end)}\n${line}`);
  }
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

function timestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}
