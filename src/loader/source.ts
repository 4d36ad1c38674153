/**
 * The one Source record every loaded row points to: the user's own file. It is marked as user
 * data in every field a reader sees (publisher, title, note), so a loaded figure can never pass
 * for a published one.
 */
import type { Source } from '../data/types.ts';

/** Not an `S…` id: it cannot collide with, or be mistaken for, a published source. */
export const USER_SOURCE_ID = 'user-file';

export function userSource(file: string, date: Date = new Date()): Source {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return {
    id: USER_SOURCE_ID,
    publisher: '你的文件 · Your file (user data, not published)',
    title: `Your file ${file}, loaded ${day} · 你的文件 ${file},${day} 载入`,
    date: day,
    url: null,
    archivedUrl: null,
    note: 'Loaded in this browser only; not checked against any published source. 仅在本浏览器中载入,未经核对。',
  };
}
