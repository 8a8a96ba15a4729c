/**
 * The end-to-end flow through the UI, the same whichever server is behind it: sign in as each role,
 * upload scripts, watch them grade, review, override, statistics, roster, rubric edit and regrade,
 * parameters, a student's feedback with the box on their page, and a refused foreign script.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { runTaDaySteps } from './flow-ta-day.ts';
import { expect, type Harness } from './harness.ts';

export interface Account {
  email: string;
  password: string;
}
export interface Target {
  name: string;
  baseUrl: string;
  accounts: { admin: Account; ta: Account; student: Account };
  /** the PDF that belongs to `accounts.student` */
  studentFile: string;
  /** PDFs to upload (text-layer samples; the real server also gets scans it OCRs) */
  files: string[];
  /** one more PDF, uploaded inside a zip */
  zipped: string;
  /**
   * Two uploaded scripts (file names) the server flags for similarity, each naming the other; by
   * default the student's file and the second one.
   */
  similar?: [string, string];
  /**
   * A script (file name) that arrives with its identity unconfirmed, the student it is (added by a
   * class list import in the flow) and a way to sign in as that student (a fixture step).
   */
  unconfirmed?: { file: string; roll: string; name: string; email: string; login(): Promise<Account> };
  stop(): Promise<void>;
}

export async function runFlow(h: Harness, t: Target): Promise<void> {
  const url = (hash = '') => `${t.baseUrl}/${hash}`;
  let examUrl = '';
  const ids = new Map<string, string>(); // file name -> submission id

  async function login(page: Page, who: Account): Promise<void> {
    await page.goto(url('#/login'));
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
  }

  async function labelsOk(page: Page): Promise<void> {
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input:not([type=hidden]), textarea, select')]
        .filter(
          (el) =>
            !(el.id && document.querySelector(`label[for="${el.id}"]`)) &&
            !el.getAttribute('aria-label') &&
            !el.closest('label'),
        )
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unlabelled.length === 0, `inputs without a label: ${unlabelled.join(', ')}`);
  }

  // ---------- TA ----------
  const ta = await h.newPage();
  await h.step('login page: wrong password is refused with a message', async () => {
    await ta.goto(url('#/login'));
    await h.shot(ta, '01-login');
    await ta.getByLabel('Email').fill(t.accounts.ta.email);
    await ta.getByLabel('Password').fill('wrong-password');
    h.allowHttpErrors(/\/api\/auth\/login$/);
    await ta.getByRole('button', { name: 'Sign in' }).click();
    await ta.getByRole('alert').waitFor();
    h.allowHttpErrors(null);
    await labelsOk(ta);
  });

  await h.step('TA signs in and opens the exam', async () => {
    await login(ta, t.accounts.ta);
    const link = ta.locator('main a[href^="#/exams/"]').first();
    await link.click();
    await ta.getByRole('heading', { level: 2, name: 'Upload scripts' }).waitFor();
    examUrl = ta.url();
  });

  await h.step('TA uploads scripts by drag-and-drop and file picker; a non-PDF is rejected', async () => {
    // drop the first two files on the zone, as a browser drag would
    const dropped = t.files
      .slice(0, 2)
      .map((f) => ({ name: basename(f), b64: readFileSync(f).toString('base64') }));
    await ta.evaluate((files) => {
      const dt = new DataTransfer();
      for (const f of files) {
        const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], f.name, { type: 'application/pdf' }));
      }
      const zone = document.querySelector('[data-testid=dropzone]')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, dropped);
    await ta.getByText(/2 uploaded/).waitFor({ timeout: 30_000 });
    await ta.locator('#upload-input').setInputFiles([
      ...t.files
        .slice(2)
        .map((f) => ({ name: basename(f), mimeType: 'application/pdf', buffer: readFileSync(f) })),
      // refused at upload: not a PDF at all
      { name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('this is not a pdf at all') },
      // accepted (it starts like a PDF) and fails when read: must show up as a failure with a reason
      {
        name: 'broken.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage'),
      },
      // a zip with one more script in it
      {
        name: 'more.zip',
        mimeType: 'application/zip',
        buffer: Buffer.from(zipSync({ [basename(t.zipped)]: new Uint8Array(readFileSync(t.zipped)) })),
      },
    ]);
    await ta.getByText(/uploaded/).waitFor({ timeout: 30_000 });
    await ta.getByText('notes.pdf').waitFor();
    await ta.locator('[role=progressbar][aria-label="Batch progress"]').waitFor({ timeout: 10_000 });
    await h.shot(ta, '02-upload-progress');
  });

  await h.step('the batch grades: live progress reaches every file, statuses final', async () => {
    const rows = ta.locator('table[data-testid=submissions] tbody tr');
    const deadline = Date.now() + 240_000;
    for (;;) {
      const statuses = await rows
        .locator('[data-status]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
      const final = statuses.filter((s) => s === 'graded' || s === 'needs_review' || s === 'failed');
      // the files, the zipped one and broken.pdf
      if (statuses.length >= t.files.length + 2 && final.length === statuses.length) break;
      if (Date.now() > deadline) throw new Error(`not finished: ${statuses.join(',')}`);
      await ta.waitForTimeout(500);
    }
    const batchText = (await ta.locator('.batch').textContent()) ?? '';
    expect(/done/.test(batchText), `batch progress text: ${batchText}`);
    for (const r of await rows.all()) {
      const name = ((await r.locator('td a').first().textContent()) ?? '').trim();
      ids.set(name, (await r.getAttribute('data-id'))!);
    }
    expect(ids.has(basename(t.studentFile)), `student's file missing from ${[...ids.keys()]}`);
    expect(ids.has(basename(t.zipped)), `the zipped file is missing from ${[...ids.keys()]}`);
    await labelsOk(ta);
    await h.shot(ta, '03-dashboard');
  });

  await h.step(
    'flags: a Flags column with a filter; the script shows each reason and links the other',
    async () => {
      const [mine, other] = t.similar ?? [basename(t.studentFile), basename(t.files[1])];
      const row = (f: string) => ta.locator(`table[data-testid=submissions] tr[data-id="${ids.get(f)}"]`);
      // the flags that compare scripts are set once the whole batch is graded: reload until shown
      const deadline = Date.now() + 30_000;
      for (;;) {
        await ta.reload();
        const shown = row(mine).locator('[data-flag=similarity]');
        const found = await shown
          .waitFor({ timeout: 2_000 })
          .then(() => true)
          .catch(() => false);
        if (found) break;
        if (Date.now() > deadline) throw new Error(`${mine} was not flagged for similarity with ${other}`);
      }
      await ta.getByLabel('Show').selectOption('flag:similarity');
      await ta.getByTestId('filter-count').waitFor();
      const shown = ta.locator('table[data-testid=submissions] tbody tr');
      const n = await shown.count();
      expect(n >= 2 && n < ids.size, `similarity filter shows ${n} of ${ids.size}`);
      for (const r of await shown.all())
        expect((await r.locator('[data-flag=similarity]').count()) === 1, 'a row without the flag is shown');
      await ta.getByLabel('Show').selectOption('flagged');
      expect((await shown.count()) >= 2, 'flagged filter lost the flagged rows');
      await labelsOk(ta);
      await h.shot(ta, '03a-flags');
      await ta.getByLabel('Show').selectOption('all');
      await ta.getByTestId('list-count').waitFor(); // the server answered the unfiltered list
      expect((await shown.count()) === ids.size, 'all: not every row is back');

      await row(mine).locator('td a').first().click();
      const banner = ta.getByTestId('flag-banner');
      await banner.waitFor();
      const text = (await banner.textContent()) ?? '';
      expect(/Similarity/.test(text) && text.includes(other), `banner: ${text}`);
      await h.shot(ta, '03c-flag-banner');
      await banner.getByRole('link', { name: `open ${other}` }).click();
      await ta.getByRole('heading', { level: 1, name: other }).waitFor();
      await ta.getByTestId('flag-banner').getByText(mine).waitFor();
      await ta.goto(examUrl);
      await ta.getByRole('heading', { level: 2, name: 'Submissions' }).waitFor();
    },
  );

  await h.step('a file that cannot be read is listed with its reason and can be retried', async () => {
    const failures = ta.locator('section', { has: ta.getByRole('heading', { name: /^Failures/ }) });
    const item = failures.locator('li', { hasText: 'broken.pdf' });
    await item.waitFor();
    const reason = ((await item.textContent()) ?? '').replace('broken.pdf', '').replace('Retry', '').trim();
    expect(reason.length > 3 && !/no reason given/.test(reason), `no reason shown: "${reason}"`);
    await item.getByRole('button', { name: 'Retry' }).click();
    // back in the pipeline, then failed again for the same reason
    const id = ids.get('broken.pdf')!;
    for (const failed of [false, true]) {
      await ta.waitForFunction(
        ([id, failed]) =>
          (document.querySelector(`tr[data-id="${id}"] [data-status]`)?.getAttribute('data-status') ===
            'failed') ===
          failed,
        [id, failed] as const,
        { timeout: 60_000 },
      );
    }
    await failures.locator('li', { hasText: 'broken.pdf' }).waitFor();
    expect((await ta.locator('main [role=alert]').count()) === 0, 'an error was shown after Retry');
    await h.shot(ta, '03b-failure');
  });

  await h.step('review queue: crop of the page, item keys, n/p, grade a group', async () => {
    await ta.getByRole('link', { name: 'Review queue' }).click();
    await ta.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    const groups = ta.locator('.queue-item');
    await groups
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(() => {
        throw new Error(
          'the review queue is empty: no uploaded part was sent to a person (the scanned sample usually has some)',
        );
      });
    const before = await groups.count();
    // find a group whose answer was located on a page (a blank answer has no crop) and check its crop
    let withCrop = -1;
    for (let i = 0; i < before && withCrop < 0; i++) {
      await groups.nth(i).click();
      await ta.locator('.crop-card').first().waitFor({ timeout: 15_000 });
      if ((await ta.locator('.crop img').count()) > 0) withCrop = i;
    }
    expect(withCrop >= 0, 'no review group has a crop of the page');
    await ta.waitForFunction(() => {
      const i = document.querySelector<HTMLImageElement>('.crop img');
      return !!i && i.complete && i.naturalWidth > 0;
    });
    expect((await ta.locator('.crop [data-testid=evidence-box]').count()) > 0, 'no box on the crop');
    await h.shot(ta, '04-review');
    // how much is left, and the detail panel stays in view while the list scrolls
    const left = (await ta.locator('.queue-left').textContent()) ?? '';
    expect(/^\d+ left in \d+ groups?$/.test(left), `queue count: ${left}`);
    const sticky = await ta.evaluate(
      () => getComputedStyle(document.querySelector('.queue-detail-wrap')!).position,
    );
    expect(sticky === 'sticky', `detail panel position: ${sticky}`);
    if (before > 1) {
      await groups.nth(0).click();
      await ta.locator('h1').click(); // keys go to the page, not the focused button
      await ta.keyboard.press('n');
      expect(
        (await groups.nth(1).getAttribute('aria-current')) === 'true',
        'n did not move to the next group',
      );
      await ta.keyboard.press('p');
      expect((await groups.nth(0).getAttribute('aria-current')) === 'true', 'p did not move back');
    }
    const score = ta.getByLabel(/^Score/);
    await ta.keyboard.press('1');
    const afterKey = await score.inputValue();
    expect(afterKey !== '', 'key 1 set no score');
    await score.fill('1');
    await ta.getByRole('button', { name: /Grade all|Save grade/ }).click();
    await ta.getByText(/Saved 1 for/).waitFor();
    const after = await groups.count();
    expect(
      after < before || (await ta.getByText('Nothing left to review').count()) > 0,
      `groups ${before} -> ${after}`,
    );
  });

  await h.step('script view: every page with part boxes; override a part with a comment', async () => {
    const id = ids.get(basename(t.studentFile))!;
    await ta.goto(url(`#/submissions/${id}`));
    await ta.locator('.page img').first().waitFor();
    await ta.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.pages .page img')].every(
        (i) => i.complete && i.naturalWidth > 0,
      ),
    );
    expect(
      (await ta.locator('.pages [data-testid=evidence-box]').count()) >= 3,
      'fewer than 3 part boxes on the pages',
    );
    const part = ta.locator('article.part').first();
    await part.getByText('Override this part').click();
    await part.getByLabel(/New score/).fill('0.5');
    await part.getByLabel(/Why/).fill('Checked by hand: half credit for the setup');
    await part.getByRole('button', { name: 'Save override' }).click();
    await ta.getByText('TA comment: Checked by hand').waitFor();
    await h.shot(ta, '05-script');
  });

  await h.step('statistics: histograms per part and totals; CSV export', async () => {
    await ta.goto(examUrl.replace(/\/?$/, '/stats'));
    await ta.getByRole('heading', { level: 1, name: 'Statistics' }).waitFor();
    expect((await ta.locator('svg.chart').count()) >= 2, 'no charts');
    expect((await ta.locator('svg.chart rect.bar').count()) > 0, 'no bars');
    const csv = await ta.evaluate(
      async (href) => (await fetch(href)).text(),
      (await ta.getByRole('link', { name: 'Export CSV' }).getAttribute('href'))!,
    );
    expect(/^roll,name,/.test(csv) && /total/.test(csv.split('\n')[0]), `CSV header: ${csv.split('\n')[0]}`);
    await h.shot(ta, '06-stats');
  });

  await h.step('roster matching: an unmatched header is shown and can be searched', async () => {
    await ta.goto(examUrl.replace(/\/?$/, '/roster'));
    await ta.getByRole('heading', { level: 1, name: 'Roster matching' }).waitFor();
    // p07.pdf has a name but no roll number: it is listed, with the top of its page
    await ta.locator('.roster-card', { hasText: 'p07.pdf' }).waitFor();
    await ta.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('.roster-card img')).every(
        (i) => i.complete && i.naturalWidth > 0,
      ),
    );
    await labelsOk(ta);
    await h.shot(ta, '07-roster');
  });

  const u = t.unconfirmed;
  if (u) {
    await h.step(
      'TA imports the class list: bad lines reported, nothing imported; then a good one',
      async () => {
        const size = async () => (await ta.getByTestId('class-size').textContent()) ?? '';
        const before = await size();
        const upload = async (csv: string) => {
          await ta.getByLabel('Class list (CSV)').setInputFiles({
            name: 'class.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from(csv),
          });
          await ta.getByRole('button', { name: 'Import class list' }).click();
        };
        h.allowHttpErrors(/\/roster$/);
        await upload(
          `name,roll,email\n${u.name},${u.roll},${u.email}\nNo Roll,,x@grader.test\nBad Mail,21XX00001,nope\n`,
        );
        const errors = ta.getByTestId('line-errors');
        await errors.waitFor();
        h.allowHttpErrors(null);
        const text = (await errors.textContent()) ?? '';
        expect(/3\s*roll/.test(text) && /4\s*email/.test(text), `line errors: ${text}`);
        expect((await size()) === before, `imported despite errors: ${before} -> ${await size()}`);
        await h.shot(ta, '07b-roster-import-errors');
        await upload(`name,roll,email\n${u.name},${u.roll},${u.email}\n`);
        await ta.getByText(/^Class list imported: 1 student/).waitFor();
        // the count is refetched after the message shows: give it a moment to arrive
        for (let k = 0; k < 50 && (await size()) === before; k++) await ta.waitForTimeout(100);
        expect((await size()) !== before, 'the class list did not grow');
      },
    );

    await h.step('TA matches an unconfirmed script: search the class list, assign, confirm', async () => {
      const card = ta.locator('.roster-card', { hasText: u.file });
      await card.getByTestId('header-why').waitFor(); // why it is unconfirmed (the header flag)
      await card.getByLabel('Find the student').fill(u.name.split(' ')[0].slice(0, 3));
      await card.getByRole('button', { name: `${u.name} (${u.roll})` }).click();
      await card.getByRole('button', { name: `Confirm ${u.name}` }).click();
      await card.getByText(`Identity confirmed: ${u.name} (${u.roll})`).waitFor();
      await labelsOk(ta);
      await h.shot(ta, '07c-roster-confirmed');
      await ta.goto(examUrl);
      const cell = ta.locator(`tr[data-id="${ids.get(u.file)}"] td[data-identity]`);
      await cell.waitFor();
      expect((await cell.getAttribute('data-identity')) === 'confirmed', 'the list still says unconfirmed');
      expect(((await cell.textContent()) ?? '').includes(u.name), 'the list does not name the student');
    });
  }

  await h.step(
    'TA releases after a confirmation of what is pending; un-releases; releases again',
    async () => {
      await ta.goto(examUrl);
      await ta.getByRole('button', { name: 'Release grades to students…' }).click();
      const confirm = ta.getByRole('dialog', { name: 'Release grades?' });
      await confirm.waitFor();
      const text = (await confirm.textContent()) ?? '';
      // p07.pdf has no roll number (broken.pdf no header at all): unconfirmed, kept from students
      expect(/will be shown to their students/.test(text), `confirmation: ${text}`);
      expect(/[1-9]\d* script\(s\) whose student is unconfirmed/.test(text), `confirmation: ${text}`);
      await h.shot(ta, '07a-release-confirm');
      await confirm.getByRole('button', { name: 'Release now' }).click();
      await ta.getByText(/^Grades released to students\./).waitFor();
      await ta.getByRole('button', { name: 'Un-release…' }).click();
      await ta
        .getByRole('dialog', { name: 'Un-release grades?' })
        .getByRole('button', { name: 'Un-release now' })
        .click();
      await ta.getByText('Grades withdrawn: students no longer see them.').waitFor();
      await ta.getByRole('button', { name: 'Release grades to students…' }).click();
      await ta
        .getByRole('dialog', { name: 'Release grades?' })
        .getByRole('button', { name: 'Release now' })
        .click();
      await ta.getByText(/^Grades released to students\./).waitFor();
    },
  );

  await h.step('TA changes a released part; the student will see the change', async () => {
    const id = ids.get(basename(t.studentFile))!;
    await ta.goto(url(`#/submissions/${id}`));
    const part = ta.locator('article.part').nth(2);
    await part.waitFor();
    await part.getByText('Override this part').click();
    const score = part.getByLabel(/New score/);
    // a score other than the current one, so there is a change to see
    await score.fill(Number(await score.inputValue()) > 0 ? '0' : '0.5');
    await part.getByLabel(/Why/).fill('Released by mistake: the answer is for another question');
    await part.getByRole('button', { name: 'Save override' }).click();
    await ta.getByText('TA comment: Released by mistake').waitFor();
  });

  if (u) {
    await h.step('the student of the matched script sees it after release', async () => {
      const page = await h.newPage();
      await login(page, await u.login());
      await page.locator('.sub-card a').first().click();
      await page.getByRole('heading', { level: 1, name: 'Your script' }).waitFor();
      await page.locator('article.part').first().waitFor();
      expect(page.url().includes(ids.get(u.file)!), `opened ${page.url()}`);
      await h.shot(page, '12b-matched-student');
    });
  }

  // ---------- admin ----------
  const admin = await h.newPage();
  await h.step('admin: invalid rubric shows the error at the field; preview; save regrades', async () => {
    await login(admin, t.accounts.admin);
    await admin.goto(examUrl.replace(/\/?$/, '/rubric'));
    const text = admin.locator('#rubric-yaml');
    await text.waitFor();
    const original = await text.inputValue();
    // break the first `points:` value
    const broken = original.replace(/points:\s*[\d.]+/, 'points: -1');
    expect(broken !== original, 'no points: line in the rubric YAML to edit');
    await text.fill(broken);
    h.allowHttpErrors(/\/rubric(\/preview)?$/);
    await admin.getByRole('button', { name: 'Preview changes' }).click();
    await admin.locator('#rubric-errors [role=alert]').waitFor();
    h.allowHttpErrors(null);
    expect(
      (await admin.locator('.gutter-mark').count()) > 0 ||
        /line \d+/.test((await admin.locator('#rubric-errors').textContent()) ?? ''),
      'error not tied to a line',
    );
    await h.shot(admin, '08-rubric-error');
    // a change that moves scores and keeps the rubric valid: 1b.i no longer needs its work shown
    // (bare correct answers now score); a rubric without work rules gets 3b worth one point more
    let edited = original.replace(/(id:\s*["']?1b\.i["']?[\s\S]*?required:\s*)true/, '$1false');
    if (edited === original)
      edited = original.replace(
        /(id:\s*["']?3b["']?\s*\n\s*points:\s*)([\d.]+)/,
        (_, a, p) => `${a}${Number(p) + 1}`,
      );
    expect(edited !== original, 'found nothing to edit in the rubric');
    await text.fill(edited);
    await admin.getByRole('button', { name: 'Preview changes' }).click();
    await admin.getByText('If you save').waitFor();
    await admin.getByRole('button', { name: 'Save and regrade' }).click();
    // the regrade runs on the worker (202): "Saved as version" once it is done, with the summary
    await admin.getByText(/Saved as version/).waitFor({ timeout: 60_000 });
    const summary = (await admin.locator('[data-testid=rubric-summary]').textContent()) ?? '';
    expect(/\d+ of \d+/.test(summary), `summary: ${summary}`);
    await h.shot(admin, '09-rubric-saved');
  });

  await h.step('admin: parameters change recomputes keys, old next to new', async () => {
    await admin.goto(examUrl.replace(/\/?$/, '/parameters'));
    await admin.getByRole('heading', { level: 1, name: 'Exam parameters' }).waitFor();
    // Q5's filter size: 4 -> 3 changes the output size and the multiplications of part 5
    const existing = admin.locator('input[name="5.filter"]');
    if (await existing.count()) await existing.fill('3');
    else {
      await admin.getByLabel('Name', { exact: true }).fill('5.filter');
      await admin.getByLabel('Value', { exact: true }).fill('3');
    }
    await admin.getByRole('button', { name: /Save, recompute/ }).click();
    await admin.locator('[data-testid=keys] tr.changed').first().waitFor({ timeout: 60_000 });
    // the regrade on the new keys, followed to its end (the next change would be 409 meanwhile)
    await admin.getByText(/Saved\. Keys recomputed; \d+ of \d+ scripts changed/).waitFor({ timeout: 60_000 });
    await h.shot(admin, '10-parameters');
  });

  await h.step('admin: users and roles of the course', async () => {
    await admin.goto(examUrl);
    await admin.getByRole('link', { name: 'Users & roles' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Users and roles' }).waitFor();
    await labelsOk(admin);
    await h.shot(admin, '11-members');
  });

  await h.step("admin edits a member's name and roll", async () => {
    const row = admin.locator('tbody tr', { hasText: t.accounts.ta.email });
    await row.getByRole('button', { name: /^Edit / }).click();
    await labelsOk(admin);
    await row.getByLabel('Name', { exact: true }).fill('Edited TA');
    await row.getByLabel('Roll', { exact: true }).fill('TA-0001');
    await row.getByRole('button', { name: 'Save' }).click();
    await admin.getByText('Saved Edited TA.').waitFor();
    const saved = (await admin.locator('tbody tr', { hasText: t.accounts.ta.email }).textContent()) ?? '';
    expect(saved.includes('Edited TA') && saved.includes('TA-0001'), `row after edit: ${saved}`);
  });

  // ---------- student ----------
  const student = await h.newPage();
  await h.step('student sees their grade part by part with the box on their own page', async () => {
    await login(student, t.accounts.student);
    await student.locator('.sub-card a').first().waitFor();
    await h.shot(student, '12a-student-home');
    await student.locator('.sub-card a').first().click();
    await student.getByRole('heading', { level: 1, name: 'Your script' }).waitFor();
    await student.locator('article.part').first().waitFor();
    await student.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.pages .page img')].every(
        (i) => i.complete && i.naturalWidth > 0,
      ),
    );
    expect(
      (await student.locator('.pages [data-testid=evidence-box]').count()) > 0,
      'no evidence box on the page',
    );
    expect((await student.locator('.items-list li').count()) > 0, 'no rubric items listed');
    // what changed since release: the TA's change to part 3 (old -> new, why, when)
    const history = student.getByTestId('grade-history');
    await history.waitFor();
    const changes = (await history.textContent()) ?? '';
    expect(
      /Part \S+: [\d.]+ → [\d.]+/.test(changes) && /Released by mistake/.test(changes),
      `history: ${changes}`,
    );
    // parts a TA set by hand keep no "✕ missed" lines from the automatic grade
    for (const p of await student.locator('article.part', { has: student.locator('.badge-info') }).all())
      expect((await p.locator('.items-list li').count()) === 0, 'an overridden part still lists its items');
    // each part card carries the crop of the student's own answer
    const crop = student.locator('article.part .crop img').first();
    await crop.scrollIntoViewIfNeeded();
    await student.waitForFunction(() => {
      const i = document.querySelector<HTMLImageElement>('article.part .crop img');
      return !!i && i.complete && i.naturalWidth > 0;
    });
    await h.shot(student, '12-student');
  });

  await h.step('student asks for a regrade of a part', async () => {
    const part = student.locator('article.part').nth(1);
    await part.getByText('Ask for a regrade of this part').click();
    await part
      .getByLabel(/What should be looked at again/)
      .fill('I showed the computation on page 2, please look again.');
    await part.getByRole('button', { name: 'Send request' }).click();
    await student.getByText('Waiting for an answer.').waitFor();
  });

  await h.step("student is refused another student's script (page and API)", async () => {
    const other = [...ids.entries()].find(([f]) => f !== basename(t.studentFile))![1];
    h.allowHttpErrors(new RegExp(`/api/submissions/${other}`));
    await student.goto(url(`#/my/${other}`));
    await student.getByRole('alert').waitFor();
    const text = (await student.locator('main').textContent()) ?? '';
    expect(/not found|permission/i.test(text), `unexpected page: ${text.slice(0, 200)}`);
    const status = await student.evaluate(async (id) => {
      const a = await fetch(`/api/submissions/${id}`);
      const b = await fetch(`/api/submissions/${id}/pages/1.png`);
      return [a.status, b.status];
    }, other);
    h.allowHttpErrors(null);
    expect(
      status.every((s) => s === 403 || s === 404),
      `statuses ${status}`,
    );
    await h.shot(student, '13-refused');
  });

  await h.step('TA answers the regrade request', async () => {
    await ta.goto(examUrl.replace(/\/?$/, '/requests'));
    await ta
      .getByLabel('Answer to the student')
      .first()
      .fill('Looked again: the computation is there, score kept.');
    await ta.getByRole('button', { name: 'Send answer' }).first().click();
    await ta.getByText('No open requests.').waitFor();
  });

  await h.step('phone width: the student page fits without sideways scrolling', async () => {
    const phone = await h.newPage({ width: 390, height: 844 });
    await login(phone, t.accounts.student);
    await phone.locator('.sub-card a').first().click();
    await phone.locator('article.part').first().waitFor();
    await phone
      .getByText(/Answer:/)
      .first()
      .waitFor();
    const over = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(over <= 1, `page is ${over}px wider than the phone`);
    await h.shot(phone, '14-student-phone');
  });

  await h.step('phone width: the TA dashboard and review queue fit too', async () => {
    const phone = await h.newPage({ width: 390, height: 844 });
    await login(phone, t.accounts.ta);
    for (const [path, name, ready] of [
      ['', '15-dashboard-phone', 'table[data-testid=submissions]'],
      ['/review', '16-review-phone', '.queue-detail h2, .queue-detail .alert'],
    ] as const) {
      await phone.goto(examUrl.replace(/\/?$/, path));
      await phone.locator(ready).first().waitFor();
      const over = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(over <= 1, `${name}: page is ${over}px wider than the phone`);
      await h.shot(phone, name);
    }
  });

  // ---------- exam versions ----------
  await h.step('admin creates two exam versions and downloads a paper', async () => {
    await admin.goto(examUrl.replace(/\/?$/, '/versions'));
    await admin.getByRole('heading', { level: 1, name: 'Exam versions' }).waitFor();
    await labelsOk(admin);
    for (const [name, params] of [
      ['A', ''],
      ['B', '3.hidden=4\n5.padding=0'],
    ]) {
      await admin.getByLabel('Version name').fill(name);
      await admin.getByLabel('Parameters', { exact: true }).fill(params);
      await admin.getByRole('button', { name: 'Add version' }).click();
      await admin.getByText(new RegExp(`^Version ${name} added`)).waitFor({ timeout: 60_000 });
    }
    await admin.locator('[data-testid=versions] tr[data-version=B]').waitFor();
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: 'Paper (Version B)' }).click(),
    ]);
    expect(/version-B\.pdf$/.test(download.suggestedFilename()), `paper: ${download.suggestedFilename()}`);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString() === '%PDF-', 'the paper is not a PDF');
    await h.shot(admin, '18-versions');
  });

  await h.step('TA assigns versions through the class list import; the roster shows them', async () => {
    await ta.goto(examUrl.replace(/\/?$/, '/roster'));
    await ta.getByRole('heading', { level: 1, name: 'Roster matching' }).waitFor();
    const examId = decodeURIComponent(examUrl.split('#/exams/')[1].split(/[/?]/)[0]);
    const me = await ta.evaluate(
      async ({ examId, email }) => {
        const r = await fetch(`/api/exams/${encodeURIComponent(examId)}/roster`);
        const list = (await r.json()) as { students: { email: string; roll: string; name: string }[] };
        return list.students.find((s) => s.email === email) ?? null;
      },
      { examId, email: t.accounts.student.email },
    );
    expect(me, 'the student is not on the class list');
    await ta.getByLabel('Class list (CSV)').setInputFiles({
      name: 'versions.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`roll,name,version\n${me.roll},"${me.name}",B\n`),
    });
    await ta.getByRole('button', { name: 'Import class list' }).click();
    await ta.getByText(/Versions: 1 assigned, 1 changed/).waitFor({ timeout: 60_000 });
    // the change's regrade runs on the worker: the student's grade is on version B once it is done
    const settled = await ta.evaluate(async (examId) => {
      for (let i = 0; i < 600; i++) {
        const r = await fetch(`/api/exams/${encodeURIComponent(examId)}/regrades/latest`);
        const run = ((await r.json()) as { regrade: { status: string } | null }).regrade;
        if (run && (run.status === 'done' || run.status === 'failed')) return run.status;
        await new Promise((ok) => setTimeout(ok, 100));
      }
      return 'still running';
    }, examId);
    expect(settled === 'done', `the class list's regrade: ${settled}`);
    // the table is redrawn after the import: wait for the row as it is now, not as it was
    const row = ta.locator('[data-testid=roster-versions] tr', { hasText: me.roll });
    const shown = await row
      .locator('td', { hasText: /^\s*B\s*$/ })
      .first()
      .waitFor({ timeout: 30_000 })
      .then(() => true)
      .catch(() => false);
    expect(shown, `the roster does not show version B (row: ${await row.first().textContent()})`);
    await h.shot(ta, '19-roster-versions');
  });

  await h.step("student sees their version's feedback and its paper", async () => {
    await student.goto(url(`#/my/${ids.get(basename(t.studentFile))}`));
    const mine = student.getByTestId('my-version');
    await mine.waitFor();
    expect(/Version B/.test((await mine.textContent()) ?? ''), 'the feedback does not name version B');
    const [download] = await Promise.all([
      student.waitForEvent('download'),
      mine.getByRole('link', { name: 'Question paper (Version B)' }).click(),
    ]);
    expect(/version-B\.pdf$/.test(download.suggestedFilename()), `paper: ${download.suggestedFilename()}`);
    await h.shot(student, '20-student-version');
  });

  await h.step('student changes their password; the other device is signed out', async () => {
    const page = await h.newPage();
    await login(page, t.accounts.student);
    await page.locator('a.who').click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await labelsOk(page);
    const fresh = `${t.accounts.student.password}-new`;
    await page.getByLabel('Current password').fill(t.accounts.student.password);
    await page.getByLabel('New password', { exact: true }).fill(fresh);
    await page.getByLabel('New password again').fill(fresh);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText(/Password changed/).waitFor();
    await h.shot(page, '17-password');
    h.allowHttpErrors(/\/api\/auth\/me$/);
    const status = await student.evaluate(async () => (await fetch('/api/auth/me')).status);
    h.allowHttpErrors(null);
    expect(status === 401, `the other session answered ${status}`);
  });

  // the TA's day, continued: list paging and sorting, withdraw/delete, similarity view, request card, stacks
  await runTaDaySteps(h, t, { ta, examUrl, ids, login, labelsOk });
}
