/** JMH and end-to-end benchmarks. */
package io.leakguard.bench;
