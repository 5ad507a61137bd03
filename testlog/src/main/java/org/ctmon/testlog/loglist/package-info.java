/**
 * A Chrome v3 log list ({@code log_list.json}) describing running test logs, so a monitor (ctmon,
 * certspotter) can be pointed at them like at the real ecosystem.
 */
package org.ctmon.testlog.loglist;
