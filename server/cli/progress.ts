import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number, phase: string): void;
  stop(): void;
}

/** A progress bar on a terminal; plain phase lines when output is piped (CI logs stay readable). */
export function createProgress(): Progress {
  if (!process.stderr.isTTY) {
    let lastPhase = '';
    return {
      update(done, total, phase) {
        if (phase !== lastPhase || done === total) {
          lastPhase = phase;
          process.stderr.write(`${phase}: ${done}/${total}\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {percentage}% | {value}/{total}', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, phase) {
      if (!started) {
        bar.start(total, done, { phase });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { phase });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
