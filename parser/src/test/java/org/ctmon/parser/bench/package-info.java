/**
 * The parser's benchmarks: decoding and hashing a log's entries from the corpus. Tagged
 * {@code bench}, so only {@code mvn -Pbench test} runs them; the figures go to docs/benchmarks.md.
 */
package org.ctmon.parser.bench;
