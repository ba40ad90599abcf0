import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export class DataFolderLockedError extends Error {}

export interface DataFolderLock {
  release(): void;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else: still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder for this process. PGlite does not lock its folder and two processes on one folder
 * corrupt it, so a second process must refuse to start. The lock file holds the owner's pid; a lock left by a
 * process that no longer exists (a crash) is taken over.
 */
export function lockDataFolder(dataDir: string): DataFolderLock {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'distretto.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const ownerPid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(ownerPid) && isProcessAlive(ownerPid)) {
        throw new DataFolderLockedError(
          `The data folder ${dataDir} is in use by another Distretto process (pid ${ownerPid}). ` +
            'Stop that process first, or point DISTRETTO_DATA_DIR at another folder. ' +
            'Two processes on one embedded database would corrupt it.',
        );
      }
      rmSync(lockPath, { force: true }); // stale lock from a process that is gone
    }
  }
  throw new DataFolderLockedError(`Could not lock the data folder ${dataDir}`);
}
