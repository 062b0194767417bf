import { ownValue } from '../text/own.js';

/**
 * A codebook colour (one of the terminal's sixteen, `LABEL_COLOURS`) as an HTML colour for the
 * tools that draw a label behind the text: brat's `visual.conf` (`bgColor`) and Label Studio's
 * config (`background`). A light tint of each, so that black text stays readable on it; black
 * itself becomes a mid grey. Null for a colour margin does not know (a label gone from the
 * codebook has none).
 */
const HTML_COLOURS: Readonly<Record<string, string>> = {
  black: '#9e9e9e',
  red: '#ef9a9a',
  green: '#a5d6a7',
  yellow: '#fff59d',
  blue: '#90caf9',
  magenta: '#ce93d8',
  cyan: '#80deea',
  white: '#eeeeee',
  gray: '#bdbdbd',
  redBright: '#ffcdd2',
  greenBright: '#c8e6c9',
  yellowBright: '#fff9c4',
  blueBright: '#bbdefb',
  magentaBright: '#e1bee7',
  cyanBright: '#b2ebf2',
  whiteBright: '#fafafa',
};

export function htmlColour(colour: string): string | null {
  return ownValue(HTML_COLOURS, colour) ?? null;
}
