/** Rounds for reading: whole numbers from 100 up, otherwise three significant digits. */
export function round(value) {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return String(Math.round(value));
  if (value === 0) return '0';
  return String(Number(value.toPrecision(3)));
}

/** An intermediate figure, indented so the RESULT line stands out. */
export function note(label, value, unit) {
  console.log(`  ${label.padEnd(28)} ${round(value).padStart(10)} ${unit}`.trimEnd());
}

/**
 * The benchmark's last line, in the one format every benchmark uses:
 * RESULT <name> <figure> <unit> ref <figure> <unit> ratio <figure/ref>
 */
export function printResult(name, figure, unit, reference, referenceUnit = unit) {
  const ratio = figure / reference;
  console.log(
    `RESULT ${name} ${round(figure)} ${unit} ref ${round(reference)} ${referenceUnit} ratio ${round(ratio)}`,
  );
  return ratio;
}
