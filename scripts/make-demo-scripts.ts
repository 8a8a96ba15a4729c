// The project's own demo answer scripts for CT3: a handful of typed PDFs with different answers
// (all correct with work, bare answers, carried-forward errors, slips, missing parts). Generated with
// pdfkit and the DejaVu font (for ⊙ × σ ∂), so the repository ships no binary samples.
// `tsx scripts/make-demo-scripts.ts [OUT_DIR]` (default var/demo-scripts).
import { createWriteStream, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');

export interface DemoScript {
  file: string;
  roll: string;
  name: string;
  /** what the script is meant to show, for the README and the results table */
  note: string;
}

type Answers = Record<string, string>;

const GOOD: Answers = {
  'Q1 a)': 'i. f_t → 3   ii. i_t → 4   iii. o_t → 8   iv. C_t → 10   v. C_{t-1} → 1   vi. C̃_t → 6',
  'Q1 b) i)':
    'C_t = f_t ⊙ C_{t-1} + i_t ⊙ C̃_t (element-wise)\n1st: 1 × 0.2 + 1 × 0.5 = 0.7\n2nd: 0.5 × 0.4 + 0 × 0 = 0.2\n3rd: 0 × 0.8 + 0.5 × 0.1 = 0.05\nSo C_t = {0.7, 0.2, 0.05}',
  'Q1 b) ii)': 'h_t = o_t ⊙ tanh(C_t) = {1 × tanh(0.7), 0 × tanh(0.2), 0 × tanh(0.05)}\n= {0.604, 0, 0}',
  'Q2 a)': 'e_kj = s_{k-1}^T h_j (dot product of the previous decoder state and the j-th encoder state)',
  'Q2 b)':
    '0 additional parameters: the dot-product score has no learnable weights, and C_k has the same size as h_n.',
  'Q3 a)': 'W_f is 3 × 5, since [h_{t-1}, x_t] has 3 + 2 = 5 entries and the hidden size is 3.',
  'Q3 b)': 'b_f is 3 × 1: one bias per hidden unit (hidden size 3).',
  'Q3 c)': '4 gates, each 3 × 5 weights + 3 biases: 4 × (3 × 5 + 3) = 4 × 18 = 72',
  'Q4 a)':
    'Two paths from c_t to the loss: through h_t and through c_{t+1}. Chain rule on both, then add:\n∂L/∂c_t = ∂L/∂h_t · ∂h_t/∂c_t + ∂L/∂c_{t+1} · ∂c_{t+1}/∂c_t\nfrom h_t = o_t ⊙ tanh(c_t): ∂h_t/∂c_t = o_t ⊙ (1 − tanh²(c_t))\nfrom c_{t+1} = f_{t+1} ⊙ c_t + i_{t+1} ⊙ C̃_{t+1}: ∂c_{t+1}/∂c_t = f_{t+1}\n∂L/∂c_t = ∂L/∂h_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + ∂L/∂c_{t+1} ⊙ f_{t+1}',
  'Q4 b)':
    'Unrolling the recursion, ∂L/∂c_1 contains the product of the forget gates ∏ f_t from T down to 2. With f_t = 1 that product is 1, so the gradient reaches c_1 without shrinking: no vanishing gradient, and long-term dependencies can be learned.',
  Q5: 'Depthwise: (200 + 2·1 − 4)/1 + 1 = 199, so the output is 199 × 199 × 3.\nPointwise: 1 × 1 × 3 filters, 10 of them: 199 × 199 × 10.\nMultiplications: depthwise 199 · 199 · 3 · 16 = 1,900,848; pointwise 199 · 199 · 3 · 10 = 1,188,030.\nTotal = 3,088,878',
};

const BARE: Answers = {
  'Q1 a)': 'f_t → 3, i_t → 4, o_t → 8, C_t → 10, C_{t-1} → 1, C̃_t → 6',
  'Q1 b) i)': 'C_t = {0.7, 0.2, 0.05}',
  'Q1 b) ii)': 'h_t = {0.604, 0, 0}',
  'Q2 a)': 'e_kj = s_{k-1}^T h_j',
  'Q2 b)': '0',
  'Q3 a)': '3 × 5',
  'Q3 b)': '3',
  'Q3 c)': '72',
  'Q4 a)': '∂L/∂c_t = ∂L/∂h_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + ∂L/∂c_{t+1} ⊙ f_{t+1}',
  'Q4 b)': 'LSTMs solve the vanishing gradient problem.',
  Q5: '199 × 199 × 3, 199 × 199 × 10, 3088878',
};

const SCRIPTS: Array<DemoScript & { answers: Answers }> = [
  {
    file: 'demo-01.pdf',
    roll: '21CS10001',
    name: 'Aarav Sharma',
    note: 'all correct, work shown',
    answers: GOOD,
  },
  {
    file: 'demo-02.pdf',
    roll: '21CS10002',
    name: 'Bhavna Rao',
    note: 'correct answers, no work',
    answers: BARE,
  },
  {
    file: 'demo-03.pdf',
    roll: '21CS10003',
    name: 'Chetan Iyer',
    note: 'W_f 3 × 2 carried into 3c; no padding in 5',
    answers: {
      ...GOOD,
      'Q3 a)': 'W_f is 3 × 2, since x_t has dimension 2 and the hidden size is 3.',
      'Q3 c)': '4 gates, each 3 × 2 weights + 3 biases: 4 × (3 × 2 + 3) = 4 × 9 = 36',
      Q5: 'Depthwise: (200 − 4)/1 + 1 = 197, output 197 × 197 × 3.\nPointwise output 197 × 197 × 10.\nMultiplications: 197 · 197 · 3 · 16 = 1,862,832 plus 197 · 197 · 3 · 10 = 1,164,270.\nTotal = 3,027,102',
    },
  },
  {
    file: 'demo-04.pdf',
    roll: '21CS10004',
    name: 'Deepa Nair',
    note: 'additive attention, 9 extra parameters, slip in 1b',
    answers: {
      ...GOOD,
      'Q1 b) i)':
        'C_t = f_t ⊙ C_{t-1} + i_t ⊙ C̃_t\n1st: 1 × 0.2 + 1 × 0.5 = 0.7\n2nd: 0.5 × 0.4 + 0 × 0 = 0.2\n3rd: 0 × 0.8 + 0.5 × 0.1 = 0.5\nSo C_t = {0.7, 0.2, 0.5}',
      'Q2 a)': 'e_kj = v^T tanh(W [s_{k-1}; h_j])',
      'Q2 b)': 'We need an extra weight matrix W_a of size 3 × 3, so 9 more parameters.',
    },
  },
  {
    file: 'demo-05.pdf',
    roll: '21CS10005',
    name: 'Esha Gupta',
    note: 'questions 4 and 5 not answered',
    answers: Object.fromEntries(Object.entries(GOOD).filter(([k]) => !k.startsWith('Q4') && k !== 'Q5')),
  },
  {
    file: 'demo-06.pdf',
    roll: '21CS10006',
    name: 'Farhan Ali',
    note: 'f_t instead of f_{t+1} in 4a; bare claim in 4b',
    answers: {
      ...GOOD,
      'Q4 a)':
        'By the chain rule over the two paths:\n∂L/∂c_t = ∂L/∂h_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + ∂L/∂c_{t+1} ⊙ f_t',
      'Q4 b)': 'LSTM solves vanishing gradients because of the gates.',
    },
  },
];

function writePdf(path: string, s: DemoScript & { answers: Answers }): Promise<void> {
  return new Promise((resolvePdf, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: `CS60010 CT3 — ${s.name}`, CreationDate: new Date('2021-03-15T10:00:00Z') },
    });
    const out = createWriteStream(path);
    out.on('finish', () => resolvePdf());
    out.on('error', reject);
    doc.pipe(out);
    doc.registerFont('dejavu', FONT);
    doc.font('dejavu').fontSize(12);
    doc.text(`Name: ${s.name}`);
    doc.text(`Roll No: ${s.roll}`);
    doc.text('CS60010 CT 3, 15/3/21');
    doc.moveDown(1.5);
    doc.fontSize(11);
    for (const [label, text] of Object.entries(s.answers)) {
      if (doc.y > 700) doc.addPage();
      doc.text(`${label} ${text.split('\n')[0]}`);
      for (const line of text.split('\n').slice(1)) doc.text(`    ${line}`);
      doc.moveDown(0.8);
    }
    doc.end();
  });
}

/** Write the demo scripts into `outDir`; returns who wrote what. */
export async function makeDemoScripts(outDir: string): Promise<DemoScript[]> {
  mkdirSync(outDir, { recursive: true });
  for (const s of SCRIPTS) await writePdf(join(outDir, s.file), s);
  return SCRIPTS.map(({ answers: _a, ...rest }) => rest);
}

/** `n` distinct scripts (the demo variants in turn, each with its own student): for benchmarks. */
export async function makeManyScripts(outDir: string, n: number): Promise<DemoScript[]> {
  mkdirSync(outDir, { recursive: true });
  const out: DemoScript[] = [];
  for (let i = 0; i < n; i++) {
    const v = SCRIPTS[i % SCRIPTS.length];
    const s = {
      ...v,
      file: `script-${String(i + 1).padStart(4, '0')}.pdf`,
      roll: `22CS${String(10000 + i).padStart(5, '0')}`,
      name: `Student ${i + 1}`,
    };
    await writePdf(join(outDir, s.file), s);
    out.push({ file: s.file, roll: s.roll, name: s.name, note: s.note });
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? 'var/demo-scripts');
  const made = await makeDemoScripts(outDir);
  for (const s of made) console.log(`${join(outDir, s.file)}  ${s.roll}  ${s.name}  (${s.note})`);
}
