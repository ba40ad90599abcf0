import type { PactVersionStatus } from '../../../common/domain/pacts';
import { AppError } from '../../platform/errors/app-error';

const field = (path: string, message: string) => ({ fields: [{ path, message }] });

export const forbiddenTransition = (from: PactVersionStatus, to: PactVersionStatus) =>
  new AppError('PACTS.FORBIDDEN_TRANSITION', `A pact version cannot go from ${from} to ${to}`, { from, to, ...field('to', `cannot go from ${from} to ${to}`) });

export const signatureRequired = () =>
  new AppError('PACTS.SIGNATURE_REQUIRED', 'A version comes into force only once signed by at least one organization', field('to', 'no valid signature yet'));

export const versionNotDraft = (status: PactVersionStatus) =>
  new AppError('PACTS.VERSION_NOT_DRAFT', `The version is ${status}: only a draft's text changes (amend the pact instead)`, { status, ...field('body', `the version is ${status}`) });

export const versionNotSignable = (status: PactVersionStatus) =>
  new AppError('PACTS.VERSION_NOT_SIGNABLE', `The version is ${status}: it cannot be signed`, { status, ...field('versionId', `the version is ${status}`) });

export const alreadySigned = () =>
  new AppError('PACTS.ALREADY_SIGNED', 'The organization has already signed this version', field('organizationId', 'already signed this version'));

export const notLegalRepresentative = () =>
  new AppError('PACTS.NOT_LEGAL_REPRESENTATIVE', 'Only a current legal representative of the organization may sign for it', field('organizationId', 'you are not its current legal representative'));

export const notPreviousSignatory = () =>
  new AppError('PACTS.NOT_PREVIOUS_SIGNATORY', 'Only a signatory of the previous version acknowledges an amendment', field('organizationId', 'not a signatory of the previous version'));

export const amendmentInProgress = (number: number) =>
  new AppError('PACTS.AMENDMENT_IN_PROGRESS', `Version ${number} is still a draft or open for signature`, { number, ...field('pactId', `version ${number} is in progress`) });

export const notPending = () => new AppError('PACTS.NOT_PENDING', 'The adhesion has already been decided', field('decision', 'already decided'));

export const notASignatory = () =>
  new AppError('PACTS.NOT_A_SIGNATORY', 'The organization has no valid signature of the pact', field('organizationId', 'not a signatory of the pact'));

export const datesOutOfOrder = () => new AppError('PACTS.DATES_OUT_OF_ORDER', 'The end date is before the start date', field('endsOn', 'before startsOn'));
