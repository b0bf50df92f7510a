/** What the first bytes of a download say about decoding it while it arrives. */
export type ContainerSniff =
  /** Not enough bytes yet to tell. */
  | { kind: 'need_more' }
  /** ffmpeg can decode it from a pipe, front to back, without seeking. */
  | { kind: 'stream'; container: StreamableContainer }
  /** It must be complete on disk first (MP4 with its index at the end, or a format not known to stream). */
  | { kind: 'file'; container: string; reason: string };

export type StreamableContainer = 'matroska' | 'ogg' | 'flac' | 'wav' | 'mp3' | 'adts' | 'mpegts' | 'mp4';

/** Beyond this many bytes without a decision the download is decoded from the file. */
export const MAX_SNIFF_BYTES = 1024 * 1024;

/** Top-level ISO BMFF boxes that may come before `moov` or `mdat` (MP4, M4A, MOV, 3GP, DASH segments). */
const MP4_LEADING_BOXES = new Set(['ftyp', 'styp', 'free', 'skip', 'wide', 'pdin', 'uuid', 'sidx', 'prft', 'meta']);

/**
 * Decides from the first bytes of a download whether ffmpeg may decode it from a pipe while it downloads.
 * Streams: Matroska/WebM, Ogg, FLAC, WAV, MP3 (ID3 or frame sync), ADTS AAC, MPEG-TS, and MP4 whose `moov` comes
 * before any `mdat` or `moof` (faststart or fragmented). An MP4 with `mdat` first cannot be decoded from a pipe
 * (ffmpeg then writes an empty WAV and exits 0), so it goes to a file first, as does anything not recognised.
 * `final` says no more bytes will come.
 */
export function sniffContainer(head: Uint8Array, final = false): ContainerSniff {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const decided = sniffMagic(bytes) ?? sniffMp4(bytes, final);
  if (decided) return decided;
  if (!final && bytes.length < MAX_SNIFF_BYTES) return { kind: 'need_more' };
  return { kind: 'file', container: 'unknown', reason: 'the format was not recognised from its first bytes' };
}

function sniffMagic(bytes: Buffer): ContainerSniff | undefined {
  if (bytes.length < 12) return undefined;
  const tag = (offset: number) => bytes.toString('latin1', offset, offset + 4);
  if (bytes.readUInt32BE(0) === 0x1a45dfa3) return { kind: 'stream', container: 'matroska' };
  if (tag(0) === 'OggS') return { kind: 'stream', container: 'ogg' };
  if (tag(0) === 'fLaC') return { kind: 'stream', container: 'flac' };
  if ((tag(0) === 'RIFF' || tag(0) === 'RF64') && tag(8) === 'WAVE') return { kind: 'stream', container: 'wav' };
  if (bytes.toString('latin1', 0, 3) === 'ID3') return { kind: 'stream', container: 'mp3' };
  if (bytes[0] === 0x47 && bytes.length > 188 && bytes[188] === 0x47) return { kind: 'stream', container: 'mpegts' };
  const b0 = bytes[0] ?? 0;
  const b1 = bytes[1] ?? 0;
  if (b0 === 0xff && (b1 & 0xf6) === 0xf0) return { kind: 'stream', container: 'adts' };
  if (b0 === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x06) !== 0) return { kind: 'stream', container: 'mp3' };
  return undefined;
}

/** Walks the top-level boxes of an ISO BMFF file until `moov` (streamable) or `mdat`/`moof` (not) shows up. */
function sniffMp4(bytes: Buffer, final: boolean): ContainerSniff | undefined {
  if (bytes.length < 8 || !MP4_LEADING_BOXES.has(bytes.toString('latin1', 4, 8))) return undefined;
  let offset = 0;
  while (offset + 8 <= bytes.length) {
    let size = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (type === 'moov') return { kind: 'stream', container: 'mp4' };
    if (type === 'mdat' || type === 'moof') {
      return { kind: 'file', container: 'mp4', reason: `the MP4 index (moov) comes after its ${type}` };
    }
    if (!MP4_LEADING_BOXES.has(type)) {
      return { kind: 'file', container: 'mp4', reason: `unexpected top-level MP4 box "${printable(type)}"` };
    }
    if (size === 1) {
      if (offset + 16 > bytes.length) break;
      const large = bytes.readBigUInt64BE(offset + 8);
      size = large > BigInt(MAX_SNIFF_BYTES) ? MAX_SNIFF_BYTES + 1 : Number(large);
    }
    if (size < 8 || offset + size > MAX_SNIFF_BYTES) {
      return { kind: 'file', container: 'mp4', reason: 'no MP4 index (moov) within the first bytes' };
    }
    offset += size;
  }
  if (final) return { kind: 'file', container: 'mp4', reason: 'the MP4 ended before its index (moov)' };
  return undefined;
}

function printable(type: string): string {
  return type.replace(/[^\x20-\x7e]/g, '?');
}
