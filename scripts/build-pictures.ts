/**
 * Static pictures and link previews, written into the built site (`npm run build` runs this after
 * `vite build`; no network): for the default view and each story step, in Chinese and English,
 *
 *   dist/pictures/<name>.<lang>.svg   the 2D renderer's SVG (src/map/svg.ts `mapSvg`): title,
 *                                     what the view shows (src/embed/altText.ts), attribution
 *   dist/pictures/<name>.<lang>.png   that SVG rendered by @resvg/resvg-js (1200 × 630, the
 *                                     size link previews crop to; text in the system's Noto fonts)
 *   dist/oembed.json                  oEmbed (type rich): the iframe snippet, size, title, provider
 *
 * and fills dist/index.html's link-preview fields: og:image:alt / twitter:image:alt and the
 * <noscript> picture's alt say what the default picture shows; with SITE_URL
 * (`SITE_URL=https://maps.example.org/jjj/ npm run build`) og:image, og:url, twitter:image and the
 * oEmbed link become absolute, as link previews require.
 *
 *   npx tsx scripts/build-pictures.ts [--dist dist] [--only default]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Topology } from 'topojson-specification';
import { Resvg } from '@resvg/resvg-js';
import { decodeBoundaries, unitIndex } from '../src/geo/boundaries.ts';
import { viewSelector } from '../src/selectors/view.ts';
import { ANALYSIS } from '../src/selectors/analysis.ts';
import { yearExtent } from '../src/selectors/filter.ts';
import { namesFor } from '../src/i18n/describe.ts';
import { loadLanguage, t } from '../src/i18n/index.ts';
import { defaultState, LANGS, type Lang, type ViewState } from '../src/state/viewState.ts';
import { altSummary, altText } from '../src/embed/altText.ts';
import { PICTURE, picturePath, type PictureName } from '../src/embed/pictures.ts';
import { iframeSnippet, defaultHeight, urlFor, embedState } from '../src/embed/snippet.ts';
import { parseStory } from '../src/story/validate.ts';
import { mapSvg } from '../src/map/svg.ts';
import { projectBoundaries } from '../src/map/2d/geometry.ts';
import type { Dataset } from '../src/data/dataset.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = (k: string) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : undefined; };
const DIST = resolve(ROOT, arg('--dist') ?? 'dist');
/** Where the site will be served (absolute URLs for link previews and oEmbed); optional. */
const SITE = process.env.SITE_URL ? new URL(process.env.SITE_URL.replace(/\/?$/, '/')).href : null;

export interface Picture {
  name: PictureName;
  state: ViewState;
  /** For a story step: its title. */
  title?: { zh: string; en: string };
}

/** The default view and each story step (its filters, camera and selection), per language. */
export function pictureStates(storyCsv: string, lang: Lang): Picture[] {
  const base = defaultState(lang);
  const out: Picture[] = [{ name: 'default', state: base }];
  for (const s of parseStory(storyCsv).steps) {
    out.push({
      name: `story-${s.step}`,
      title: s.title,
      state: { ...base, story: s.step, industry: [...s.industry], years: s.years, focus: s.focus, metric: s.metric, tier: [...s.tier], view: s.view },
    });
  }
  return out;
}

/**
 * Fonts for the PNGs: Debian's Noto Sans CJK (fonts-noto-cjk, which the browser tests need too;
 * its Latin glyphs are Noto Sans'), given as files — loading every system font for each picture
 * costs seconds per picture. Elsewhere, the system's fonts.
 */
const CJK = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'];
const FONT = CJK.every((f) => existsSync(f))
  ? { fontFiles: CJK, loadSystemFonts: false, defaultFontFamily: 'Noto Sans CJK SC' }
  : { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' };

const HEADER = (lines: number) => 16 + 26 + lines * 18 + 8;
const FOOTER = (lines: number) => 10 + lines * 15 + 6;

/** Splits `text` into lines of at most `max` characters (ideographs count double), at spaces or anywhere in CJK. */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const tok of text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? []) {
    const w = [...tok].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
    // A trailing space may hang past the end of the line.
    if (line && width + w - (tok.length - tok.trimEnd().length) > max) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
      width = w;
    } else {
      line += tok;
      width += w;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

async function main(): Promise<void> {
  const index = join(DIST, 'index.html');
  if (!existsSync(index)) {
    console.error(`${index} missing: run vite build first`);
    process.exit(2);
  }
  const started = performance.now();
  await Promise.all(LANGS.map((l) => loadLanguage(l)));
  const dataset = JSON.parse(readFileSync(join(ROOT, 'public/data/dataset.json'), 'utf8')) as Dataset;
  const boundaries = decodeBoundaries(JSON.parse(readFileSync(join(ROOT, 'public/geo/jjj.topo.json'), 'utf8')) as Topology);
  const units = unitIndex(boundaries);
  const names = namesFor(dataset, (code, lang) => units.get(code)?.props[lang === 'zh' ? 'name_zh' : 'name_en']);
  const projected = projectBoundaries(boundaries);
  const extent = yearExtent(dataset);
  const storyCsv = readFileSync(join(ROOT, 'data/story.csv'), 'utf8');
  const only = arg('--only');
  mkdirSync(join(DIST, 'pictures'), { recursive: true });

  const alts: Record<string, string> = {};
  let count = 0;
  for (const lang of LANGS) {
    for (const p of pictureStates(storyCsv, lang)) {
      if (only && p.name !== only) continue;
      const view = viewSelector({ analysis: ANALYSIS })(dataset, p.state);
      const alt = altText(lang, altSummary(lang, { state: p.state, view, names, extent }));
      alts[`${p.name}.${lang}`] = alt;
      const lines = wrapText(alt, 150).slice(0, 2);
      const attribution = [`${t(lang, 'attribution.boundaries')} · ${t(lang, 'attribution.context')}`];
      const height = PICTURE.height - HEADER(lines.length) - FOOTER(attribution.length);
      const title = p.title ? `${t(lang, 'app.title')} · ${p.title[lang]}` : t(lang, 'app.title');
      const draw = (mapHeight: number) => mapSvg({
        boundaries, projected, view, camera: p.state.view, width: PICTURE.width, height: mapHeight, theme: 'light', lang,
        highlight: { key: p.state.focus }, header: { title, lines }, footer: { lines: attribution },
      }).svg;
      // The header and footer are as tall as their wrapped text: the map takes what is left of 630 px.
      const total = (s: string) => Number(/<svg [^>]*\bheight="([\d.]+)"/.exec(s)?.[1] ?? PICTURE.height);
      let svg = draw(height);
      if (Math.round(total(svg)) !== PICTURE.height) svg = draw(height - (total(svg) - PICTURE.height));
      // The picture says what it shows, for readers of the SVG itself.
      const doc = svg.replace(/(<svg [^>]*>)/, `$1\n<title>${esc(title)}</title>\n<desc>${esc(alt)}</desc>`);
      writeFileSync(join(DIST, picturePath(p.name, lang, 'svg')), doc);
      const png = new Resvg(forResvg(doc), { font: FONT, fitTo: { mode: 'width', value: PICTURE.width } }).render().asPng();
      writeFileSync(join(DIST, picturePath(p.name, lang, 'png')), png);
      count++;
    }
  }

  // oEmbed: the iframe snippet for the default view (Chinese, as the page), absolute with SITE_URL.
  const site = SITE ?? './';
  const abs = (path: string) => (SITE ? new URL(path, SITE).href : path);
  const zhDefault = alts['default.zh'] ?? '';
  const width = 640;
  const height = defaultHeight(width);
  const src = SITE ? urlFor(SITE, embedState(defaultState('zh'), { controls: true, legend: true })) : `./?lang=zh&embed=1`;
  const oembed = {
    version: '1.0',
    type: 'rich',
    title: `${t('zh', 'app.title')} · ${t('en', 'app.title')}`,
    provider_name: `${t('zh', 'app.title')} · ${t('en', 'app.title')}`,
    provider_url: site,
    html: iframeSnippet({ src, title: t('zh', 'embed.frameTitle'), label: zhDefault }),
    width,
    height,
    thumbnail_url: abs(picturePath('default', 'zh', 'png')),
    thumbnail_width: PICTURE.width,
    thumbnail_height: PICTURE.height,
  };
  writeFileSync(join(DIST, 'oembed.json'), JSON.stringify(oembed, null, 2) + '\n');

  // index.html: alt texts, and absolute URLs when the site's address is known.
  let html = readFileSync(index, 'utf8');
  const both = `${alts['default.zh'] ?? ''} · ${alts['default.en'] ?? ''}`;
  const setMeta = (attr: 'property' | 'name', key: string, value: string) => {
    html = html.replace(new RegExp(`(<meta ${attr}="${key}" content=")[^"]*(")`), `$1${esc(value)}$2`);
  };
  setMeta('property', 'og:image:alt', both);
  setMeta('name', 'twitter:image:alt', both);
  html = html.replace(/(<img id="map-fallback"[^>]*?alt=")[^"]*(")/, `$1${esc(both)}$2`);
  if (SITE) {
    setMeta('property', 'og:url', SITE);
    setMeta('property', 'og:image', abs(picturePath('default', 'zh', 'png')));
    setMeta('name', 'twitter:image', abs(picturePath('default', 'zh', 'png')));
    html = html.replace(/(<link rel="alternate" type="application\/json\+oembed" href=")[^"]*(")/, `$1${abs('oembed.json')}$2`);
  }
  writeFileSync(index, html);
  console.log(`pictures: ${count} SVG + PNG in ${join(DIST, 'pictures')}, oembed.json, index.html previews (${SITE ? `absolute under ${SITE}` : 'relative URLs: set SITE_URL for absolute ones'}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * resvg 2.6.2 aborts the process (a Rust panic in geom.rs) on some `<text opacity>` inside the
 * clipped map group (seen with the faded, letter-spaced province labels of story step 7): the same
 * look with fill/stroke opacity, which needs no layer.
 */
export function forResvg(svg: string): string {
  return svg.replace(/(<text [^>]*?) opacity="([\d.]+)"/g, '$1 fill-opacity="$2" stroke-opacity="$2"');
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
