// Whose script is it? A submission belongs to a student only once its identity is confirmed:
// the worker sets `studentId` for a safe roster match, a TA sets it by hand (audited). Until then
// (null) no student sees it, a release reaches nobody with it, and no student's CSV row counts it.

export type Identified = { studentId: string | null };

export const identityConfirmed = (s: Identified): s is { studentId: string } => s.studentId !== null;

/** The confirmed owner is this user. */
export const ownedBy = (s: Identified, userId: string): boolean =>
  identityConfirmed(s) && s.studentId === userId;
