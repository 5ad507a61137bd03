/**
 * {@code ctmon demo}: the offline tour. A test CT log issuing certificates at a steady rate, a
 * monitor following it on an H2 file, and a demo account whose watch list the log keeps hitting,
 * so a newcomer sees logs, alerts and search working within a minute, with nothing to set up.
 */
package org.ctmon.web.demo;
