/**
 * Test support shared by the web module's tests and benchmarks: a ctmon child process to stop,
 * kill and restart ({@link org.ctmon.web.harness.CtmonProcess}), a free loopback port for it
 * ({@link org.ctmon.web.harness.UnassignedPort}), a cluster of ctmon nodes
 * ({@link org.ctmon.web.harness.ClusterNodes}) on a schema of the test PostgreSQL server
 * ({@link org.ctmon.web.harness.PostgresTestSchema}), and a fixture made afresh for each test
 * ({@link org.ctmon.web.harness.PerTestFixture}).
 */
package org.ctmon.web.harness;
