/**
 * Find the line of a YAML document that a validation path points at (`parts.2.items.0.points`),
 * so the rubric editor can put the server's error next to the line it is about. A heuristic over
 * the text (no YAML parser in the browser bundle): key segments are found as `key:` lines, numeric
 * segments as the n-th `- ` item below the current line. Returns a 0-based line or null.
 */
export function lineOfPath(yaml: string, path: string): number | null {
  const lines = yaml.split('\n');
  // `parts[3].points` and `parts.3.points` are the same path
  const segs = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  let line = -1;
  let indent = -1;
  for (const seg of segs) {
    let found = -1;
    if (/^\d+$/.test(seg)) {
      let n = Number(seg);
      let itemIndent = -1;
      for (let i = line + 1; i < lines.length; i++) {
        const ind = indentOf(lines[i]);
        const t = lines[i].trim();
        if (!t || t.startsWith('#')) continue;
        if (ind <= indent && !(ind === indent && t.startsWith('- '))) break;
        if (t.startsWith('- ') || t === '-') {
          if (itemIndent === -1) itemIndent = ind;
          if (ind !== itemIndent) continue;
          if (n === 0) {
            found = i;
            break;
          }
          n -= 1;
        }
      }
      if (found === -1) return line >= 0 ? line : null;
      line = found;
      indent = indentOf(lines[found]);
      continue;
    }
    const re = new RegExp(`^\\s*(?:-\\s+)?["']?${escapeRe(seg)}["']?\\s*:`);
    for (let i = line + 1; i < lines.length; i++) {
      const t = lines[i].trim();
      if (!t || t.startsWith('#')) continue;
      // a key of the same item may sit on the item's own `- ` line, so compare the key's column
      const keyCol = indentOf(lines[i]) + (t.startsWith('- ') ? 2 : 0);
      if (i > line + 1 && keyCol <= indent && line >= 0 && !lines[line].trim().startsWith('- ')) break;
      if (re.test(lines[i])) {
        found = i;
        break;
      }
    }
    if (found === -1) return line >= 0 ? line : null;
    line = found;
    indent = indentOf(lines[found]) + (lines[found].trim().startsWith('- ') ? 2 : 0);
  }
  return line >= 0 ? line : null;
}

function indentOf(s: string): number {
  return s.length - s.trimStart().length;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
