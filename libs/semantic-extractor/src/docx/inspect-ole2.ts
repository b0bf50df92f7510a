/**
 * What an OLE2 compound file (CFB) holds, read from its directory:
 * - `encrypted_ooxml`: a password-protected .docx (streams EncryptionInfo + EncryptedPackage),
 * - `encrypted_doc`: a Word 97-2003 .doc whose FIB has fEncrypted set,
 * - `word_doc`: a Word 97-2003 .doc (stream WordDocument),
 * - `other`: another OLE2 file (.xls, .msg, ...), or a directory we could not walk.
 * Only the header, the FAT and the directory sectors are read; every index is bounds-checked.
 */
export type Ole2Content = 'encrypted_ooxml' | 'encrypted_doc' | 'word_doc' | 'other';

const END_OF_CHAIN = 0xfffffffe;
const MAX_SECTOR_SHIFT = 16;
const FIB_MAGIC = 0xa5ec;
const FIB_ENCRYPTED_FLAG = 0x0100;

type DirectoryEntry = { name: string; type: number; startSector: number; size: number };

export function inspectOle2(bytes: Uint8Array): Ole2Content {
  const entries = readDirectory(bytes);
  if (!entries) return 'other';
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has('EncryptedPackage') && names.has('EncryptionInfo')) return 'encrypted_ooxml';
  const wordDocument = entries.find((entry) => entry.name === 'WordDocument' && entry.type === 2);
  if (!wordDocument) return 'other';
  return isFibEncrypted(bytes, wordDocument) ? 'encrypted_doc' : 'word_doc';
}

function readDirectory(bytes: Uint8Array): DirectoryEntry[] | undefined {
  if (bytes.length < 512) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(30, true);
  if (sectorShift < 7 || sectorShift > MAX_SECTOR_SHIFT) return undefined;
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.floor((bytes.length - 512) / sectorSize) + 1;
  const sectorOffset = (sector: number): number => (sector + 1) * sectorSize;
  const fat = readFat(view, sectorSize, sectorCount, sectorOffset);
  const entries: DirectoryEntry[] = [];
  let sector = view.getUint32(48, true);
  for (let hops = 0; sector !== END_OF_CHAIN; hops += 1) {
    if (hops > sectorCount || sector >= sectorCount || sectorOffset(sector) + sectorSize > bytes.length)
      return undefined;
    for (let offset = sectorOffset(sector); offset < sectorOffset(sector) + sectorSize; offset += 128) {
      const entry = readDirectoryEntry(view, offset);
      if (entry) entries.push(entry);
    }
    sector = fat[sector] ?? END_OF_CHAIN;
  }
  return entries;
}

function readFat(
  view: DataView,
  sectorSize: number,
  sectorCount: number,
  sectorOffset: (sector: number) => number,
): Uint32Array {
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i += 1) {
    const sector = view.getUint32(76 + i * 4, true);
    if (sector < sectorCount) fatSectors.push(sector);
  }
  let difat = view.getUint32(68, true);
  for (let hops = 0; difat < sectorCount && hops < sectorCount; hops += 1) {
    const base = sectorOffset(difat);
    if (base + sectorSize > view.byteLength) break;
    for (let i = 0; i < sectorSize / 4 - 1; i += 1) {
      const sector = view.getUint32(base + i * 4, true);
      if (sector < sectorCount) fatSectors.push(sector);
    }
    difat = view.getUint32(base + sectorSize - 4, true);
  }
  const perSector = sectorSize / 4;
  const fat = new Uint32Array(Math.min(fatSectors.length * perSector, sectorCount));
  fatSectors.forEach((sector, index) => {
    const base = sectorOffset(sector);
    for (let i = 0; i < perSector && index * perSector + i < fat.length; i += 1) {
      if (base + i * 4 + 4 <= view.byteLength) fat[index * perSector + i] = view.getUint32(base + i * 4, true);
    }
  });
  return fat;
}

function readDirectoryEntry(view: DataView, offset: number): DirectoryEntry | undefined {
  if (offset + 128 > view.byteLength) return undefined;
  const nameBytes = view.getUint16(offset + 64, true);
  const type = view.getUint8(offset + 66);
  if (type === 0 || nameBytes < 2 || nameBytes > 64) return undefined;
  let name = '';
  for (let i = 0; i < nameBytes / 2 - 1; i += 1) name += String.fromCharCode(view.getUint16(offset + i * 2, true));
  return { name, type, startSector: view.getUint32(offset + 116, true), size: view.getUint32(offset + 120, true) };
}

/** The FIB starts the WordDocument stream (always in regular sectors: the stream is larger than the mini cutoff). */
function isFibEncrypted(bytes: Uint8Array, entry: DirectoryEntry): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorSize = 1 << view.getUint16(30, true);
  const miniStreamCutoff = view.getUint32(56, true);
  if (entry.size < miniStreamCutoff) return false;
  const offset = (entry.startSector + 1) * sectorSize;
  if (offset + 12 > bytes.length) return false;
  return view.getUint16(offset, true) === FIB_MAGIC && (view.getUint16(offset + 10, true) & FIB_ENCRYPTED_FLAG) !== 0;
}
