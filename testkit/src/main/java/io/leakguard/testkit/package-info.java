/** Labeled corpus generators and scorers used by corpus-level tests and benchmarks. */
package io.leakguard.testkit;
