/**
 * The frame's height in the shapes that resizers already on partner pages read (pure, no DOM):
 *
 * - ours: `{ source: 'jjj-transfer-map', type: 'resize', height }` (embed.js, protocol.ts);
 * - Datawrapper's: `{ 'datawrapper-height': { '<id>': height } }` — read by the resizer script
 *   that newsrooms' CMSs already include for Datawrapper charts (it matches the message to the
 *   iframe by its window, and some CMS plugins by the id). The id is the `embedId=` URL option,
 *   else `jjj-transfer-map`;
 * - AMP's: `{ sentinel: 'amp', type: 'embed-size', height }` — read by `<amp-iframe resizable>`.
 */
import { SOURCE } from './protocol.ts';

export const DEFAULT_EMBED_ID = SOURCE;

export type HeightMessage =
  | { source: typeof SOURCE; type: 'resize'; height: number }
  | { 'datawrapper-height': Record<string, number> }
  | { sentinel: 'amp'; type: 'embed-size'; height: number };

/** The messages that tell a parent page the frame needs `height` px (a whole number). */
export function heightMessages(height: number, embedId: string | null): HeightMessage[] {
  const h = Math.ceil(height);
  return [
    { source: SOURCE, type: 'resize', height: h },
    { 'datawrapper-height': { [embedId ?? DEFAULT_EMBED_ID]: h } },
    { sentinel: 'amp', type: 'embed-size', height: h },
  ];
}
