import { useFieldProblems } from '../../app/field-problems';

/** The server's problem with one field of a pact form, in words (the platform's rule, this module's hints). */
export const usePactFieldProblems = (error: unknown) => useFieldProblems(error, 'pacts', 'form.fieldHints');
