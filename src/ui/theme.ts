/**
 * The one owner of the theme: `theme=` in the state, or the system's preference when unset;
 * applied to the page (data-theme) and to the renderer, also when the system's preference
 * changes while the page is open.
 */
import type { AppContext } from '../app.ts';
import type { Theme, ViewState } from '../state/viewState.ts';

const DARK = '(prefers-color-scheme: dark)';

export const themeOf = (s: Pick<ViewState, 'theme'>): Theme => s.theme ?? (matchMedia(DARK).matches ? 'dark' : 'light');

/** Applies the theme now and on every change; the renderer (once there is one) follows. */
export function mountTheme(ctx: Pick<AppContext, 'store' | 'renderer'>): void {
  const { store } = ctx;
  const apply = () => {
    const theme = themeOf(store.get());
    document.documentElement.dataset.theme = theme;
    ctx.renderer?.setTheme(theme);
  };
  apply();
  matchMedia(DARK).addEventListener('change', apply);
  store.subscribe((s, prev) => {
    if (s.theme !== prev.theme) apply();
  });
}
