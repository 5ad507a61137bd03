/**
 * Test support shared by the web module's tests: a ctmon child process to stop, kill and restart
 * ({@link org.ctmon.web.harness.CtmonProcess}) and a free loopback port for it
 * ({@link org.ctmon.web.harness.UnassignedPort}).
 */
package org.ctmon.web.harness;
