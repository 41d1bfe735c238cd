/**
 * A small ZIP writer (deflate, UTF-8 names, Unix modes) for the WordPress plugin's zip, on Node's
 * own zlib: no archiver dependency, and the same files give the same bytes (fixed timestamps).
 * What WordPress's "Upload Plugin" reads (ZipArchive or its bundled PclZip); no ZIP64, so under
 * 4 GB and 65,535 entries, far beyond a plugin.
 */
import { crc32, deflateRawSync } from "node:zlib";

export interface ZipEntry {
  /** The path inside the archive, "/"-separated; a trailing "/" makes a folder. */
  name: string;
  data?: Uint8Array;
}

// 1 January 2000, 00:00 in MS-DOS time: WordPress keeps no file times, and builds stay identical.
const dosTime = 0;
const dosDate = ((2000 - 1980) << 9) | (1 << 5) | 1;
const utf8Names = 0x0800;

export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const folder = entry.name.endsWith("/");
    const raw = entry.data ?? new Uint8Array();
    const packed = folder ? raw : deflateRawSync(raw, { level: 9 });
    const method = folder ? 0 : 8;
    const crc = folder ? 0 : crc32(raw);
    const mode = folder ? 0o40755 : 0o100644;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(utf8Names, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.byteLength, 18);
    local.writeUInt32LE(raw.byteLength, 22);
    local.writeUInt16LE(name.byteLength, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, Buffer.from(packed));

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, ZIP 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(utf8Names, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.byteLength, 20);
    central.writeUInt32LE(raw.byteLength, 24);
    central.writeUInt16LE(name.byteLength, 28);
    // extra length, comment length, disk number, internal attributes: 0
    central.writeUInt32LE(((mode << 16) | (folder ? 0x10 : 0)) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.byteLength + name.byteLength + packed.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
