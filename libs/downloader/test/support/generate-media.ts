import { execa } from 'execa';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A playable source: its file name under the server root and how long its audio lasts. */
export type PlayableFixture = { name: string; expectedSec: number };

export type MediaFixtures = {
  dir: string;
  playable: {
    opusWebm48kStereo: PlayableFixture;
    aacM4aFaststart: PlayableFixture;
    aacM4aNoFaststart: PlayableFixture;
    mp3Mono22k: PlayableFixture;
    mp4WithVideo: PlayableFixture;
    surround51M4a: PlayableFixture;
    speechOgg: PlayableFixture;
  };
  videoOnly: string;
  truncatedWebm: string;
  truncatedM4a: string;
  slowWebm: string;
  pageWithoutMedia: string;
  pageWithCaptions: string;
  pageWithoutCaptions: string;
  captionsVtt: string;
};

export const CAPTIONS_VTT = `WEBVTT

00:00:00.000 --> 00:00:01.500
Buenas tardes, se abre la sesión.

00:00:01.500 --> 00:00:03.000
Primer punto del orden del día.
`;

const ffmpeg = (args: string[]) => execa('ffmpeg', ['-nostdin', '-v', 'error', '-y', ...args]);

/** Generates every media fixture of the integration tests into `dir` (a few seconds each; ~5 s in all). */
export async function generateMediaFixtures(dir: string): Promise<MediaFixtures> {
  const at = (name: string) => path.join(dir, name);
  await Promise.all([
    ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'sine=f=440:d=3:r=48000',
      '-ac',
      '2',
      '-c:a',
      'libopus',
      '-b:a',
      '64k',
      at('opus-48k-stereo.webm'),
    ]),
    ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'sine=f=330:d=4:r=44100',
      '-c:a',
      'aac',
      '-movflags',
      '+faststart',
      at('aac-faststart.m4a'),
    ]),
    ffmpeg(['-f', 'lavfi', '-i', 'sine=f=550:d=2.5:r=44100', '-c:a', 'aac', at('aac-nofaststart.m4a')]),
    ffmpeg(['-f', 'lavfi', '-i', 'sine=f=220:d=3.5:r=22050', '-c:a', 'libmp3lame', '-b:a', '48k', at('mp3-22k.mp3')]),
    ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'testsrc=d=3:s=160x120:r=10',
      '-f',
      'lavfi',
      '-i',
      'sine=f=660:d=3:r=48000',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-c:a',
      'aac',
      '-shortest',
      at('video-h264-aac.mp4'),
    ]),
    ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'anoisesrc=d=3:c=pink:r=48000:a=0.3',
      '-af',
      'pan=5.1|c0=c0|c1=c0|c2=c0|c3=c0|c4=c0|c5=c0',
      '-c:a',
      'aac',
      at('surround-5.1.m4a'),
    ]),
    ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'testsrc=d=3:s=160x120:r=10',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      at('video-only.mp4'),
    ]),
    ffmpeg(['-f', 'lavfi', '-i', 'sine=f=440:d=4:r=48000', '-c:a', 'libopus', at('whole-for-truncation.webm')]),
    ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'anoisesrc=d=10:c=white:r=48000:a=0.5',
      '-ac',
      '2',
      '-c:a',
      'libopus',
      '-b:a',
      '256k',
      at('slow.webm'),
    ]),
    execa('espeak-ng', [
      '-v',
      'es',
      '-w',
      at('speech.wav'),
      'Buenas tardes. Se abre la sesión ordinaria del pleno municipal.',
    ]),
  ]);
  await ffmpeg(['-i', at('speech.wav'), '-c:a', 'libvorbis', at('speech.ogg')]);
  const speechSec = await probeDurationSec(at('speech.wav'));
  await truncate(at('whole-for-truncation.webm'), at('truncated.webm'), 0.45);
  await truncate(at('aac-nofaststart.m4a'), at('truncated-nofaststart.m4a'), 0.45);

  await writeFile(at('subs.vtt'), CAPTIONS_VTT);
  await writeFile(at('no-media.html'), '<!doctype html><html><body><p>Acta de la sesión</p></body></html>');
  await writeFile(
    at('with-captions.html'),
    '<!doctype html><html><body><video src="opus-48k-stereo.webm" controls>' +
      '<track kind="subtitles" srclang="es" label="Español" src="subs.vtt"></video></body></html>',
  );
  await writeFile(
    at('without-captions.html'),
    '<!doctype html><html><body><video src="opus-48k-stereo.webm" controls></video></body></html>',
  );

  return {
    dir,
    playable: {
      opusWebm48kStereo: { name: 'opus-48k-stereo.webm', expectedSec: 3 },
      aacM4aFaststart: { name: 'aac-faststart.m4a', expectedSec: 4 },
      aacM4aNoFaststart: { name: 'aac-nofaststart.m4a', expectedSec: 2.5 },
      mp3Mono22k: { name: 'mp3-22k.mp3', expectedSec: 3.5 },
      mp4WithVideo: { name: 'video-h264-aac.mp4', expectedSec: 3 },
      surround51M4a: { name: 'surround-5.1.m4a', expectedSec: 3 },
      speechOgg: { name: 'speech.ogg', expectedSec: speechSec },
    },
    videoOnly: 'video-only.mp4',
    truncatedWebm: 'truncated.webm',
    truncatedM4a: 'truncated-nofaststart.m4a',
    slowWebm: 'slow.webm',
    pageWithoutMedia: 'no-media.html',
    pageWithCaptions: 'with-captions.html',
    pageWithoutCaptions: 'without-captions.html',
    captionsVtt: 'subs.vtt',
  };
}

async function truncate(source: string, target: string, keep: number): Promise<void> {
  const bytes = await readFile(source);
  const { size } = await stat(source);
  await writeFile(target, bytes.subarray(0, Math.floor(size * keep)));
}

async function probeDurationSec(file: string): Promise<number> {
  const { stdout } = await execa('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration',
    '-of',
    'csv=p=0',
    file,
  ]);
  return Number(stdout.trim());
}
