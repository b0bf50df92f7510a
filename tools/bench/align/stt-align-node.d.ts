/** Minimal types for @bbc/stt-align-node (the package ships none). */
declare module '@bbc/stt-align-node' {
  export interface SttAlignWord {
    text: string;
    start: number;
    end: number;
  }
  /** Transposes the words of `transcriptText` onto the STT word timings (difflib opcodes + linear interpolation). */
  export function alignSTT(
    stt: { words: SttAlignWord[] },
    transcriptText: string,
    start?: number,
    end?: number,
  ): SttAlignWord[];
  const alignSTTDefault: typeof alignSTT & { alignSTT: typeof alignSTT };
  export default alignSTTDefault;
}
