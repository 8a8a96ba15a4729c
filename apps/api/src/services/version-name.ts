import { z } from 'zod';

/** A version's name, what a student copies onto a script: letters, digits, - and _ (as versions files). */
export const VersionName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/, 'letters, digits, - or _ (at most 16), e.g. A or v2');
