/**
 * Test support shared by the web module's tests and benchmarks: a ctmon child process to stop,
 * kill and restart ({@link org.ctmon.web.harness.CtmonProcess}), a free loopback port for it
 * ({@link org.ctmon.web.harness.UnassignedPort}) and a cluster of ctmon nodes on one PostgreSQL
 * schema ({@link org.ctmon.web.harness.ClusterNodes}).
 */
package org.ctmon.web.harness;
