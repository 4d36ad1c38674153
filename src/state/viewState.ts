/**
 * ViewState: the one mutable thing in the app. Everything on screen is a function of
 * (data, ViewState); the URL query string is its serialised form (see url.ts).
 */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const METRICS = ['projects', 'investment', 'firms', 'merchants'] as const;
export type Metric = (typeof METRICS)[number];

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Map renderers (src/map/renderer.ts): MapLibre on WebGL, or Canvas 2D without a GPU. */
export const RENDERERS = ['webgl', '2d'] as const;
export type RendererKind = (typeof RENDERERS)[number];

/** Places at their own level (districts, counties, platforms) or merged to city/prefecture level (issue 18). */
export const LEVELS = ['fine', 'city'] as const;
export type Level = (typeof LEVELS)[number];

/** Small multiples (issue 18): one small map per industry. */
export const MULTIPLES = ['industry'] as const;
export type Multiples = (typeof MULTIPLES)[number];

export const TIERS = ['capital-2', 'strategic-4', 'specialised-46', 'other'] as const;
export type TierId = (typeof TIERS)[number];

export const CATEGORIES = ['innovation', 'manufacturing', 'services', 'agriculture'] as const;
export type CategoryId = (typeof CATEGORIES)[number];

export interface CameraView {
  lon: number;
  lat: number;
  zoom: number;
}

export interface ViewState {
  lang: Lang;
  metric: Metric;
  /** Industry ids; empty = all industries. */
  industry: string[];
  /** Inclusive year range; null = every year in the data. */
  years: [number, number] | null;
  /** `beijing`, `tianjin` (all of it), a Hebei prefecture's adcode (all of it), or one origin's adcode as text: a district or county (planners' files start flows in Hebei too); null = any origin. */
  origin: string | null;
  /** Destination prefecture adcode; null = any. */
  dest: number | null;
  tier: TierId[];
  category: CategoryId[];
  /** Selected place (adcode) or platform id (`P13`); null = nothing selected. */
  focus: string | null;
  /** Camera; null = the default view of the region. */
  view: CameraView | null;
  /** Keep arc widths and circle sizes on a scale fixed over all the data. */
  lock: boolean;
  /** null = follow the system preference. */
  theme: Theme | null;
  embed: boolean;
  controls: boolean;
  legend: boolean;
  /** Embed: the only parent origin whose messages are answered. */
  parentOrigin: string | null;
  /** Embed: the id the height is reported under for Datawrapper-style resizers (embed/resizers.ts). */
  embedId: string | null;
  /** Guided story step (1-based); null = story closed. */
  story: number | null;
  /** A planner's own CSV is loaded (the data itself never goes in the URL). */
  custom: boolean;
  /** Flowing dashes on the arcs (never when the user prefers reduced motion). */
  animate: boolean;
  /** Force a renderer; null = choose by the browser's GPU (map/choose.ts). */
  renderer: RendererKind | null;
  /** `city`: origins and destinations merged to Beijing, Tianjin and each Hebei prefecture. */
  level: Level;
  /** Show the origin–destination matrix (issue 18). */
  matrix: boolean;
  /** A second period to compare with `years` (inclusive); null = no comparison (issue 18). */
  compare: [number, number] | null;
  /** Small multiples: one small map per industry in a grid instead of the map; null = the one map (issue 18). */
  multiples: Multiples | null;
  /** Net flows (issue 18): where flows run both ways between two places, draw their difference in its direction. */
  net: boolean;
  /** Prefecture intake layer (issue 17): a series id of aggregates.csv; null = off. */
  intake: string | null;
  /** The layer's year (rows whose period ends then); null = the series' latest figure. */
  intakeYear: number | null;
  /** Show the coverage grid (issue 17): which intake figures exist per place and year, and the holes. */
  coverage: boolean;
}

export function defaultState(lang: Lang = 'zh'): ViewState {
  return {
    lang,
    metric: 'projects',
    industry: [],
    years: null,
    origin: null,
    dest: null,
    tier: [],
    category: [],
    focus: null,
    view: null,
    lock: false,
    theme: null,
    embed: false,
    controls: true,
    legend: true,
    parentOrigin: null,
    embedId: null,
    story: null,
    custom: false,
    animate: false,
    renderer: null,
    level: 'fine',
    matrix: false,
    compare: null,
    multiples: null,
    net: false,
    intake: null,
    intakeYear: null,
    coverage: false,
  };
}

/** Language from the browser's preferences: English when the first match is English, Chinese otherwise. */
export function browserLang(languages: readonly string[] | undefined): Lang {
  for (const l of languages ?? []) {
    const p = l.toLowerCase();
    if (p.startsWith('zh')) return 'zh';
    if (p.startsWith('en')) return 'en';
  }
  return 'zh';
}
