// What grading needs besides the rubric and the script: the exam's keys, parameters and review threshold.
import type { Keys } from './keys.ts';

export interface GradingContext {
  /** computeKeys(exam) output */
  keys: Keys;
  /** the exam's parameters (for error-carried-forward arguments such as `q1b.o`) */
  params: Record<string, unknown>;
  reviewThreshold: number;
}
