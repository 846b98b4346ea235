/**
 * Test helpers that write .zip and .tar.gz files byte by byte, so tests can build hostile
 * archives (`../evil.txt`, absolute names, links, bombs) that no well-behaved tool makes.
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import zlib from 'node:zlib';
import tar from 'tar-stream';

/** One file (or folder, or link) to write into a test zip. */
export interface ZipMember {
  /** written as given: backslashes, '..' and leading '/' are not cleaned */
  name: string;
  content?: Buffer | string;
  /** store without compression (default: deflate) */
  store?: boolean;
  /** mark as a Unix symbolic link (content = link target) */
  symlink?: boolean;
  /** the uncompressed size written in the headers (default: the true size): a liar's zip */
  declaredSize?: number;
}

/** A zip archive of the members (local headers, central directory, end record). */
export function makeZip(members: ZipMember[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    const data = Buffer.isBuffer(m.content) ? m.content : Buffer.from(m.content ?? '', 'utf8');
    const method = m.store || data.length === 0 ? 0 : 8;
    const body = method === 8 ? zlib.deflateRawSync(data, { level: 9 }) : data;
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(m.declaredSize ?? data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(m.declaredSize ?? data.length, 24);
    central.writeUInt16LE(name.length, 28);
    const mode = m.symlink ? 0o120777 : m.name.endsWith('/') ? 0o040755 : 0o100644;
    central.writeUInt32LE((mode << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** One entry to write into a test tar. */
export interface TarMember {
  name: string;
  content?: Buffer | string;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  linkname?: string;
}

/** A gzip-compressed tar of the members. */
export async function makeTarGz(members: TarMember[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of pack) chunks.push(chunk as Buffer);
  })();
  for (const m of members) {
    const type = m.type ?? 'file';
    const body = type === 'file' ? (Buffer.isBuffer(m.content) ? m.content : Buffer.from(m.content ?? '', 'utf8')) : Buffer.alloc(0);
    await new Promise<void>((resolve, reject) => {
      const header = { name: m.name, type, ...(m.linkname ? { linkname: m.linkname } : {}) };
      pack.entry(header, body, (err) => (err ? reject(err) : resolve()));
    });
  }
  pack.finalize();
  await done;
  return zlib.gzipSync(Buffer.concat(chunks));
}

/** Every file below `dir` as name -> content ('/'-separated names). */
export function readTree(dir: string, prefix = ''): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const name = prefix ? `${prefix}/${d.name}` : d.name;
    const full = nodePath.join(dir, d.name);
    if (d.isDirectory()) Object.assign(out, readTree(full, name));
    else if (d.isFile()) out[name] = fs.readFileSync(full);
  }
  return out;
}
