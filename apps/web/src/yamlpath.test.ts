import { describe, expect, it } from 'vitest';
import { lineOfPath } from './yamlpath.ts';

const YAML = `# rubric
version: 1
parts:
  - id: "1a"
    points: 3
    items:
      - id: a
        points: 1
      - id: b
        points: 2
        tolerance: 0.01
  - id: "1b.i"
    points: 1
    key: { engine: lstm }
`;

describe('lineOfPath', () => {
  const lines = YAML.split('\n');
  it('finds keys under list items', () => {
    const l = lineOfPath(YAML, 'parts.0.items.1.tolerance');
    expect(lines[l!]).toContain('tolerance: 0.01');
    expect(lines[lineOfPath(YAML, 'parts.1.points')!]).toContain('points: 1');
    expect(lines[lineOfPath(YAML, 'parts.1.key')!]).toContain('key:');
  });
  it('reads bracket indices as the API writes them', () => {
    expect(lineOfPath(YAML, 'parts[0].items[1].tolerance')).toBe(
      lineOfPath(YAML, 'parts.0.items.1.tolerance'),
    );
  });
  it('finds a key on the item line itself', () => {
    expect(lines[lineOfPath(YAML, 'parts.1.id')!]).toContain('1b.i');
  });
  it('falls back to the deepest line found, or null', () => {
    expect(lines[lineOfPath(YAML, 'parts.0.items.5.points')!]).toContain('items:');
    expect(lineOfPath(YAML, 'nothing.here')).toBeNull();
  });
});
