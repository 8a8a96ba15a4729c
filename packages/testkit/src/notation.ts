import type { Rng } from './rng.ts';

/**
 * How one student writes symbols. Each script draws a profile, so the same variant reads differently
 * from script to script (⊙ or * or .*, ∂L/∂c_t or dL/dc_t, 3,088,878 or 30,88,878, ...).
 */
export interface NotationProfile {
  had: '⊙' | '*' | '∘' | '.*' | 'o';
  mul: '×' | 'x' | '*' | '·';
  partial: '∂' | 'd';
  tanh2: 'sup' | 'caret' | 'paren';
  tilde: 'comb' | 'ascii' | 'word';
  arrow: '→' | '->' | ':' | '=' | '-';
  brackets: '[]' | '{}' | '()';
  sigma: 'σ' | 'sigma';
  prod: '∏' | 'prod' | 'Π';
  transpose: 'ᵀ' | '^T' | '^⊤';
  grouping: 'intl' | 'plain' | 'indian';
  leadingZero: boolean;
  approx: '≈' | '~' | '=';
}

export function randomProfile(rng: Rng, opts: { scan: boolean }): NotationProfile {
  const unicode = rng.chance(opts.scan ? 0.45 : 0.6);
  return {
    had: unicode ? rng.pick(['⊙', '⊙', '∘', '*'] as const) : rng.pick(['*', '*', '.*', 'o'] as const),
    mul: unicode ? rng.pick(['×', '×', '·'] as const) : rng.pick(['x', '*', 'x'] as const),
    partial: unicode ? rng.pick(['∂', '∂', 'd'] as const) : 'd',
    tanh2: unicode
      ? rng.pick(['sup', 'sup', 'caret', 'paren'] as const)
      : rng.pick(['caret', 'paren'] as const),
    tilde: unicode ? rng.pick(['comb', 'comb', 'ascii'] as const) : rng.pick(['ascii', 'word'] as const),
    arrow: unicode ? rng.pick(['→', '→', ':', '='] as const) : rng.pick(['->', ':', '-', '='] as const),
    brackets: rng.pick(['[]', '[]', '{}', '()'] as const),
    sigma: unicode ? 'σ' : 'sigma',
    prod: unicode ? rng.pick(['∏', '∏', 'Π'] as const) : 'prod',
    transpose: unicode ? rng.pick(['ᵀ', '^T', '^⊤'] as const) : '^T',
    grouping: rng.pick(['intl', 'intl', 'plain', 'indian'] as const),
    leadingZero: rng.chance(0.85),
    approx: unicode ? rng.pick(['≈', '≈', '~'] as const) : rng.pick(['~', '='] as const),
  };
}

/** The writing helpers a variant uses; all output is plain text with `_x`/`_{..}`/`^x` markup. */
export class Notation {
  constructor(readonly p: NotationProfile) {}

  /** element-wise product, spaced */
  get had(): string {
    return ` ${this.p.had} `;
  }
  get mul(): string {
    return ` ${this.p.mul} `;
  }
  /** a tight multiplication sign for dimensions: 3×5, 3x5, 3*5 */
  get by(): string {
    return this.p.mul === '·' ? '×' : this.p.mul;
  }
  get arrow(): string {
    return this.p.arrow === ':' ? ': ' : ` ${this.p.arrow} `;
  }
  get approx(): string {
    return ` ${this.p.approx} `;
  }
  get sigma(): string {
    return this.p.sigma;
  }
  get prod(): string {
    return this.p.prod;
  }
  get T(): string {
    return this.p.transpose;
  }

  /** subscript markup; the renderer shows it literally (typed plain text) or as a real subscript */
  sub(base: string, s: string): string {
    return s.length > 1 ? `${base}_{${s}}` : `${base}_${s}`;
  }
  /** C̃_t in this student's hand */
  ct(s: string): string {
    const base = this.p.tilde === 'comb' ? 'C̃' : this.p.tilde === 'ascii' ? 'C~' : 'Ctilde';
    return this.sub(base, s);
  }
  /** ∂num/∂den */
  d(num: string, den: string): string {
    const s = this.p.partial;
    return `${s}${num}/${s}${den}`;
  }
  /** ∂L/∂x_s */
  dL(base: string, s: string): string {
    return this.d('L', this.sub(base, s));
  }
  tanh2(arg: string): string {
    if (this.p.tanh2 === 'sup') return `tanh²(${arg})`;
    if (this.p.tanh2 === 'caret') return `tanh^2(${arg})`;
    return `(tanh(${arg}))^2`;
  }
  vec(xs: readonly (string | number)[]): string {
    const [l, r] = this.p.brackets;
    return `${l}${xs.map((x) => (typeof x === 'number' ? this.dec(x) : x)).join(', ')}${r}`;
  }
  /** a decimal as students write it: 0.05 or .05, at most 4 places */
  dec(x: number, places = 4): string {
    let s = String(Number(x.toFixed(places)));
    if (!this.p.leadingZero && s.startsWith('0.')) s = s.slice(1);
    return s;
  }
  /** an integer with this student's digit grouping */
  num(n: number): string {
    const s = String(Math.round(n));
    if (this.p.grouping === 'plain' || s.length <= 3) return s;
    if (this.p.grouping === 'intl') return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const last3 = s.slice(-3);
    const rest = s.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',');
    return `${rest},${last3}`;
  }
  dims(...xs: number[]): string {
    return xs.join(` ${this.by} `);
  }
}
