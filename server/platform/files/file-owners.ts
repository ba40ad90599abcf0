import { FILE_OWNER_PATTERN } from '../../../common/contracts/files';
import type { UseCaseContext } from '../use-case';

/**
 * The module that owns the records files are attached to decides who reads and who attaches them (ADR 0027): the file
 * store keeps bytes, the owner keeps the rules. A module declares one FileOwner per kind of record in its manifest
 * (`fileOwners`); a file whose owner no module declares is read by nobody (deny by default).
 */
export interface FileOwner {
  /** `<module>.<record kind>` ("groups.meeting", "knowledge.practice"), the module's name first. */
  name: string;
  /**
   * Whether the actor may list and download the record's files: as a rule, whether they may see the record itself.
   * An unknown record answers false.
   */
  canRead(context: UseCaseContext, recordId: string): Promise<boolean>;
  /** Whether the actor may attach files to the record and remove them (false once the record is final, e.g. published minutes). */
  canWrite(context: UseCaseContext, recordId: string): Promise<boolean>;
  /** Downloads of these files are sensitive reads: each records a `read` entry in the audit log (ADR 0023). */
  isSensitive?: boolean;
}

/** The owners the running app's modules declared, by name. */
export class FileOwners {
  private readonly byName = new Map<string, FileOwner>();

  constructor(owners: { module: string; owner: FileOwner }[] = []) {
    for (const { module, owner } of owners) {
      if (!FILE_OWNER_PATTERN.test(owner.name) || owner.name.split('.')[0] !== module) {
        throw new Error(`File owner ${owner.name} of module ${module} must be named ${module}.<record kind>`);
      }
      if (this.byName.has(owner.name)) throw new Error(`File owner ${owner.name} is declared twice`);
      this.byName.set(owner.name, owner);
    }
  }

  /** Every manifest's `fileOwners`; a misnamed or duplicate owner stops start-up. */
  static fromModules(modules: { name: string; fileOwners?: FileOwner[] }[]): FileOwners {
    return new FileOwners(modules.flatMap((module) => (module.fileOwners ?? []).map((owner) => ({ module: module.name, owner }))));
  }

  get(name: string): FileOwner | null {
    return this.byName.get(name) ?? null;
  }
}
