import { AppError, notFound } from '../../platform/errors/app-error';

export const organizationNotFound = (id: string) => notFound('organization', id);

/** 409 naming the field and linking the organization that already holds the code. */
export function duplicateFiscalCode(fiscalCode: string, existing: { id: string; legalName: string }): AppError {
  return new AppError('ORGANIZATIONS.DUPLICATE_FISCAL_CODE', `fiscalCode: ${fiscalCode} is already registered for "${existing.legalName}"`, {
    fields: [{ path: 'fiscalCode', message: `already registered for "${existing.legalName}"` }],
    existingOrganization: { id: existing.id, legalName: existing.legalName, url: `/organizzazioni/${existing.id}`, apiUrl: `/api/organizations/${existing.id}` },
  });
}

export const importNotFound = (id: string) => notFound('organization import', id);

export function nothingToResume(fileName: string): AppError {
  return new AppError('ORGANIZATIONS.NOTHING_TO_RESUME', `No unfinished import of ${fileName} (same content) to resume`, { fileName });
}

/** A file without a kind column: its proposed kinds must be looked at (dry run) and confirmed before they are written. */
export function kindsNotConfirmed(fileName: string): AppError {
  return new AppError(
    'ORGANIZATIONS.KINDS_NOT_CONFIRMED',
    `${fileName} has no kind column: run a dry run to see the proposed kinds, then confirm them (kindChoices, or --accept-inferred-kinds on the command line)`,
    { fileName },
  );
}

export function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return (error as { code?: string } | null)?.code === '23505' || cause?.code === '23505';
}
