/**
 * The web module's benchmarks: alert latency, a cluster of nodes, searches under load. Tagged
 * {@code bench}, so only {@code mvn -Pbench test} runs them; the figures go to docs/benchmarks.md.
 */
package org.ctmon.web.bench;
