/**
 * Year range: two native range inputs over one track (mouse, touch and keyboard for free; the
 * thumbs push each other so any range can be reached), the chosen years as text, and a Play
 * button that steps through the years one at a time (~1.2 s each) and stops at the last.
 *
 * Dragging only moves the thumbs; the range is committed on `change` (release, or each arrow
 * key), so a drag adds one history entry, not one per year passed.
 */
import { t } from '../../i18n/index.ts';
import type { Store } from '../../state/store.ts';
import type { ViewState } from '../../state/viewState.ts';
import { fieldset, h, setAttr, setText, type Control, type ControlInput } from './dom.ts';

export const PLAY_STEP_MS = 1200;
const COALESCE_MS = 1000;

export interface YearsControlOptions {
  /** Called when playback starts or stops (e.g. to animate the arcs). */
  onPlaying?: (playing: boolean) => void;
}

export function yearsControl(store: Store, o: YearsControlOptions = {}): Control {
  const { el, title, badge } = fieldset('pt-years');
  const lo = h('input', { type: 'range', class: 'pt-range__input pt-range__lo', step: '1' });
  const hi = h('input', { type: 'range', class: 'pt-range__input pt-range__hi', step: '1' });
  const fill = h('div', { class: 'pt-range__fill' });
  const track = h('div', { class: 'pt-range__track', 'aria-hidden': 'true' }, fill);
  const range = h('div', { class: 'pt-range' }, track, lo, hi);
  const outLo = h('output', { class: 'pt-range__value' });
  const outHi = h('output', { class: 'pt-range__value' });
  const all = h('button', { type: 'button', class: 'btn btn--small' });
  const play = h('button', { type: 'button', class: 'btn pt-play', 'aria-pressed': 'false' });
  const playIcon = h('span', { class: 'pt-play__icon', 'aria-hidden': 'true' });
  const playText = h('span');
  play.append(playIcon, playText);
  const note = h('p', { class: 'pt-hint' });
  el.append(range, h('div', { class: 'pt-row pt-range__values' }, h('span', {}, outLo, ' – ', outHi), h('span', { class: 'pt-row__end' }, all, play)), note);

  let extent: readonly [number, number] = [2014, 2014];
  let lang: ViewState['lang'] = store.get().lang;
  let playing = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let playingYear: number | null = null;

  const shown = () => [Number(lo.value), Number(hi.value)] as const;
  const paint = () => {
    const [a, b] = shown();
    const span = extent[1] - extent[0] || 1;
    fill.style.left = `${((a - extent[0]) / span) * 100}%`;
    fill.style.right = `${((extent[1] - b) / span) * 100}%`;
    setText(outLo, String(a));
    setText(outHi, String(b));
    setAttr(lo, 'aria-valuetext', String(a));
    setAttr(hi, 'aria-valuetext', String(b));
    // Both thumbs at the right end: the lower one must stay reachable.
    lo.style.zIndex = a === b && a === extent[1] ? '3' : '1';
  };
  // Arrow keys commit on every press: presses in quick succession make one history entry.
  let lastCommit: { at: number; state: ViewState } | null = null;
  const commit = () => {
    stop();
    const [a, b] = shown();
    const now = performance.now();
    const merge = lastCommit !== null && lastCommit.state === store.get() && now - lastCommit.at < COALESCE_MS;
    store.set({ years: a === extent[0] && b === extent[1] ? null : [a, b] }, { history: merge ? 'replace' : 'push' });
    lastCommit = { at: now, state: store.get() };
  };
  lo.addEventListener('input', () => {
    if (Number(lo.value) > Number(hi.value)) hi.value = lo.value;
    paint();
  });
  hi.addEventListener('input', () => {
    if (Number(hi.value) < Number(lo.value)) lo.value = hi.value;
    paint();
  });
  lo.addEventListener('change', commit);
  hi.addEventListener('change', commit);
  all.addEventListener('click', () => {
    stop();
    store.set({ years: null });
  });

  const paintPlay = () => {
    const on = playing;
    setAttr(play, 'aria-pressed', String(on));
    setText(playText, t(lang, on ? 'planner.pause' : 'planner.play'));
    setAttr(play, 'aria-label', t(lang, on ? 'planner.pauseLabel' : 'planner.playLabel'));
    play.classList.toggle('pt-play--on', on);
  };
  function stop() {
    if (!playing) return;
    playing = false;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    playingYear = null;
    paintPlay();
    o.onPlaying?.(false);
  }
  const step = (year: number, first: boolean) => {
    playingYear = year;
    // The first step is a history entry (Back returns to before playing); the rest replace it.
    store.set({ years: [year, year] }, { history: first ? 'push' : 'replace' });
    if (year >= extent[1]) return stop();
    timer = setTimeout(() => step(year + 1, false), PLAY_STEP_MS);
  };
  play.addEventListener('click', () => {
    if (playing) return stop();
    const y = store.get().years;
    const start = y && y[0] === y[1] && y[0] < extent[1] ? y[0] + 1 : extent[0];
    playing = true;
    paintPlay();
    o.onPlaying?.(true);
    step(start, true);
  });

  return {
    el,
    update({ state, view: { extent: ext } }: ControlInput) {
      lang = state.lang;
      extent = ext;
      // Something else changed the years (a click, Back, Reset): playback gives way.
      if (playingYear !== null && !(state.years && state.years[0] === playingYear && state.years[1] === playingYear)) stop();
      for (const input of [lo, hi]) {
        setAttr(input, 'min', String(ext[0]));
        setAttr(input, 'max', String(ext[1]));
      }
      const [a, b] = state.years ?? ext;
      lo.value = String(Math.max(ext[0], Math.min(a, ext[1])));
      hi.value = String(Math.max(ext[0], Math.min(b, ext[1])));
      setText(title, t(lang, 'planner.years'));
      setText(badge, state.years ? (a === b ? String(a) : t(lang, 'period.range', { a, b })) : '');
      setAttr(lo, 'aria-label', t(lang, 'planner.yearsFrom'));
      setAttr(hi, 'aria-label', t(lang, 'planner.yearsTo'));
      setText(all, t(lang, 'planner.yearsAll'));
      setAttr(all, 'aria-disabled', String(!state.years));
      play.disabled = ext[0] === ext[1];
      setText(note, t(lang, 'planner.yearsNote'));
      paint();
      paintPlay();
    },
    destroy: stop,
  };
}
