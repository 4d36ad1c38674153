/**
 * The plan for a platforms file (the columns of platforms.csv): each column by its contract
 * name, the adcode also as a place name (the shared resolver), defaults for what may be left out.
 */
import { headerKey } from './headers.ts';
import type { PlaceIndex } from './places.ts';
import { PLATFORM_HEADER, TEXT_MAX, length, unguard, type BuildError, type DefaultEntry, type MappingEntry, type Plan } from './plan.ts';

export function platformPlan(header: readonly string[], places: PlaceIndex): Plan | { missing: string[] } {
  const keys = header.map(headerKey);
  const contract = new Set(PLATFORM_HEADER);
  const entries: MappingEntry[] = [];
  const from = new Map<string, number>();
  keys.forEach((k, i) => {
    const column = header[i]!;
    if (k === 'source_ids') entries.push({ column, target: null, note: 'ignored-source' });
    else if (!contract.has(k)) entries.push({ column, target: null, note: 'unknown' });
    else if (from.has(k)) entries.push({ column, target: null, note: 'duplicate' });
    else {
      from.set(k, i);
      entries.push({ column, target: k, note: k === 'adcode' ? 'names' : null });
    }
  });
  const missing = ['id', 'tier', 'adcode', 'lon', 'lat'].filter((k) => !from.has(k));
  if (!from.has('name_zh') && !from.has('name_en')) missing.push('name_zh');
  if (missing.length) return { missing };
  const defaults: DefaultEntry[] = [];
  const fixed: Record<string, string> = { point_estimated: 'yes', confidence: 'medium' };
  for (const [k, v] of Object.entries(fixed)) if (!from.has(k)) defaults.push({ target: k, value: v });
  const userName = (target: string) => {
    const i = from.get(target);
    return i === undefined ? target : header[i]!;
  };
  return {
    table: 'platforms',
    form: 'platforms',
    entries,
    defaults,
    header: PLATFORM_HEADER,
    idIndex: PLATFORM_HEADER.indexOf('id'),
    columnName: userName,
    unknowns: () => [],
    noted: () => [],
    build(cells) {
      const errors: BuildError[] = [];
      const out = new Map<string, string>();
      for (const name of PLATFORM_HEADER) {
        const i = from.get(name);
        if (i === undefined) continue;
        const v = unguard(cells[i] ?? '');
        const max = TEXT_MAX[name];
        if (max !== undefined && v.length > max && length(v) > max) errors.push({ column: userName(name), reason: `${length(v)} characters, at most ${max} allowed` });
        out.set(name, v);
      }
      const adcode = out.get('adcode') ?? '';
      if (adcode.trim() !== '') {
        const m = places.resolve(adcode);
        if (m.ok) out.set('adcode', String(m.adcode));
        else {
          errors.push({ column: userName('adcode'), reason: m.reason });
          out.set('adcode', '');
        }
      }
      if (!from.has('name_zh')) out.set('name_zh', out.get('name_en') ?? '');
      if (!from.has('name_en')) out.set('name_en', out.get('name_zh') ?? '');
      for (const d of defaults) out.set(d.target, d.value);
      out.set('source_ids', 'S000');
      return { cells: PLATFORM_HEADER.map((n) => out.get(n) ?? ''), errors };
    },
  };
}
