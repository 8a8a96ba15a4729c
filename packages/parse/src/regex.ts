// Text a student wrote, set inside a regular expression built from it.

/** `text` with every regular-expression metacharacter escaped: a symbol such as `δ` or `C~` matched as written. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
