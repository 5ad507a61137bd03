/**
 * The ctmon application: the command line ({@code ctmon COMMAND}), configuration, and, as later
 * issues land, the Javalin UI, JSON API, live stream and metrics. The only module that wires the
 * others together.
 */
package org.ctmon.web;
