/** The per-line problems of a refused class list, from the API's fields `{"line N: field": message}`. */
export function lineIssues(
  fields: Record<string, string>,
): { line: number; field: string; message: string }[] {
  return Object.entries(fields)
    .map(([k, message]) => {
      const m = /^line (\d+): (.+)$/.exec(k);
      return m ? { line: Number(m[1]), field: m[2], message } : { line: 0, field: k, message };
    })
    .sort((a, b) => a.line - b.line);
}
