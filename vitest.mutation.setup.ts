import fc from 'fast-check';

// A mutant that breaks a property fails on one of its first inputs; shrinking it to the smallest one is for a person
// reading a real failure, and under Stryker it only turns killed mutants into timeouts. Fewer runs per property keep
// each surviving mutant's run short; the ordinary suite keeps fast-check's 100.
fc.configureGlobal({ endOnFailure: true, numRuns: 30 });
