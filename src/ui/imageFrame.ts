/**
 * The words around a downloaded picture of the map, shared by the PNG and the SVG: the header
 * (title, date, the filters in words), the legend (from the view model's `legend`, the one the
 * on-screen legend reads) and the attribution. Pure.
 */
import type { ImageFrame, ImageLegendSection } from '../map/renderer.ts';
import type { ViewModel } from '../selectors/view.ts';
import type { Lang, ViewState } from '../state/viewState.ts';
import type { Names } from '../i18n/describe.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { formatPeriod, formatValue } from '../i18n/format.ts';
import { METRIC_UNITS } from '../data/vocab.ts';
import { industryColor } from '../scales/industryColor.ts';
import { INTAKE_COLOR, INTAKE_TINT, TIER_STYLE } from '../scales/tiers.ts';

/** The analysis in words (issue 18): two periods compared, the level, net flows. Here, not in the first load's dictionaries. */
const ANALYSIS_TEXT = {
  zh: { compare: '{a} 与 {b} 对比', all: '全部年份', city: '合并至地级市层级', net: '净流向（双向相抵）' },
  en: { compare: '{a} compared with {b}', all: 'all years', city: 'merged to city/prefecture level', net: 'net flows (both directions netted)' },
} as const;

const span = (y: readonly [number, number] | null, lang: Lang) => (!y ? ANALYSIS_TEXT[lang].all : y[0] === y[1] ? String(y[0]) : `${y[0]}–${y[1]}`);

/**
 * The filters in words, for the picture's header and the printed sheet: the measure, the
 * filters, and the analysis (two periods compared in place of the years, the level when merged
 * to cities, net flows), so a picture names what it shows.
 */
export function filtersText(s: ViewState, names: Names): string {
  const lang = s.lang;
  const tx = ANALYSIS_TEXT[lang];
  const parts: string[] = [t(lang, `metric.${s.metric}`)];
  if (s.industry.length) parts.push(s.industry.map((i) => t(lang, `industry.${i}` as MessageKey)).join(', '));
  if (s.compare) parts.push(tx.compare.replace('{a}', span(s.years, lang)).replace('{b}', span(s.compare, lang)));
  else if (s.years) parts.push(formatPeriod(lang, s.years[0], s.years[1]));
  if (s.level === 'city') parts.push(tx.city);
  if (s.net) parts.push(tx.net);
  if (s.origin) parts.push(`${t(lang, 'planner.origin')}: ${s.origin === 'beijing' ? t(lang, 'place.beijing') : s.origin === 'tianjin' ? t(lang, 'place.tianjin') : names.place(Number(s.origin), lang)}`);
  if (s.dest !== null) parts.push(`${t(lang, 'planner.dest')}: ${names.place(s.dest, lang)}`);
  if (s.tier.length) parts.push(s.tier.map((x) => t(lang, `tier.${x}` as MessageKey)).join(', '));
  if (s.category.length) parts.push(s.category.map((x) => t(lang, `category.${x}` as MessageKey)).join(', '));
  return parts.join(' · ');
}

/** Title, then the date the picture was made (ISO, the same in both languages) and the filters. */
export function imageHeader(s: ViewState, names: Names, date: Date): NonNullable<ImageFrame['header']> {
  return {
    title: t(s.lang, 'app.title'),
    lines: [t(s.lang, 'image.date', { date: date.toISOString().slice(0, 10) }), t(s.lang, 'png.filters', { filters: filtersText(s, names) })],
  };
}

/** The attribution line of a picture. */
export function imageAttribution(s: Pick<ViewState, 'lang'>): string {
  return `© ${[t(s.lang, 'attribution.boundaries'), t(s.lang, 'attribution.context'), t(s.lang, 'attribution.data'), 'Noto Sans (SIL OFL)'].join(' · ')}`;
}

/** The legend as titled sections: industries (colour), reference widths, platform tiers. */
export function imageLegend(view: ViewModel, s: Pick<ViewState, 'lang' | 'metric'>, ink: string, { flows = true }: { flows?: boolean } = {}): ImageLegendSection[] {
  const { lang, metric } = s;
  const { industries: drawn, widths: values, tiers } = view.legend;
  // Without the flows' sections (a comparison brings its own key).
  const industries = flows ? drawn : [];
  const widths = flows ? values : [];
  const sections: ImageLegendSection[] = [
    { title: t(lang, 'legend.industry'), items: industries.map((id) => ({ label: t(lang, `industry.${id}` as MessageKey), color: industryColor(id), shape: 'line' as const })) },
    { title: t(lang, 'legend.width', { metric: t(lang, `metric.${metric}`) }), items: widths.map((v) => ({ label: formatValue(lang, v, METRIC_UNITS[metric]), color: ink, shape: 'taper' as const, size: view.scales.width(v) })) },
    {
      title: t(lang, 'legend.platforms'),
      items: tiers.map((tier) => {
        const st = TIER_STYLE[tier];
        return { label: t(lang, `tier.${tier}` as MessageKey), color: st.fill, shape: 'circle' as const, size: st.radius, stroke: st.stroke === '#ffffff' ? st.fill : st.stroke };
      }),
    },
  ];
  // The prefecture intake layer (issue 17), as the on-screen legend names it (ui/intakeLegend.ts).
  const layer = view.intake;
  if (layer) {
    const row = layer.cells[0]?.row;
    const year = layer.year ?? layer.series.years[layer.series.years.length - 1]!;
    const shown = row ?? layer.series;
    sections.push({
      title: t(lang, 'intake.legend', { label: lang === 'zh' ? shown.labelZh : shown.labelEn }),
      items: [
        row
          ? { label: `${year}: ${formatValue(lang, row.value, row.unit, row.bound)} · ${t(lang, `basis.${row.basis}` as MessageKey)}`, color: INTAKE_TINT, shape: 'circle', size: 6, stroke: INTAKE_COLOR }
          : { label: t(lang, 'intake.hole', { year }), color: '#ffffff', shape: 'circle', size: 6, stroke: INTAKE_COLOR },
      ],
    });
  }
  return sections.filter((x) => x.items.length);
}

/** Everything around the map in a picture. `ink`: the colour of neutral swatches (the widths). */
export function imageFrame(view: ViewModel, s: ViewState, names: Names, o: { date: Date; ink: string; legend?: ImageLegendSection[] }): ImageFrame {
  return { header: imageHeader(s, names, o.date), footer: { legend: o.legend ?? imageLegend(view, s, o.ink), lines: [imageAttribution(s)] } };
}
