/**
 * Feeds text chunks and calls `onLine` once per complete line (without the newline; `\r` handled). A line longer
 * than `maxLineChars` is cut to that length, so a misbehaving tool cannot make the buffer grow without bound.
 */
export function createLineSplitter(onLine: (line: string) => void, maxLineChars: number) {
  let pending = '';
  let overflowing = false;

  const emit = (line: string) => {
    onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  };

  return {
    push(chunk: string): void {
      let start = 0;
      for (let newline = chunk.indexOf('\n', start); newline !== -1; newline = chunk.indexOf('\n', start)) {
        const piece = chunk.slice(start, newline);
        if (overflowing) overflowing = false;
        else
          emit(
            pending.length + piece.length > maxLineChars ? (pending + piece).slice(0, maxLineChars) : pending + piece,
          );
        pending = '';
        start = newline + 1;
      }
      if (overflowing) return;
      pending += chunk.slice(start);
      if (pending.length > maxLineChars) {
        emit(pending.slice(0, maxLineChars));
        pending = '';
        overflowing = true;
      }
    },
    /** Emits the last, unterminated line if any. */
    end(): void {
      if (!overflowing && pending.length > 0) emit(pending);
      pending = '';
      overflowing = false;
    },
  };
}
