/** Statistics: per-part histograms with mean/median, the distribution of totals, auto vs reviewed. */
import { api } from '../api.ts';
import { histogramSvg } from '../components.ts';
import { h, mount } from '../dom.ts';
import { fmtScore } from '../format.ts';
import { mean, median, scoresFromHistogram, toBins } from '../stats.ts';
import type { Stats } from '../types.ts';
import { examHeader, loadExam } from './common.ts';

export async function statsView(main: HTMLElement, params: Record<string, string>): Promise<undefined> {
  const { exam, role } = await loadExam(params.examId);
  const base = `/api/exams/${encodeURIComponent(exam.id)}`;
  const st = await api.get<Stats>(`${base}/stats`);
  // the API names it `total`; docs/api.md said `totals`
  const totals = st.totals ?? st.total ?? {};
  const totalScores = totals.scores ?? scoresFromHistogram(totals.histogram) ?? [];
  const totalsMax =
    totals.max ?? (st.parts.reduce((a, p) => a + (p.max ?? 0), 0) || Math.max(0, ...totalScores));
  const totMean = totals.mean ?? mean(totalScores);
  const totMedian = totals.median ?? median(totalScores);
  const auto = st.auto ?? st.parts.reduce((a, p) => a + (p.auto ?? 0), 0);
  const reviewed = st.reviewed ?? st.parts.reduce((a, p) => a + (p.reviewed ?? 0), 0);
  const all = auto + reviewed || 1;
  mount(
    main,
    examHeader(exam, role, 'stats'),
    h('h1', null, 'Statistics'),
    h(
      'div',
      { class: 'toolbar' },
      h('a', { class: 'button', href: `${base}/export.csv`, download: '' }, 'Export CSV'),
    ),
    h(
      'section',
      { class: 'card' },
      h('h2', null, 'Totals'),
      h(
        'p',
        null,
        `Mean ${fmtScore(totMean)}, median ${fmtScore(totMedian)}${totalsMax ? ` out of ${fmtScore(totalsMax)}` : ''}.`,
      ),
      histogramSvg(toBins(totals.histogram, totals.scores, totalsMax), {
        title: 'Distribution of totals',
        mean: totMean,
        median: totMedian,
        width: 640,
        height: 180,
      }),
      h(
        'div',
        {
          class: 'split',
          'aria-label': `Parts graded automatically: ${auto}; reviewed by a person: ${reviewed}`,
        },
        h('div', { class: 'split-auto', style: { width: `${(auto / all) * 100}%` } }),
        h('div', { class: 'split-rev', style: { width: `${(reviewed / all) * 100}%` } }),
      ),
      h(
        'p',
        { class: 'legend' },
        h('span', { class: 'swatch-box auto' }),
        ` graded automatically: ${auto} parts `,
        h('span', { class: 'swatch-box rev' }),
        ` reviewed by a person: ${reviewed} parts`,
      ),
      h(
        'p',
        { class: 'legend' },
        h('span', { class: 'swatch mean' }),
        ' mean ',
        h('span', { class: 'swatch median' }),
        ' median',
      ),
    ),
    h(
      'section',
      { class: 'grid' },
      st.parts.map((p) =>
        h(
          'div',
          { class: 'card' },
          h('h2', null, `Part ${p.partId}`),
          h(
            'p',
            { class: 'small' },
            `Mean ${fmtScore(p.mean ?? mean(p.scores ?? []))} · median ${fmtScore(p.median ?? median(p.scores ?? []))} · max ${fmtScore(p.max)}`,
            p.auto != null
              ? ` · auto ${p.auto}, reviewed ${p.reviewed ?? 0}${p.pending ? `, waiting ${p.pending}` : ''}`
              : '',
          ),
          histogramSvg(toBins(p.histogram, p.scores, p.max), {
            title: `Scores of part ${p.partId}`,
            mean: p.mean,
            median: p.median,
          }),
        ),
      ),
    ),
  );
  return undefined;
}
