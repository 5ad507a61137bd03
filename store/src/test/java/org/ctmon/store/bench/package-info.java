/**
 * The store's benchmarks (ingest and search on H2 and PostgreSQL, an existing database) and their
 * realistic names ({@link org.ctmon.store.bench.BenchNames}). Tagged {@code bench}, so only
 * {@code mvn -Pbench test} runs them; the figures go to docs/benchmarks.md.
 */
package org.ctmon.store.bench;
