/** "1 MiB (1048576 bytes)": a size limit as people read it, exact as well. */
export function describeLimit(bytes: number): string {
  const units: [string, number][] = [
    ['GiB', 2 ** 30],
    ['MiB', 2 ** 20],
    ['KiB', 2 ** 10],
  ];
  for (const [unit, size] of units) {
    if (bytes >= size) return `${Math.round((bytes / size) * 10) / 10} ${unit} (${bytes} bytes)`;
  }
  return `${bytes} bytes`;
}

export const tooLargeReason = (limit: number) => `larger than the limit of ${describeLimit(limit)} per file`;
