/** A stream for buildCfb. */
export type CfbStream = { name: string; data: Uint8Array };

const SECTOR = 512;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

/**
 * A minimal OLE2 compound file (version 3, 512-byte sectors): one FAT sector, the directory, then each stream
 * in regular sectors. Enough for a reader that walks the FAT and the directory, as real files are laid out.
 */
export function buildCfb(streams: readonly CfbStream[]): Buffer {
  const entries = 1 + streams.length;
  const directorySectors = Math.ceil(entries / 4);
  const streamSectors = streams.map((stream) => Math.max(1, Math.ceil(stream.data.length / SECTOR)));
  const totalSectors = 1 + directorySectors + streamSectors.reduce((sum, count) => sum + count, 0);
  if (totalSectors > SECTOR / 4) throw new Error('buildCfb: too much data for one FAT sector');
  const file = Buffer.alloc(SECTOR * (1 + totalSectors));

  file.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  file.writeUInt16LE(0x003e, 24);
  file.writeUInt16LE(0x0003, 26);
  file.writeUInt16LE(0xfffe, 28);
  file.writeUInt16LE(9, 30);
  file.writeUInt16LE(6, 32);
  file.writeUInt32LE(1, 44);
  file.writeUInt32LE(1, 48);
  file.writeUInt32LE(4096, 56);
  file.writeUInt32LE(END_OF_CHAIN, 60);
  file.writeUInt32LE(END_OF_CHAIN, 68);
  for (let i = 0; i < 109; i += 1) file.writeUInt32LE(i === 0 ? 0 : FREE, 76 + i * 4);

  const fat = new Array<number>(SECTOR / 4).fill(FREE);
  fat[0] = FAT_SECTOR;
  const chain = (first: number, count: number): void => {
    for (let i = 0; i < count; i += 1) fat[first + i] = i === count - 1 ? END_OF_CHAIN : first + i + 1;
  };
  chain(1, directorySectors);
  let next = 1 + directorySectors;
  const starts = streamSectors.map((count) => {
    const start = next;
    chain(start, count);
    next += count;
    return start;
  });
  fat.forEach((value, index) => file.writeUInt32LE(value, SECTOR + index * 4));

  const directoryOffset = SECTOR * 2;
  writeEntry(file, directoryOffset, {
    name: 'Root Entry',
    type: 5,
    child: 1,
    right: FREE,
    start: END_OF_CHAIN,
    size: 0,
  });
  streams.forEach((stream, index) => {
    writeEntry(file, directoryOffset + (index + 1) * 128, {
      name: stream.name,
      type: 2,
      child: FREE,
      right: index + 2 < entries ? index + 2 : FREE,
      start: starts[index] ?? END_OF_CHAIN,
      size: stream.data.length,
    });
    file.set(stream.data, SECTOR * (1 + (starts[index] ?? 0)));
  });
  return file;
}

function writeEntry(
  file: Buffer,
  offset: number,
  entry: { name: string; type: number; child: number; right: number; start: number; size: number },
): void {
  for (let i = 0; i < entry.name.length; i += 1) file.writeUInt16LE(entry.name.charCodeAt(i), offset + i * 2);
  file.writeUInt16LE((entry.name.length + 1) * 2, offset + 64);
  file.writeUInt8(entry.type, offset + 66);
  file.writeUInt8(1, offset + 67);
  file.writeUInt32LE(FREE, offset + 68);
  file.writeUInt32LE(entry.right, offset + 72);
  file.writeUInt32LE(entry.child, offset + 76);
  file.writeUInt32LE(entry.start, offset + 116);
  file.writeUInt32LE(entry.size, offset + 120);
}

/** A WordDocument stream that starts with a Word 97 FIB (wIdent 0xA5EC), optionally flagged fEncrypted. */
export function wordDocumentStream(encrypted: boolean): Uint8Array {
  const data = Buffer.alloc(4096);
  data.writeUInt16LE(0xa5ec, 0);
  data.writeUInt16LE(0x00c1, 2);
  data.writeUInt16LE(encrypted ? 0x0100 : 0, 10);
  return data;
}
