/**
 * Breaking a line of text to a width: between words, and anywhere inside CJK text. Pure: the
 * caller measures (canvas measureText in the page, an estimate elsewhere).
 */
const TOKENS = /[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+/g;

export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const tok of text.match(TOKENS) ?? []) {
    if (line && measure(line + tok) > width) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
