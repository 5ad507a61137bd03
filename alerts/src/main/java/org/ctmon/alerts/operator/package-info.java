/**
 * Alerts for whoever runs ctmon rather than for watch-list owners: a log caught misbehaving (with
 * the signed heads that prove it, ready to forward), ctmon's own health (a log without a verified
 * head, a growing backlog, a stale log list), and an optional heartbeat so a monitor outside
 * ctmon notices when it stops. Log and health alerts go through the outbox to every channel of
 * every enabled admin account, so they get the retries, keys and renderings of every other alert.
 */
package org.ctmon.alerts.operator;
