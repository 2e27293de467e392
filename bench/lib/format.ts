/** Formatting for the printed report: aligned labels, thousands separators, PASS/MISS verdicts. */

const intFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 12345.6 → "12,346" */
export function int(n: number): string {
  return intFormat.format(n);
}

/** Milliseconds: whole numbers as they are (autocannon's resolution is 1 ms), others to one decimal. */
export function ms(n: number): string {
  return Number.isInteger(n) || n >= 100 ? `${Math.round(n)} ms` : `${n.toFixed(1)} ms`;
}

export function ratio(n: number): string {
  return n.toFixed(2);
}

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Relative spread of a series, (max - min) / mean — a rough noise indicator. */
export function spread(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  return (Math.max(...xs) - Math.min(...xs)) / mean(xs);
}

export function verdict(pass: boolean): 'PASS' | 'MISS' {
  return pass ? 'PASS' : 'MISS';
}

/** "label ....... value" with the label padded to a fixed width. */
export function row(label: string, value: string, width = 34): string {
  return `${label.padEnd(width)} ${value}`;
}

/** A row with a target and its verdict at the end. */
export function targetRow(label: string, value: string, target: string, pass: boolean, width = 34): string {
  return `${row(label, value, width).padEnd(width + 26)} target ${target.padEnd(16)} ${verdict(pass)}`;
}
