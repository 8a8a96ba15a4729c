// `npm run test:e2e`: the web UI's end-to-end run (apps/web/e2e) against the real stack. The stack
// is two apps (the API and the worker); apps do not import each other, so the repository starts it
// here, in this process, and hands it to the web app's runner.
import { exitWith, runE2E } from '@grader/web/e2e';
import { startRealTarget } from './e2e-real-target.ts';

exitWith(runE2E({ startRealTarget }));
