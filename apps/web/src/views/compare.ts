/**
 * Two scripts side by side, part by part, with what the grader found they share marked: the
 * unusual wrong values (numbers) and the odd sentences. The evidence comes from the API (the
 * grader's own similarity check); this view only finds it in the text to mark it.
 */
import { api } from '../api.ts';
import { notice } from '../components.ts';
import { h, mount } from '../dom.ts';
import { comparePartIds } from '../format.ts';
import { type Evidence, markSpans, sharedNumbers } from '../marks.ts';
import { href } from '../router.ts';

interface Side {
  id: string;
  fileName: string;
  student: { name: string | null; roll: string | null } | null;
  similarity: string | null;
  answers: Record<string, { text: string }>;
}

interface Comparison {
  partIds: string[];
  a: Side;
  b: Side;
  evidence: Evidence;
}

function answerText(text: string, numbers: string[], sentences: string[], who: string): HTMLElement {
  if (!text.trim()) return h('p', { class: 'muted' }, 'No answer read for this part.');
  return h(
    'pre',
    { class: 'answer-text', 'aria-label': `Answer of ${who}` },
    markSpans(text, numbers, sentences).map((s) =>
      s.mark
        ? h(
            'mark',
            {
              class: `mark-${s.mark}`,
              'data-mark': s.mark,
              title: s.mark === 'value' ? 'the same unusual value' : 'the same unusual sentence',
            },
            s.text,
          )
        : s.text,
    ),
  );
}

export async function compareView(main: HTMLElement, params: Record<string, string>): Promise<undefined> {
  const c = await api.get<Comparison>(
    `/api/submissions/${encodeURIComponent(params.id)}/similar/${encodeURIComponent(params.otherId)}`,
  );
  const who = (s: Side) =>
    `${s.fileName}${s.student?.name || s.student?.roll ? ` (${[s.student.name, s.student.roll].filter(Boolean).join(', ')})` : ''}`;
  // the exam's order (the API's), or sorted when absent
  const parts = (
    c.partIds?.length ? c.partIds : Object.keys({ ...c.a.answers, ...c.b.answers }).sort(comparePartIds)
  ).filter((p) => c.a.answers[p]?.text || c.b.answers[p]?.text);
  const shared = c.evidence.values;
  mount(
    main,
    h('p', { class: 'crumbs' }, h('a', { href: href('script', { id: c.a.id }) }, `Back to ${c.a.fileName}`)),
    h('h1', null, `Compare ${c.a.fileName} and ${c.b.fileName}`),
    c.a.similarity ? h('p', null, h('strong', null, '⚑ Similarity: '), c.a.similarity) : null,
    h(
      'section',
      { class: 'card', 'data-testid': 'similarity-evidence' },
      h('h2', null, 'What the grader found shared'),
      shared.length
        ? h(
            'ul',
            null,
            shared.map((v) =>
              h(
                'li',
                null,
                `Part ${v.partId}: `,
                h('mark', { class: 'mark-value' }, v.value),
                ` (written by ${v.scripts} script${v.scripts === 1 ? '' : 's'} of the exam)`,
              ),
            ),
          )
        : h('p', null, 'No shared wrong values.'),
      h(
        'p',
        null,
        c.evidence.sentences.length
          ? `${c.evidence.sentences.length} word sequence(s) both wrote that no other script has are marked below as `
          : 'No shared unusual sentences.',
        c.evidence.sentences.length ? h('mark', { class: 'mark-sentence' }, 'shared sentence') : null,
        c.evidence.sentences.length ? '; values as ' : null,
        c.evidence.sentences.length ? h('mark', { class: 'mark-value' }, 'shared value') : null,
        c.evidence.sentences.length ? '.' : null,
      ),
    ),
    parts.length === 0
      ? notice('Neither script has answers read.', 'info')
      : h(
          'div',
          { class: 'compare', 'data-testid': 'compare' },
          h(
            'div',
            { class: 'compare-row compare-head' },
            [c.a, c.b].map((s) => h('h2', null, h('a', { href: href('script', { id: s.id }) }, who(s)))),
          ),
          parts.map((p) => {
            const nums = sharedNumbers(c.evidence, p);
            return h(
              'section',
              { class: 'compare-part', 'data-part': p },
              h('h3', null, `Part ${p}`),
              h(
                'div',
                { class: 'compare-row' },
                [c.a, c.b].map((s) =>
                  h(
                    'div',
                    null,
                    answerText(s.answers[p]?.text ?? '', nums, c.evidence.sentences, s.fileName),
                  ),
                ),
              ),
            );
          }),
        ),
  );
  return undefined;
}
