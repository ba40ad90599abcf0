import fc from 'fast-check';

// A mutant that breaks a property fails on its first counterexample; shrinking it to the smallest one is for a person
// reading a real failure, and under Stryker it only turns killed mutants into timeouts.
fc.configureGlobal({ endOnFailure: true });
