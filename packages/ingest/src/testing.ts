// Helpers for tests: lines as the layout step would produce them.
import type { Line, PageInfo } from '@grader/model';

/** Lines of text on one page, one per entry, 20 pt apart; leading spaces indent by 6 pt each. */
export function linesOf(text: string, page = 1, conf = 1, startY = 60): Line[] {
  return text
    .split('\n')
    .filter((t) => t.trim() !== '')
    .map((t, i) => {
      const indent = t.length - t.trimStart().length;
      const body = t.trim();
      const x = 72 + indent * 6;
      const y = startY + i * 20;
      const box = { x, y, w: body.length * 6, h: 12 };
      let cx = x;
      const words = body.split(/\s+/).map((w) => {
        const wb = { x: cx, y, w: w.length * 6, h: 12 };
        cx += (w.length + 1) * 6;
        return { text: w, box: wb, conf };
      });
      return { page, text: body, box, conf, words };
    });
}

export function pageInfo(page: number, source: PageInfo['source'] = 'text'): PageInfo {
  return { page, width: 595, height: 842, source, conf: 1, rotation: 0 };
}

/** CS60010 CT3's parts as the exam lists them (ids and label paths), for tests that read whole scripts. */
export const CT3_PARTS = [
  { id: '1a', path: ['1', 'a'] },
  { id: '1b.i', path: ['1', 'b', 'i'] },
  { id: '1b.ii', path: ['1', 'b', 'ii'] },
  { id: '2a', path: ['2', 'a'] },
  { id: '2b', path: ['2', 'b'] },
  { id: '3a', path: ['3', 'a'] },
  { id: '3b', path: ['3', 'b'] },
  { id: '3c', path: ['3', 'c'] },
  { id: '4a', path: ['4', 'a'] },
  { id: '4b', path: ['4', 'b'] },
  { id: '5', path: ['5'] },
];
