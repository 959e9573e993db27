// --format of the commands that write reports (scan, report, merge): parsed and explained without loading a
// renderer.
import { InvalidArgumentError } from 'commander';
import { FORMATS, parseFormats, type Format } from './format-names.js';

/** commander argParser for --format: a comma-separated list of formats. */
export function formatList(value: string): Format[] {
  const parsed = parseFormats(value);
  if (typeof parsed === 'string') throw new InvalidArgumentError(parsed);
  return parsed;
}

export const FORMAT_HELP = `report format(s), comma-separated: ${FORMATS.join(', ')} (several need --out-dir)`;
