/**
 * The basemap's colours for each theme, shared by every renderer (MapLibre style, Canvas, SVG)
 * and the picture exports.
 */
import type { Theme } from '../state/viewState.ts';

export interface Palette {
  sea: string;
  context: string;
  contextLine: string;
  contextText: string;
  region: string;
  /** Fill of the two municipalities (where industry leaves from). */
  municipality: string;
  prefectureLine: string;
  countyLine: string;
  provinceLine: string;
  text: string;
  textHalo: string;
  countyText: string;
}

export const palettes: Record<Theme, Palette> = {
  light: {
    sea: '#c9dbe6',
    context: '#e6e4df',
    contextLine: '#c9c6bf',
    contextText: '#8a867d',
    region: '#fbf8f1',
    municipality: '#f1ece2',
    prefectureLine: '#9a9489',
    countyLine: '#cfc8bb',
    provinceLine: '#6f695e',
    text: '#2b2824',
    textHalo: '#fbf8f1',
    countyText: '#6b655b',
  },
  dark: {
    sea: '#0f1a22',
    context: '#1e2328',
    contextLine: '#2d3339',
    contextText: '#78818a',
    region: '#2a2f35',
    municipality: '#30353c',
    prefectureLine: '#5d6670',
    countyLine: '#3b424a',
    provinceLine: '#8c96a0',
    text: '#e9ecef',
    textHalo: '#1b1f23',
    countyText: '#aab3bc',
  },
};

/** System CJK fonts for labels (no glyph server needed for ideographs). */
export const LABEL_FONTS =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', sans-serif";
