import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { NotText, WrongEncoding, sniff, textDecoder } from '../../src/loader/decode.ts';
import { load } from './loader-helpers.ts';

const CSV = 'origin,destination,value,year,name\n朝阳区,沧州,3,2019,沧州生物医药园\n';

describe('encodings', () => {
  it('reads UTF-8 with and without a byte-order mark', async () => {
    const plain = await load(CSV);
    expect(plain.preview.encoding).toBe('utf-8');
    expect(plain.flows[0]!.entityZh).toBe('沧州生物医药园');
    const bom = await load(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CSV)]));
    expect(bom.preview.encoding).toBe('utf-8-bom');
    expect(bom.preview.entries[0]!.column).toBe('origin');
    expect(bom.flows).toEqual(plain.flows);
  });

  it('reads a GBK file (as GB18030) and says so', async () => {
    const r = await load(readFileSync('tests/fixtures/loader/gbk.csv'));
    expect(r.preview.encoding).toBe('gb18030');
    expect(r.preview.form).toBe('simple');
    expect(r.flows.map((f) => [f.originAdcode, f.destinationAdcode, f.industry, f.entityZh])).toEqual([
      [110105, 130900, 'pharma', '沧州生物医药园'],
      [110108, 130600, 'tech-innovation', '中关村保定创新中心'],
      [110102, 131000, 'wholesale', '服装批发市场迁出'],
    ]);
  });

  it('switches to GB18030 even when the first invalid UTF-8 comes late in the file', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `110105,130900,${i},other,2019,plain\n`).join('');
    const ascii = new TextEncoder().encode(`origin,destination,value,industry,year,name\n${rows}`);
    const gbk = readFileSync('tests/fixtures/loader/gbk.csv');
    const lastRow = gbk.subarray(gbk.lastIndexOf(0x0a, gbk.length - 2) + 1);
    const r = await load(new Uint8Array([...ascii, ...lastRow]), {}, 256);
    expect(r.preview.encoding).toBe('gb18030');
    expect(r.preview.good).toBe(201);
    expect(r.flows.at(-1)!.entityZh).toBe('服装批发市场迁出');
  });

  it('reads UTF-16 with a byte-order mark', async () => {
    for (const [enc, bom] of [['utf16le', [0xff, 0xfe]]] as const) {
      const body = Buffer.from(CSV, enc);
      const r = await load(new Uint8Array([...bom, ...body]));
      expect(r.preview.encoding).toBe('utf-16le');
      expect(r.flows[0]!.entityZh).toBe('沧州生物医药园');
    }
  });

  it('refuses binary files, naming the problem', async () => {
    const xlsx = await load(readFileSync('tests/fixtures/loader/binary.xlsx'));
    expect(xlsx.preview.fatal?.kind).toBe('binary');
    expect(xlsx.preview.fatal?.detail).toMatch(/ZIP archive \(an Excel \.xlsx/);
    const nul = await load(new Uint8Array([...new TextEncoder().encode('origin,destination\n'), 0x41, 0x00, 0x42]));
    expect(nul.preview.fatal).toEqual({ kind: 'binary', detail: expect.stringMatching(/NUL bytes \(the first at byte 20\)/) });
    const pdf = await load(new TextEncoder().encode('%PDF-1.7\n'));
    expect(pdf.preview.fatal?.detail).toMatch(/PDF/);
    const neither = await load(new Uint8Array([...new TextEncoder().encode('origin,destination,value,year\n'), 0x81, 0x20, 0x0a]));
    expect(neither.preview.fatal?.detail).toMatch(/neither UTF-8 nor GBK\/GB18030/);
  });

  it('says when a file is empty or has no rows', async () => {
    expect((await load(new Uint8Array())).preview.fatal).toEqual({ kind: 'empty' });
    expect((await load('\n\n')).preview.fatal).toEqual({ kind: 'empty' });
    expect((await load('origin,destination,value,year\n')).preview.fatal).toEqual({ kind: 'no-rows' });
    expect((await load('a,b\n1,2\n')).preview).toMatchObject({ fatal: { kind: 'missing' }, missing: ['origin', 'destination', 'value', 'year'] });
  });

  it('the decoder either gives text or says why not, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        let encoding: ReturnType<typeof sniff> | undefined;
        try {
          encoding = sniff(bytes);
        } catch (e) {
          expect(e).toBeInstanceOf(NotText);
          return;
        }
        try {
          expect(typeof textDecoder(encoding).decode(bytes, 0, true)).toBe('string');
        } catch (e) {
          expect(e instanceof NotText || e instanceof WrongEncoding).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
