import { useFieldProblems as useModuleFieldProblems } from '../../app/field-problems';

/** The server's problem with one field of a groups form, in words (the platform's rule, this module's hints). */
export const useFieldProblems = (error: unknown) => useModuleFieldProblems(error, 'groups', 'fieldHints');
