import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3-dsv';
import { BOM, FLOW_CSV_COLUMNS, csvCell, flowsCsv, toCsv, type CsvLookup } from '../../src/export/csv.ts';
import { flow, source } from './planner-helpers.ts';

const lookup: CsvLookup = {
  place: (code) => ({ 110105: '朝阳区', 130983: '黄骅市', 120000: 'Tianjin' } as Record<number, string>)[code] ?? String(code),
  platform: (id) => (id === 'P13' ? '渤海新区生物医药产业园' : undefined),
  industry: (id) => `ind:${id}`,
  sources: new Map([
    ['S001', source()],
    ['S002', source({ id: 'S002', publisher: 'Hebei Daily (河北日报)', date: '2019-05', url: null, archivedUrl: 'https://web.archive.org/x' })],
    ['S003', source({ id: 'S003', publisher: 'People\'s Daily, "quoted"', date: '2017', url: null })],
  ]),
};

/** Parse our CSV back (strip the BOM, CRLF lines) into records. */
const parse = (text: string) => csvParse(text.slice(1).replace(/\r\n/g, '\n'));

describe('CSV cells: RFC 4180 quoting', () => {
  it('leaves plain text alone and writes numbers as numbers', () => {
    expect(csvCell('abc')).toBe('abc');
    expect(csvCell('北京')).toBe('北京');
    expect(csvCell(3671.58)).toBe('3671.58');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('yes');
  });

  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
  });
});

describe('CSV cells: formula injection guard', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', `"'\rCR"`],
  ])('%j → %s', (input, out) => {
    expect(csvCell(input)).toBe(out);
  });

  it('does not touch the characters elsewhere in a cell', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('2014-2017')).toBe('2014-2017');
  });
});

describe('toCsv', () => {
  it('starts with a UTF-8 byte-order mark and ends rows with CRLF', () => {
    const text = toCsv([['a', 'b'], [1, '北京']]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toBe('\uFEFFa,b\r\n1,北京\r\n');
    // Encoded, the BOM is EF BB BF.
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('flowsCsv', () => {
  const flows = [
    flow({ id: 'F01', entityZh: '北京现代, 沧州工厂', entityEn: 'Beijing Hyundai "plant 4"', projects: 1, investmentCny100m: 120, investmentType: 'agreed', sourceIds: ['S001', 'S002'] }),
    flow({ id: 'F02', entityEn: '=cmd|\' /C calc\'!A0', originAdcode: 120000, destinationPlatformId: 'P13', status: null, projects: null, firms: 79, sourceIds: ['S003'], periodNote: 'Jan–Oct\nfirst part' }),
  ];
  const text = flowsCsv(flows, lookup);
  const rows = parse(text);

  it('has exactly the given rows, in order, under the documented header', () => {
    expect(rows.columns).toEqual([...FLOW_CSV_COLUMNS]);
    expect(rows.map((r) => r.id)).toEqual(['F01', 'F02']);
    // Header + 2 records: the LF inside a quoted cell is not a record break.
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  it('keeps Chinese text, commas and quotes intact', () => {
    expect(rows[0]!.entity_zh).toBe('北京现代, 沧州工厂');
    expect(rows[0]!.entity_en).toBe('Beijing Hyundai "plant 4"');
    expect(rows[0]!.origin_name).toBe('朝阳区');
    expect(rows[0]!.destination_name).toBe('黄骅市');
    expect(rows[1]!.period_note).toBe('Jan–Oct\nfirst part');
  });

  it('writes figures as published and leaves unknown ones empty', () => {
    expect(rows[0]!.projects).toBe('1');
    expect(rows[0]!.investment_cny_100m).toBe('120');
    expect(rows[0]!.investment_type).toBe('agreed');
    expect(rows[1]!.projects).toBe('');
    expect(rows[1]!.firms).toBe('79');
    expect(rows[1]!.status).toBe('');
  });

  it('carries the source columns, aligned when a row has several sources', () => {
    expect(rows[0]!.source_ids).toBe('S001;S002');
    expect(rows[0]!.source_publisher).toBe('Xinhua; Hebei Daily (河北日报)');
    expect(rows[0]!.source_date).toBe('2018-03-01; 2019-05');
    expect(rows[0]!.source_url).toBe('https://example.org/a; https://web.archive.org/x');
    expect(rows[1]!.source_publisher).toBe('People\'s Daily, "quoted"');
    expect(rows[1]!.destination_platform).toBe('渤海新区生物医药产业园');
  });

  it('guards formula-like text cells', () => {
    expect(rows[1]!.entity_en).toBe("'=cmd|' /C calc'!A0");
  });

  it('is just a header for no rows', () => {
    expect(flowsCsv([], lookup)).toBe(`${BOM}${FLOW_CSV_COLUMNS.join(',')}\r\n`);
  });
});
