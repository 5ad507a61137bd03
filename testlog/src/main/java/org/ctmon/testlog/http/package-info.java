/**
 * The small HTTP vocabulary the test log's handlers share: a parsed {@link
 * org.ctmon.testlog.http.Request} relative to a log's prefix and the {@link
 * org.ctmon.testlog.http.Reply} to send. The JDK's {@code com.sun.net.httpserver} does the
 * transport (see {@link org.ctmon.testlog.TestLogServer}); handlers stay plain functions.
 */
package org.ctmon.testlog.http;
