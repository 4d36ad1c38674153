/**
 * Net flows as CSV (issue 18): one line per pair netted — the larger direction's ends, the gross
 * both ways and the net — then the arcs not netted, gross, with why. Pure; names come from the
 * caller. UTF-8 with a BOM (Excel).
 */
import { csvFormatRows } from 'd3-dsv';
import type { NetView } from '../selectors/net.ts';

export interface NetCsvLookup {
  place(key: string, adcode: number): string;
  industry(id: string): string;
}

/** A spreadsheet must not read a name as a formula. */
const safe = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export function netCsv(n: NetView, o: NetCsvLookup): string {
  const lines: string[][] = [['origin', 'destination', 'industry', 'unit', 'basis', 'status', 'gross_origin_to_destination', 'gross_destination_to_origin', 'net_origin_to_destination', 'netted']];
  for (const r of n.rows.values()) {
    const f = r.forward;
    lines.push([safe(o.place(f.originKey, f.origin.adcode)), safe(o.place(f.destinationKey, f.destination.adcode)), safe(o.industry(f.industry)), f.group.unit, f.group.basis, f.group.status ?? '', String(f.value), String(r.backward.value), String(r.net), 'yes']);
  }
  for (const a of n.notNetted) {
    lines.push([safe(o.place(a.originKey, a.origin.adcode)), safe(o.place(a.destinationKey, a.destination.adcode)), safe(o.industry(a.industry)), a.group.unit, a.group.basis, a.group.status ?? '', String(a.value), '', '', 'no']);
  }
  return `\uFEFF${csvFormatRows(lines)}\n`;
}
