/** The UI against the in-memory contract mock (e2e/mock-api.ts): no database, no worker. */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Target } from './flow.ts';
import { createMockApi } from './mock-api.ts';

export async function startMockTarget(repoRoot: string, distDir: string): Promise<Target> {
  const samplesDir = join(repoRoot, 'samples');
  const server = createMockApi({ samplesDir, distDir });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const files = ['p01.pdf', 'p03.pdf', 'p04.pdf', 'p05.pdf', 'p07.pdf', 'p08.pdf'].map((f) =>
    join(samplesDir, f),
  );
  return {
    name: 'mock',
    baseUrl: `http://127.0.0.1:${port}`,
    accounts: {
      admin: { email: 'admin@example.edu', password: 'admin-pass' },
      ta: { email: 'ta@example.edu', password: 'ta-pass' },
      student: { email: '19mt30431@example.edu', password: 'student-pass' },
    },
    studentFile: files[0],
    zipped: join(samplesDir, 'p11.pdf'),
    files,
    stop: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
