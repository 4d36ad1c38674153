/**
 * Moving through the story without the buttons: ← / → anywhere on the page (not while typing,
 * on a slider, in the chart or on the map, which use the arrows themselves), Escape on the card,
 * and a horizontal swipe (touch or pen) across the card: left = next, right = previous.
 */

/** Arrow keys belong to these (text fields, sliders, radio groups, the year chart, the map, dialogs). */
function ownsArrows(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return !!target.closest(
    'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="slider"], [role="spinbutton"], [role="listbox"], [role="menu"], [role="tablist"], [role="radiogroup"], [role="grid"], svg, dialog, .map-surface',
  );
}

export interface StoryMoves {
  /** A step is shown. */
  open(): boolean;
  /** The shown step is the last. */
  atLast(): boolean;
  step(delta: 1 | -1): void;
  close(): void;
}

export function bindStoryGestures(card: HTMLElement, moves: StoryMoves): void {
  card.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation(); // Escape elsewhere clears the map's selection; here it only closes the story.
    moves.close();
  });
  document.addEventListener('keydown', (e) => {
    if (!moves.open() || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || ownsArrows(e.target)) return;
    if (e.key === 'ArrowRight' && moves.atLast()) return;
    e.preventDefault();
    moves.step(e.key === 'ArrowRight' ? 1 : -1);
  });

  let swipe: { id: number; x: number; y: number } | null = null;
  card.addEventListener('pointerdown', (e) => {
    if (e.pointerType !== 'mouse') swipe = { id: e.pointerId, x: e.clientX, y: e.clientY };
  });
  card.addEventListener('pointerup', (e) => {
    if (!swipe || swipe.id !== e.pointerId) return;
    const dx = e.clientX - swipe.x;
    const dy = e.clientY - swipe.y;
    swipe = null;
    if (Math.abs(dx) >= 50 && Math.abs(dx) > 1.5 * Math.abs(dy)) {
      if (dx < 0 && !moves.atLast()) moves.step(1);
      else if (dx > 0) moves.step(-1);
    }
  });
  card.addEventListener('pointercancel', () => (swipe = null));
}
