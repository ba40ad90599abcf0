import { actorLabel } from '../../platform/access/actor';
import { moveMunicipalityCodeRows, type MunicipalityCodesHook } from '../../platform/municipality-code-moves';
import { insertVersionSnapshots } from './organizations.repository';

/**
 * After a territory import: an organization's municipality follows a suppressed code to its successor, its version
 * bumped and snapshotted like any other change, so its history shows it.
 */
export const moveMunicipalityCodes: MunicipalityCodesHook = (tx, moves, context) =>
  moveMunicipalityCodeRows(tx, moves, context, 'organizations.move-municipality-codes', [
    {
      table: 'organizations',
      column: 'municipality_code',
      versioned: true,
      returning: 'id',
      afterMove: (db, ids) => insertVersionSnapshots(db, ids, actorLabel(context.actor), 'updated'),
    },
  ]);
