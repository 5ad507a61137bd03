/**
 * Prometheus {@code GET /metrics} through Micrometer: per log ingest and lag (from the followers'
 * statuses), verification incidents and alert deliveries (from the store, cached a few seconds),
 * HTTP latencies by route template, and the JVM's basics. Every metric is listed in
 * {@code docs/metrics.md}.
 */
package org.ctmon.web.metrics;
