/**
 * A tooltip that shows text only (never HTML from data). Content is a list of lines; the first
 * is the title. Positioned near the pointer, kept inside its container.
 */
import type { TooltipContent } from '../i18n/describe.ts';

export interface Tooltip {
  show(content: TooltipContent, x: number, y: number): void;
  hide(): void;
  element: HTMLElement;
}

export function createTooltip(container: HTMLElement): Tooltip {
  const el = document.createElement('div');
  el.className = 'tooltip';
  el.setAttribute('role', 'tooltip');
  el.id = 'map-tooltip';
  el.hidden = true;
  container.append(el);
  return {
    element: el,
    show(c, x, y) {
      const title = document.createElement('strong');
      title.textContent = c.title;
      const nodes: HTMLElement[] = [title];
      for (const line of c.lines) {
        const p = document.createElement('div');
        p.textContent = line;
        nodes.push(p);
      }
      if (c.foot?.length) {
        const foot = document.createElement('div');
        foot.className = 'tooltip__foot';
        for (const line of c.foot) {
          const p = document.createElement('div');
          p.textContent = line;
          foot.append(p);
        }
        nodes.push(foot);
      }
      el.replaceChildren(...nodes);
      el.hidden = false;
      const box = container.getBoundingClientRect();
      const w = el.offsetWidth;
      const h = el.offsetHeight;
      const left = Math.min(Math.max(4, x + 14), box.width - w - 4);
      const top = y + 14 + h > box.height ? Math.max(4, y - h - 10) : y + 14;
      el.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
    },
    hide() {
      el.hidden = true;
    },
  };
}
