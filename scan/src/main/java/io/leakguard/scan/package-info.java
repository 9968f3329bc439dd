/**
 * Residual-PII scanning of existing stores (JDBC databases, files) and the exposure impact report.
 *
 * <p>Entry points: {@link io.leakguard.scan.JdbcScanner} (tables and text-like columns, sampling or
 * a full read with keyset pagination in a read-only transaction, resumable from a checkpoint),
 * {@link io.leakguard.scan.ScanAccumulator} (feed it records from any source, e.g. files), {@link
 * io.leakguard.scan.ScanPipeline} (analyzes batches on worker threads, merged in order: same
 * report) and {@link io.leakguard.scan.ImpactQuery} (customers with PII in the store during a
 * window). Reports carry masked previews only, never raw values. Jackson-free so it can run inside
 * Spark.
 */
package io.leakguard.scan;
