// Build an ExtractedScript from labelled text, for tests and the benchmark: grading can be exercised
// on any wording without a PDF. Parts start with a line `## <part id>`; lines before the first
// label are the header (`Name: ...`, `Roll: ...`).
import type { ExtractedScript, Line, PartAnswer } from '@grader/model';

export interface TextScriptOptions {
  file?: string;
  /** extraction confidence given to every part (OCR-like scripts: lower) */
  conf?: number;
  source?: 'text' | 'ocr';
  /** header issues as ingestion would report them */
  issues?: string[];
  /** text that ingestion could not attach to a part */
  unlabelled?: string[];
  /** parts answered in more than one place */
  occurrences?: Record<string, number>;
}

export function scriptFromText(text: string, opts: TextScriptOptions = {}): ExtractedScript {
  const conf = opts.conf ?? 1;
  const parts: Record<string, PartAnswer> = {};
  const order: string[] = [];
  let name: string | null = null;
  let roll: string | null = null;
  let current: { id: string; lines: string[] } | null = null;
  let y = 40;
  const finish = () => {
    if (!current) return;
    const lines: Line[] = current.lines.map((t, i) => ({
      page: 1,
      text: t,
      box: { x: 50, y: y + i * 14, w: 400, h: 12 },
      conf,
      words: [],
    }));
    y += current.lines.length * 14 + 20;
    const id = current.id;
    parts[id] = {
      partId: id,
      text: current.lines.join('\n'),
      lines,
      regions: lines.length
        ? [{ page: 1, box: { x: 50, y: lines[0].box.y, w: 400, h: lines.length * 14 } }]
        : [],
      labelConf: 1,
      conf,
      occurrences: opts.occurrences?.[id] ?? 1,
    };
    order.push(id);
  };
  for (const raw of text.split('\n')) {
    const label = /^##\s*(\S+)/.exec(raw);
    if (label) {
      finish();
      current = { id: label[1], lines: [] };
      continue;
    }
    if (!current) {
      const n = /^\s*name\s*[:-]\s*(.+)$/i.exec(raw);
      const r = /^\s*roll(?: no)?\s*[:-]\s*(\S+)/i.exec(raw);
      if (n) name = n[1].trim();
      if (r) roll = r[1].trim();
      continue;
    }
    if (raw.trim()) current.lines.push(raw.trim());
  }
  finish();
  return {
    file: opts.file,
    pageCount: 1,
    pages: [{ page: 1, width: 595, height: 842, source: opts.source ?? 'text', conf, rotation: 0 }],
    header: {
      name,
      roll,
      course: 'CS60010 CT 3, 15/3/21',
      rosterChecked: false,
      region: null,
      conf,
      match: null,
      issues: opts.issues ?? [],
    },
    parts,
    order,
    unlabelled: (opts.unlabelled ?? []).map((t, i) => ({
      page: 1,
      text: t,
      box: { x: 50, y: 700 + i * 14, w: 400, h: 12 },
      conf,
      words: [],
    })),
    rough: [],
    warnings: [],
  };
}
