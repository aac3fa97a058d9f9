// ANSI colours for the stylish report, decided once per run: --color/--no-color, then FORCE_COLOR
// (0/false = off, anything else = on), then NO_COLOR (https://no-color.org: any non-empty value
// turns colours off), then whether the output stream is a terminal. FORCE_COLOR before NO_COLOR is
// Node's own order (see tty.WriteStream#getColorDepth).

export interface Colors {
  enabled: boolean;
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force.toLowerCase() === 'false') return false;
    return true;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

function wrap(open: number, close: number, on: boolean) {
  return on ? (s: string) => `\u001b[${open}m${s}\u001b[${close}m` : (s: string) => s;
}

export function makeColors(enabled: boolean): Colors {
  return {
    enabled,
    red: wrap(31, 39, enabled),
    yellow: wrap(33, 39, enabled),
    dim: wrap(2, 22, enabled),
    bold: wrap(1, 22, enabled),
    underline: wrap(4, 24, enabled),
  };
}
