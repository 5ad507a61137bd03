/**
 * The alerts module's benchmarks: the matcher alone, and ingest with and without watch lists.
 * Tagged {@code bench}, so only {@code mvn -Pbench test} runs them; the figures go to
 * docs/benchmarks.md.
 */
package org.ctmon.alerts.bench;
