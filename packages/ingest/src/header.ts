// The script's header: student name, roll number and course line, read from the lines before the
// first part label (or the top of page 1), then matched against the roster when there is one.
import type { Header, Line } from '@grader/model';
import { unionBox } from './layout.ts';
import { findRoll, ocrDistance } from './roll.ts';
import { matchStudent, type Roster, rollStatedBelow, rosterInText } from './roster.ts';

const NAME_KEY = /\bn[a@]m[e3]\b\s*(?:of\s+(?:the\s+)?student)?\s*[:\-–—=.]*\s*/i;
/** A date as the course line writes it ("15/3/21", "15.03.2021"). */
const DATE = /\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b/;
/** What is left of a course line whose code OCR misread: "CT 3", "CS6…". */
const COURSE_TRACE = /\bC\s?T\s*-?\s*[0-9Il|]\b|\bCS\s?\d/i;
/** The confidence of an OCR'd header with a keyed field whose value was not read. */
const UNREAD_FIELD_CONF = 0.6;
const ROLL_KEY = /\b(?:r[o0]ll|reg(?:istration)?|id)\b\s*(?:n[o0]\.?|number|#)?\s*[:\-–—=.]*\s*/i;
const SEPARATORS = /\s*(?:\||—|–|\s-\s|\t|\s{3,})\s*/;

function titleCase(s: string): string {
  // OCR of block capitals ("MEERA JOSHI") reads better as a name in title case
  if (s !== s.toUpperCase()) return s;
  return s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

// words that introduce a name rather than belong to it: "Answer script of …", "Submitted by …"
// (and an online form's box before what was typed in it: "Your answer: Anirudh Venkatesh Iyer")
const NAME_LEAD =
  /^\s*(?:(?:answer\s*(?:script|sheet)|solutions?|answers?)\s+(?:of|by)|submitted\s+by|written\s+by|by|student|your\s+(?:answer|response)|response)\b[\s:,-]*/i;
/** The leads that say a name follows, whatever else the line holds. */
const STRONG_LEAD = /^\s*(?:answer\s*(?:script|sheet)\s+(?:of|by)|submitted\s+by|written\s+by)\b[\s:,-]*/i;
/** A byline: "By" before a capitalised name and a field ("By Devika Unnikrishnan, Roll No. …"). */
const BYLINE =
  /^\s*[Bb]y\s+(?=(?:[A-Z][a-z]+|[A-Z]{2,})(?:\s+(?:[A-Z][a-z]+|[A-Z]{2,})){1,3}\s*(?:,|\||—|\s{3,}|\b[Rr]oll\b|$))/;
/** A form's own words, never a student's name: "… and email address", "Required", "Your answer". */
const FORM_WORDS = /\b(?:e-?mail|address|required|your\s+answer|response)\b/i;

function cleanName(s: string): string | null {
  const t = s
    .replace(NAME_LEAD, '')
    .replace(/[^A-Za-z.'\s-]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.'-]+|[\s.'-]+$/g, '');
  const words = t.split(' ').filter((w) => /[A-Za-z]{2,}/.test(w));
  if (words.length === 0 || words.length > 5 || FORM_WORDS.test(t)) return null;
  return titleCase(words.join(' '));
}

/** The course line: the line (or the segment of it) holding the course code, tolerant of OCR slips. */
function findCourse(lines: Line[], code: string): { line: Line; text: string } | null {
  const want = code.toUpperCase().replace(/\s+/g, '');
  for (const line of lines) {
    const tokens = line.text.split(/\s+/);
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i].toUpperCase().replace(/[^A-Z0-9]/g, '');
      if (!tok) continue;
      const pair = `${tok}${(tokens[i + 1] ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
      const close = (t: string) => t.length >= want.length - 2 && ocrDistance(t, want) <= 2;
      if (close(tok) || (tok.length < want.length && close(pair))) {
        const start = line.text.indexOf(tokens[i]);
        const rest = line.text.slice(start);
        // (the course line ends at a separator, a field's key, or after its date: "CS60010 CT 3,
        // 15/3/21  ::  Kumaresh Thangaraj (20EC85041)" has the student after it)
        const stops = [
          rest.search(/\s*(?:\||::|\s[—–-]\s|\bname\b|\broll\b)/i),
          ...[/\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b/.exec(rest)].map((m) =>
            m ? m.index + m[0].length : -1,
          ),
        ].filter((x) => x > 0);
        const stop = stops.length ? Math.min(...stops) : -1;
        return { line, text: (stop > 0 ? rest.slice(0, stop) : rest).trim() };
      }
    }
  }
  return null;
}

/** Every word of `name` appears in the lines (OCR slips of one character forgiven). */
function nameWritten(name: string, lines: Line[]): boolean {
  const words = lines.flatMap((l) => l.text.toUpperCase().split(/[^A-Z]+/)).filter(Boolean);
  return name
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter((w) => w.length >= 2)
    .every((w) => words.some((x) => x === w || (w.length >= 4 && ocrDistance(x, w) <= 1)));
}

/** A line's text with a wide gap between two words (more than three of the line's heights) kept as three spaces. */
function gapped(line: Line): string {
  const ws = [...line.words].sort((a, b) => a.box.x - b.box.x);
  if (ws.length < 2 || /\s{3,}/.test(line.text)) return line.text;
  return ws
    .map((w, i) =>
      i && w.box.x - (ws[i - 1].box.x + ws[i - 1].box.w) > line.box.h * 3
        ? `   ${w.text}`
        : i
          ? ` ${w.text}`
          : w.text,
    )
    .join('');
}

export function readHeader(
  candidates: Line[],
  opts: {
    courseCode: string;
    roster?: Roster;
    preamble?: Line[];
    ocrPages?: ReadonlySet<number>;
    /** the script's typed lines below the header, where a roll may be stated late or corrected */
    below?: Line[];
  },
): Header {
  const used: Line[] = [];
  let name: string | null = null;
  let roll: string | null = null;
  let rollLine: Line | null = null;
  const course = findCourse(candidates, opts.courseCode);
  if (course) used.push(course.line);

  // 1. keyed fields: "Name: ...", "Roll No - ..."
  for (const line of candidates) {
    const t = line.text;
    const rk = ROLL_KEY.exec(t);
    if (!roll && rk) {
      const after = t.slice(rk.index + rk[0].length);
      const r = findRoll(after.slice(0, 24));
      if (r) {
        roll = r.roll;
        rollLine = line;
        used.push(line);
      }
    }
    // (read with its wide gaps: a field set far to the right on the line, "Deep Learning", is no
    // part of the name)
    const wide = gapped(line);
    const nk = NAME_KEY.exec(wide);
    if (!name && nk) {
      let after = wide.slice(nk.index + nk[0].length);
      const stop = after.search(/\broll\b|\breg|\||—|\s{3,}|\b[0-9]{2}[A-Z]{2}[0-9]/i);
      if (stop >= 0) after = after.slice(0, stop);
      name = cleanName(after);
      if (name) used.push(line);
    }
  }
  // 1b. a name after its lead on its line, fields after it ("Answer script of Meenakshi Venkatraman
  //     Roll No. 18CS13925"): before any capitalised line above it (a masthead, "The Recurrent Review")
  if (!name) {
    for (const line of candidates) {
      const lead = STRONG_LEAD.exec(gapped(line)) ?? BYLINE.exec(gapped(line));
      if (!lead) continue;
      let after = gapped(line).slice(lead[0].length);
      const stop = after.search(/\broll\b|\breg|\||—|\s{3,}|\b[0-9]{2}[A-Z]{2}[0-9]|,/i);
      if (stop >= 0) after = after.slice(0, stop);
      name = cleanName(after);
      if (name) {
        used.push(line);
        break;
      }
    }
  }
  // 2. unkeyed: a roll-like token anywhere; the name is the text before it on its line
  //    ("Pooja Kulkarni | 20MI10321 | CS60010 CT 3").
  if (!roll) {
    for (const line of candidates) {
      const noCourse = course && line === course.line ? line.text.replace(course.text, ' ') : line.text;
      const r = findRoll(noCourse);
      if (r && (r.exact || /[0-9]{2}/.test(r.roll))) {
        roll = r.roll;
        rollLine = line;
        used.push(line);
        if (!name) {
          const idx = noCourse.toUpperCase().indexOf(r.roll.slice(0, 4));
          const before = idx > 0 ? noCourse.slice(0, idx) : '';
          const seg = before
            .split(SEPARATORS)
            .filter((s) => s.trim())
            .pop();
          if (seg) name = cleanName(seg);
        }
        break;
      }
    }
  }
  // 3. a line of two to four capitalised words and nothing else, near the top, is a name
  if (!name) {
    // (one of normal size before one set large: a masthead or title above the header is no name, "THE
    // MORNING NEURON" over "Ankita Mahapatra"; a name set large alone is still the name)
    const heights = candidates.map((l) => l.box.h).sort((a, b) => a - b);
    const usual = heights[Math.floor(heights.length / 2)] ?? 0;
    const named = (opts.preamble ?? candidates).slice(0, 4).filter((line) => {
      if (course && line === course.line) return false;
      // ("Answer script of Nguyen Van Minh": the words after the lead are the name)
      const rest = line.text.replace(NAME_LEAD, '');
      const led = rest !== line.text;
      return (
        /^\s*(?:[A-Z][a-z]+|[A-Z]{2,})(?:\s+(?:[A-Z][a-z]+|[A-Z]{2,})){1,3}\s*$/.test(rest) &&
        (led || !/\b(test|class|answers?|deep|learning|exam)\b/i.test(line.text)) &&
        cleanName(line.text) !== null
      );
    });
    const line = named.find((l) => !usual || l.box.h <= usual * 1.6) ?? named[0];
    if (line) {
      name = cleanName(line.text);
      used.push(line);
    }
  }

  const region = used.length
    ? { page: used[0].page, box: unionBox(used.filter((l) => l.page === used[0].page).map((l) => l.box)) }
    : null;
  let conf = used.length ? used.reduce((s, l) => s + l.conf, 0) / used.length : 0;
  // a keyed field OCR read with no value after it ("Roll no:" in a hand, "Name:"), or a course line
  // whose date or "CT 3" was read and its code was not: the field was written and misread, so the
  // header was not read surely, whatever the lines that were read say
  const ocrLines = candidates.filter((l) => opts.ocrPages?.has(l.page));
  const rollKeyed = roll ? undefined : ocrLines.find((l) => ROLL_KEY.test(l.text));
  if (
    rollKeyed ||
    (!course && ocrLines.some((l) => DATE.test(l.text) || COURSE_TRACE.test(l.text))) ||
    (!name && ocrLines.some((l) => NAME_KEY.test(l.text)))
  )
    conf = Math.min(conf, UNREAD_FIELD_CONF, rollKeyed?.conf ?? 1);
  const issues: string[] = [];
  // with a roster, its matcher says what is missing (and names a likely student)
  if (!roll && !opts.roster) issues.push('no roll number found');
  if (!name) issues.push('no name found');
  if (!course) issues.push(`no course line (${opts.courseCode} …) found`);
  let match: Header['match'] = null;
  if (opts.roster) {
    const source = rollLine && opts.ocrPages?.has(rollLine.page) ? 'ocr' : 'text';
    // a name read from a title line ("KGP Evening Tensor") while the roll's own student's name is written
    // in full in the header too ("CS60010 CT 3, 15/3/21 Pallab Hazarika"): that is the name
    const own = roll && name ? opts.roster.find((e) => e.roll === roll) : undefined;
    if (own && source === 'text' && own.name !== name && nameWritten(own.name, candidates)) name = own.name;
    const m = matchStudent({ name, roll }, opts.roster, source);
    match = m.match;
    // an OCR'd header the fields could not be split from: the roster's students searched for in it
    const ocrHeader = candidates.slice(0, 4).filter((l) => opts.ocrPages?.has(l.page));
    const found =
      match || m.ambiguous ? null : rosterInText(ocrHeader.map((l) => l.text).join(' '), opts.roster);
    if (found) {
      match = found;
      if (!name) name = found.name;
      if (!roll) roll = found.roll;
      issues.splice(0, issues.length, ...issues.filter((i) => i !== 'no name found'));
    } else {
      // (no roll on top, or one nobody on the list has: a roll stated below, the name agreeing)
      const late =
        !match && !m.ambiguous && source === 'text'
          ? rollStatedBelow(
              [...candidates, ...(opts.below ?? [])].map((l) => l.text),
              name,
              opts.roster,
            )
          : null;
      if (late) {
        match = late;
        if (!roll)
          issues.push(`the roll number (${late.roll}) is written only below the answers, not on top`);
        roll = late.roll;
      } else for (const i of m.issues) if (!issues.includes(i)) issues.push(i);
    }
    // a roll OCR read that is on nobody's line of the class list is likelier misread than a stranger's
    if (!match && source === 'ocr') conf = Math.min(conf, UNREAD_FIELD_CONF);
    // the matched student's name written anywhere in the header (no `Name:` label) is the name
    if (match && !name && nameWritten(match.name, candidates)) {
      name = match.name;
      issues.splice(issues.indexOf('no name found'), 1);
    }
  } else if (roll && !/^[0-9]{2}[A-Z]{2}[0-9]{5}$/.test(roll)) {
    issues.push(`roll number "${roll}" does not have the usual form (e.g. 20CS10042)`);
  }
  return {
    name,
    roll,
    course: course?.text ?? null,
    region,
    conf: Math.max(0, Math.min(1, conf)),
    match,
    rosterChecked: !!opts.roster,
    issues,
  };
}
