/** A run of text at the baseline, lowered (subscript) or raised (superscript). */
export interface Segment {
  text: string;
  kind: 'n' | 'sub' | 'sup';
}

/**
 * Split `f_{t+1}`, `C_t`, `tanh^2`, `s^T` markup into segments. Variants write their text with this
 * markup; typed scripts in plain-text style print it as it is, handwriting shows real sub/superscripts.
 */
export function parseMarkup(s: string): Segment[] {
  const out: Segment[] = [];
  let buf = '';
  const flush = () => {
    if (buf) out.push({ text: buf, kind: 'n' });
    buf = '';
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if ((ch === '_' || ch === '^') && i + 1 < s.length && s[i + 1] !== ' ') {
      const kind = ch === '_' ? 'sub' : 'sup';
      if (s[i + 1] === '{') {
        const end = s.indexOf('}', i + 2);
        if (end > 0) {
          flush();
          out.push({ text: s.slice(i + 2, end), kind });
          i = end;
          continue;
        }
      } else {
        flush();
        out.push({ text: s[i + 1], kind });
        i += 1;
        continue;
      }
    }
    buf += ch;
  }
  flush();
  return out;
}

/** the text with markup removed, as a text layer of real subscripts reads (Ct-1, tanh2) */
export function stripMarkup(s: string): string {
  return parseMarkup(s)
    .map((g) => g.text)
    .join('');
}
