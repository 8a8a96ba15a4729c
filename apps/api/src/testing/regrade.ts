// Regrades run on the worker: tests wait for one to finish through the API, as the web page does.
import type { TestClient } from './client.ts';

/** Poll GET .../regrades/:id until the regrade is done or failed; its final view. */
export async function regradeSettled(
  c: TestClient,
  examId: string,
  regradeId: string,
  timeoutMs = 30_000,
): Promise<{ status: string; done: number; total: number; summary: any; error: string | null }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await c.get(`/api/exams/${examId}/regrades/${regradeId}`);
    if (r.status !== 200) throw new Error(`regrade ${regradeId}: ${r.status} ${JSON.stringify(r.data)}`);
    if (r.data.status === 'done' || r.data.status === 'failed') return r.data;
    if (Date.now() > until) throw new Error(`regrade ${regradeId} still ${r.data.status}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}
