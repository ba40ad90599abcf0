import { checkFiscalCode, checkVatNumber } from '../../../common/domain/fiscal-code';

/** The editable fields of the organization form, as strings the inputs hold. */
export interface OrganizationFormValues {
  legalName: string;
  shortName: string;
  kind: string;
  fiscalCode: string;
  vatNumber: string;
  sizeClass: string;
  activityCode: string;
  address: string;
  postalCode: string;
  municipalityCode: string;
  website: string;
  email: string;
  pec: string;
  phone: string;
  notes: string;
  description: string;
  tags: string;
  status: string;
}

export type FormProblem =
  | { key: 'required' }
  | { key: 'tooShort'; min: number }
  | { key: 'invalidEmail' | 'invalidUrl' | 'invalidPostalCode' | 'invalidMunicipalityCode' | 'invalidActivityCode' | 'invalidPhone' | 'fiscalCodeFormat' | 'vatFormat' }
  | { key: 'fiscalCodeCheckDigit'; expected: string; found: string };

export const LEGAL_NAME_MIN = 2;

/**
 * The same rules as ZOrganizationFields (common/contracts/organizations.ts), checked while typing so the form can
 * explain a mistake — in particular a fiscal code whose check character does not match — before anything is sent.
 */
export function validateOrganizationForm(values: OrganizationFormValues): Partial<Record<keyof OrganizationFormValues, FormProblem>> {
  const problems: Partial<Record<keyof OrganizationFormValues, FormProblem>> = {};
  if (!values.legalName.trim()) problems.legalName = { key: 'required' };
  else if (values.legalName.trim().length < LEGAL_NAME_MIN) problems.legalName = { key: 'tooShort', min: LEGAL_NAME_MIN };
  if (!values.kind) problems.kind = { key: 'required' };
  if (values.fiscalCode.trim()) {
    const check = checkFiscalCode(values.fiscalCode);
    if (!check.isValid) {
      problems.fiscalCode = check.reason === 'check_digit' ? { key: 'fiscalCodeCheckDigit', expected: check.expected, found: check.found } : { key: 'fiscalCodeFormat' };
    }
  }
  if (values.vatNumber.trim()) {
    const check = checkVatNumber(values.vatNumber);
    if (!check.isValid) {
      problems.vatNumber = check.reason === 'check_digit' ? { key: 'fiscalCodeCheckDigit', expected: check.expected, found: check.found } : { key: 'vatFormat' };
    }
  }
  const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  if (values.email.trim() && !email.test(values.email.trim())) problems.email = { key: 'invalidEmail' };
  if (values.pec.trim() && !email.test(values.pec.trim())) problems.pec = { key: 'invalidEmail' };
  if (values.website.trim() && !/^https?:\/\/[^\s.]+\.[^\s]+$/.test(values.website.trim())) problems.website = { key: 'invalidUrl' };
  if (values.postalCode.trim() && !/^\d{5}$/.test(values.postalCode.trim())) problems.postalCode = { key: 'invalidPostalCode' };
  if (values.municipalityCode.trim() && !/^\d{6}$/.test(values.municipalityCode.trim())) problems.municipalityCode = { key: 'invalidMunicipalityCode' };
  if (values.activityCode.trim() && !/^\d{2}(\.\d{1,2}){0,2}$/.test(values.activityCode.trim())) problems.activityCode = { key: 'invalidActivityCode' };
  if (values.phone.trim() && !/^\+?[0-9 ./-]{5,25}$/.test(values.phone.trim())) problems.phone = { key: 'invalidPhone' };
  return problems;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Form strings → the API body (empty optional fields become null, tags a list). */
export function toOrganizationBody(values: OrganizationFormValues) {
  return {
    legalName: values.legalName.trim(),
    shortName: orNull(values.shortName),
    kind: values.kind,
    fiscalCode: orNull(values.fiscalCode),
    vatNumber: orNull(values.vatNumber),
    sizeClass: (orNull(values.sizeClass) as 'micro' | 'small' | 'medium' | 'large' | null),
    activityCode: orNull(values.activityCode),
    address: orNull(values.address),
    postalCode: orNull(values.postalCode),
    municipalityCode: orNull(values.municipalityCode),
    website: orNull(values.website),
    email: orNull(values.email),
    pec: orNull(values.pec),
    phone: orNull(values.phone),
    notes: values.notes,
    description: values.description,
    tags: values.tags.split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean),
    status: (values.status || 'active') as 'active' | 'dissolved',
  };
}
