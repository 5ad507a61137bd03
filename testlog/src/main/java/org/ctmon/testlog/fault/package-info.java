/**
 * Fault injection for test logs: each way a real log misbehaves is a small value ({@link
 * org.ctmon.testlog.fault.Fault}), and a log's {@link org.ctmon.testlog.fault.Faults} holds the
 * active ones, changeable at runtime from tests. Transport faults (429, 5xx, delays, garbage
 * bodies) are applied by the server before a request reaches the API; content faults (truncated
 * pages, damaged entries, bad signatures, a split view) by the log and the API handlers.
 */
package org.ctmon.testlog.fault;
