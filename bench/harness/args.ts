import { parseArgs } from 'node:util';

export interface BenchOptions {
  quick: boolean;
  /** The scale section also measures 1,000,000 articles. */
  huge: boolean;
  json: boolean;
  /** Section names to run, in the order given; null runs every registered section. */
  only: string[] | null;
  /** Overrides the corpus size (default 10,000, or 500 with --quick). */
  articles: number | null;
  seed: number | null;
  /** Run sections in this process instead of one child each (for a debugger; RSS is shared). */
  inProcess: boolean;
  /** A section still running after this long is stopped and reported as failed. */
  timeoutSeconds: number;
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]

  --quick             a reduced corpus (500 articles) for a check in under a minute
  --huge              the scale section adds 1,000,000 articles (4.4 GB; takes long)
  --json              print one JSON object on stdout (progress stays on stderr)
  --only a,b          run only these sections (see the list below)
  --articles N        generate N articles instead of 10,000 (or 500 with --quick);
                      the scale section then measures that size alone
  --seed N            generator seed (default 20250314)
  --timeout SECONDS   stop a section that runs longer (default 1800; 4 hours with
                      --huge or 1,000,000 articles and more)
  --in-process        run sections in this process (peak RSS is then shared)
  --help              this text
`;

function positiveInteger(flag: string, text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new Error(`--${flag} needs a positive whole number, got "${text}"`);
  return Number(text);
}

/** Parses the bench's argv; throws an Error with a message for people on bad input. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      quick: { type: 'boolean', default: false },
      huge: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      articles: { type: 'string' },
      seed: { type: 'string' },
      timeout: { type: 'string' },
      'in-process': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const only = values.only
    ?.flatMap((list) => list.split(','))
    .map((name) => name.trim())
    .filter(Boolean);
  return {
    quick: values.quick ?? false,
    huge: values.huge ?? false,
    json: values.json ?? false,
    only: only && only.length > 0 ? [...new Set(only)] : null,
    articles: positiveInteger('articles', values.articles),
    seed: values.seed === undefined ? null : (positiveInteger('seed', values.seed) ?? null),
    inProcess: values['in-process'] ?? false,
    // At 1,000,000 articles the scale section's ingestion alone takes half an hour.
    timeoutSeconds:
      positiveInteger('timeout', values.timeout) ??
      (values.huge || Number(values.articles ?? 0) >= 1_000_000 ? 4 * 3600 : 1800),
    help: values.help ?? false,
  };
}
