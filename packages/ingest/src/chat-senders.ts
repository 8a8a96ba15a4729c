// Answers pasted from a chat export (WhatsApp, Telegram, Slack, Teams): every message opens with its
// time and its sender, "15/03/21, 10:04 - Debarghya K: Q1(a)", "[15/03/21, 10:03:41] Ishpreet: Ans 1
// (b)", "10:02 AM — You: Soln. 5", "[10:02] Karthik N: Problem 1, Part A", "Me (10:45): …", or alone
// on its line above the message, "Kruti, [15.03.21 10:18]". The
// stamp and the sender are no answer, and before a label they hide it: blanked, so the label opens
// its line.
import type { Line } from '@grader/model';
import { blankedAt, retext } from './layout.ts';

const DATE = String.raw`\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}`;
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?`;
/** A sender: one to four words of letters (no digits: "Q1(a):" is a label), then a colon. */
const SENDER = String.raw`[\p{L}][\p{L}.'’\-]*(?:\s[\p{L}][\p{L}.'’\-]*){0,3}`;
const STAMP = String.raw`(?:\[\s*(?:${DATE},?\s*)?${TIME}\s*\]|(?:${DATE},?\s+)?${TIME})`;
/** "15/03/21, 10:04 - Name:", "[10:02] Name:", "10:02 AM — You:", "Me (10:45):" */
const HEADER = new RegExp(
  String.raw`^\s*(?:${STAMP}\s*(?:[-—–|]\s*)?(?<a>${SENDER})\s*:|(?<b>${SENDER})\s*[([]\s*${TIME}\s*[)\]]\s*:)(?=\s|$)`,
  'iu',
);

/** A message's header alone on its line, its text below (Telegram's export): "Kruti, [15.03.21 10:18]". */
const HEADER_LINE = new RegExp(
  String.raw`^\s*${SENDER},?\s*(?:\[\s*(?:${DATE},?\s*)?${TIME}\s*\]|\(\s*(?:${DATE},?\s*)?${TIME}\s*\))\s*$`,
  'iu',
);

/**
 * The lines with each of the student's messages' stamp and sender taken off, where three lines or more
 * open with one: the message then opens its line where the stamp did, at the margin, as a message
 * opens its bubble.
 */
export function withoutChatSenders(lines: Line[]): Line[] {
  const found = lines.map((l) => HEADER.exec(l.text));
  const alone = lines.map((l) => HEADER_LINE.test(l.text));
  if (found.filter(Boolean).length + alone.filter(Boolean).length < 3) return lines;
  // the student is who sends most; a friend's message keeps its sender before it, so that "Anbu: 2b
  // is zero" is no label of the student's
  const sender = (m: RegExpExecArray) => (m.groups?.a ?? m.groups?.b ?? '').trim().toLowerCase();
  const count = new Map<string, number>();
  for (const m of found) if (m) count.set(sender(m), (count.get(sender(m)) ?? 0) + 1);
  const most = Math.max(...count.values());
  const own = new Set([...count].filter(([, n]) => n === most).map(([name]) => name));
  return lines.map((l, i) => {
    // (a header alone on its line, whoever sent the message: its time is no value of the answer above)
    if (alone[i]) return blankedAt(l, 0, l.text.length);
    const m = found[i];
    if (!m || !own.has(sender(m))) return l;
    const out = blankedAt(l, m.index, m[0].length);
    return retext(out, out.text.trimStart(), out.words);
  });
}
