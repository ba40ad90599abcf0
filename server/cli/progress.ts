import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number, phase: string): void;
  stop(): void;
}

/**
 * A progress bar on a terminal; when output is piped, one plain line per phase and per tenth of the work
 * (CI logs stay readable and an operator watching a log still sees the import advance).
 */
export function createProgress(): Progress {
  if (!process.stderr.isTTY) {
    let lastPhase = '';
    let lastTenth = -1;
    return {
      update(done, total, phase) {
        const tenth = total > 0 ? Math.floor((done * 10) / total) : 10;
        if (phase !== lastPhase || tenth !== lastTenth || done === total) {
          lastPhase = phase;
          lastTenth = tenth;
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
