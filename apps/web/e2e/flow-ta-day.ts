/**
 * The TA's day, continued (appended to the flow): the submissions list a page at a time and sorted,
 * withdraw / restore / delete with their confirmations, the similarity view, the regrade-request
 * card, and a stack split on page thumbnails. Runs after the main flow (grades released).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Account, Target } from './flow.ts';
import { expect, type Harness } from './harness.ts';

export interface FlowContext {
  ta: Page;
  examUrl: string;
  ids: Map<string, string>;
  login(page: Page, who: Account): Promise<void>;
  labelsOk(page: Page): Promise<void>;
}

/** One PDF of several scripts, page after page (poppler's pdfunite or MuPDF's mutool). */
function buildStack(files: string[]): string | null {
  const out = join(mkdtempSync(join(tmpdir(), 'e2e-stack-')), 'stack.pdf');
  for (const [cmd, args] of [
    ['pdfunite', [...files, out]],
    ['mutool', ['merge', '-o', out, ...files]],
  ] as const) {
    try {
      execFileSync(cmd, args, { stdio: 'ignore' });
      return out;
    } catch {
      // not installed: the next one
    }
  }
  return null;
}

export async function runTaDaySteps(h: Harness, t: Target, c: FlowContext): Promise<void> {
  const { ta, ids } = c;
  const rows = ta.locator('table[data-testid=submissions] tbody tr');
  const openExam = async () => {
    await ta.goto(c.examUrl);
    await ta.getByRole('heading', { level: 2, name: 'Submissions' }).waitFor();
    await rows.first().waitFor();
  };

  await h.step('submissions list: sorted by score, a page at a time, with the total', async () => {
    await openExam();
    await ta.getByLabel('Per page').selectOption('5');
    await ta.getByTestId('page-of').waitFor();
    expect((await rows.count()) === 5, `page 1 has ${await rows.count()} rows`);
    const count = (await ta.getByTestId('list-count').textContent()) ?? '';
    expect(/Showing 1–5 of \d+/.test(count), `count: ${count}`);
    await ta.getByRole('button', { name: 'Next →' }).click();
    await ta.getByText(/^Page 2 of/).waitFor();
    await ta.getByLabel('Sort by').selectOption('score');
    await ta.getByText(/^Page 1 of/).waitFor();
    const totals = await rows
      .locator('td.num')
      .evaluateAll((els) =>
        els.filter((_, i) => i % 2 === 0).map((e) => Number.parseFloat(e.textContent ?? '')),
      );
    const known = totals.filter((x) => !Number.isNaN(x));
    expect(
      known.every((x, i) => i === 0 || known[i - 1] >= x),
      `not sorted by score: ${totals.join(', ')}`,
    );
    await c.labelsOk(ta);
    await h.shot(ta, '20-list-sorted-paged');
    await ta.getByLabel('Per page').selectOption('50');
    await ta.getByLabel('Sort by').selectOption('uploaded');
  });

  await h.step(
    'withdraw a script (reason), find it under Withdrawn, restore it; delete one by name',
    async () => {
      await openExam();
      const id = ids.get('broken.pdf')!;
      const row = ta.locator(`tr[data-id="${id}"]`);
      await row.getByRole('button', { name: 'Withdraw broken.pdf' }).click();
      const dlg = ta.getByTestId('withdraw-confirm');
      await dlg.waitFor();
      expect(await dlg.getByRole('button', { name: 'Withdraw' }).isDisabled(), 'withdraw without a reason');
      await dlg.getByLabel(/Reason/).fill('a blank page scanned by mistake');
      await dlg.getByRole('button', { name: 'Withdraw' }).click();
      await ta.getByText('broken.pdf: withdrawn.').waitFor();
      await row.waitFor({ state: 'detached' });
      await ta.getByLabel('Show').selectOption('withdrawn');
      await row.getByTestId('withdrawn').waitFor();
      await h.shot(ta, '21-withdrawn');
      await row.getByRole('button', { name: 'Restore broken.pdf' }).click();
      await ta.getByTestId('restore-confirm').getByRole('button', { name: 'Restore' }).click();
      await ta.getByText('broken.pdf: restored.').waitFor();
      await ta.getByLabel('Show').selectOption('all');
      await row.waitFor();

      await row.getByRole('button', { name: 'Delete broken.pdf' }).click();
      const del = ta.getByTestId('delete-confirm');
      await del.getByLabel(/Reason/).fill('not a script');
      await del.getByLabel(/Type the file name/).fill('broken');
      expect(
        await del.getByRole('button', { name: 'Delete for good' }).isDisabled(),
        'delete without the name',
      );
      await del.getByLabel(/Type the file name/).fill('broken.pdf');
      await h.shot(ta, '22-delete-confirm');
      await del.getByRole('button', { name: 'Delete for good' }).click();
      await ta.getByText('broken.pdf: deleted.').waitFor();
      await row.waitFor({ state: 'detached' });
      ids.delete('broken.pdf');
    },
  );

  await h.step(
    'a released grade its student sees cannot be deleted: the error says un-release first',
    async () => {
      const name = basename(t.studentFile);
      const examId = decodeURIComponent(c.examUrl.split('/exams/')[1] ?? '').replace(/\/.*$/, '');
      const released = await ta.evaluate(
        async (id) => (await (await fetch(`/api/exams/${id}/release`)).json()).releasedAt,
        examId,
      );
      // (a failed release step earlier would make this delete succeed: do not run it then)
      if (!released) throw new Error('grades are not released: cannot check the refusal');
      const row = ta.locator(`tr[data-id="${ids.get(name)}"]`);
      await row.getByRole('button', { name: `Delete ${name}` }).click();
      const del = ta.getByTestId('delete-confirm');
      await del.getByLabel(/Reason/).fill('trying');
      await del.getByLabel(/Type the file name/).fill(name);
      h.allowHttpErrors(/\/api\/submissions\/[^/]+$/);
      await del.getByRole('button', { name: 'Delete for good' }).click();
      // the server's refusal, not the dialog's own help text (which also says "un-released")
      await del
        .getByRole('alert')
        .getByText(/un-release/)
        .waitFor();
      await del.getByRole('button', { name: 'Cancel' }).click();
      await row.waitFor();
      // the browser reports the 409 a moment after the page shows it: let that arrive first
      await ta.waitForTimeout(500);
      h.allowHttpErrors(null);
    },
  );

  await h.step('similarity: the two scripts side by side with the shared values marked', async () => {
    const [mine, other] = t.similar ?? [basename(t.studentFile), basename(t.files[1])];
    const [a, b] = [ids.get(mine)!, ids.get(other)!];
    await ta.goto(c.examUrl.replace(/#.*$/, `#/submissions/${a}`));
    const link = ta.getByTestId('compare-link');
    if (await link.count()) await link.first().click();
    else await ta.goto(c.examUrl.replace(/#.*$/, `#/submissions/${a}/similar/${b}`));
    await ta.getByRole('heading', { level: 1, name: `Compare ${mine} and ${other}` }).waitFor();
    const evidence = ta.getByTestId('similarity-evidence');
    await evidence.waitFor();
    const listed = await evidence.locator('li').count();
    const marked = await ta.locator('[data-testid=compare] [data-mark]').count();
    expect(listed === 0 || marked > 0, `${listed} shared values listed but nothing marked`);
    if (t.similar) expect(listed > 0 || marked > 0, 'a similar pair with no evidence shown');
    await c.labelsOk(ta);
    await h.shot(ta, '23-compare');
  });

  await h.step(
    "regrade-request card: the part's current score, its maximum and the answer's crop",
    async () => {
      const student = await h.newPage();
      // the password was changed by the flow's last step
      await c.login(student, {
        email: t.accounts.student.email,
        password: `${t.accounts.student.password}-new`,
      });
      await student.locator('.sub-card a').first().click();
      const part = student
        .locator('article.part', { has: student.getByText('Ask for a regrade of this part') })
        .first();
      await part.getByText('Ask for a regrade of this part').click();
      await part.getByLabel(/What should be looked at again/).fill('Please check the value I wrote here.');
      await part.getByRole('button', { name: 'Send request' }).click();
      await student.getByText('Waiting for an answer.').waitFor();
      await ta.goto(c.examUrl.replace(/\/?$/, '/requests'));
      const current = ta.getByTestId('rr-current').first();
      await current.waitFor();
      const text = (await current.textContent()) ?? '';
      expect(/Current score: .*\d/.test(text), `card: ${text}`);
      await ta.getByTestId('rr-crop').first().locator('img').waitFor();
      await h.shot(ta, '24-request-card');
      await ta.getByLabel('Answer to the student').first().fill('Checked: the score stands.');
      await ta.getByRole('button', { name: 'Send answer' }).first().click();
      await ta.getByText('No open requests.').waitFor();
    },
  );

  await h.step(
    'stack split: thumbnails with split points, move one, confirm: one submission per script',
    async () => {
      const stack = buildStack([t.files[0], t.files[3]]);
      if (!stack) {
        console.log('  (no pdfunite or mutool: stack step skipped)');
        return;
      }
      await openExam();
      await ta.getByLabel(/Split into scripts/).check();
      await ta.locator('#upload-input').setInputFiles(stack);
      await ta.getByRole('link', { name: 'Check the split of stack.pdf' }).click();
      await ta.getByRole('heading', { level: 1, name: 'Split stack.pdf into scripts' }).waitFor();
      const thumbs = ta.locator('[data-testid=thumbs] li');
      await thumbs.first().waitFor({ timeout: 120_000 });
      const n = await thumbs.count();
      expect(n >= 4, `${n} thumbnails`);
      // whatever was proposed, end with the right split: scripts start at pages 1 and 3
      for (let p = 2; p <= n; p++) {
        const starts = (await thumbs.nth(p - 1).getAttribute('data-start')) === 'yes';
        if (starts !== (p === 3))
          await ta
            .getByRole('button', { name: new RegExp(`(Remove the split before|Split before) page ${p}$`) })
            .click();
      }
      const summary = ta.getByTestId('split-summary');
      expect(((await summary.textContent()) ?? '').startsWith('2 script(s)'), 'not two scripts');
      // move the split a page later and back
      await ta.getByRole('button', { name: 'Move the split at page 3 one page later' }).click();
      await ta.getByText(/pages 1–3, pages 4/).waitFor();
      await ta.getByRole('button', { name: 'Move the split at page 4 one page earlier' }).click();
      await ta.getByText(/pages 1–2, pages 3–4/).waitFor();
      await c.labelsOk(ta);
      await h.shot(ta, '25-stack-split');
      await ta.getByTestId('confirm-split').click();
      await ta.getByText(/Split into 2 submission/).waitFor();
      await openExam();
      for (const range of ['1-2', '3-4']) {
        const row = rows.filter({ hasText: `stack.pdf#pages=${range}` });
        await row.waitFor();
        await ta.waitForFunction(
          (name) =>
            [...document.querySelectorAll('table[data-testid=submissions] tbody tr')].some(
              (r) =>
                r.textContent?.includes(name) &&
                ['graded', 'needs_review'].includes(
                  r.querySelector('[data-status]')?.getAttribute('data-status') ?? '',
                ),
            ),
          `stack.pdf#pages=${range}`,
          { timeout: 120_000 },
        );
      }
      await h.shot(ta, '26-stack-scripts');
    },
  );
}
