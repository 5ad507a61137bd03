/**
 * The C2SP static-ct-api read path of a test log under its monitoring prefix: the signed {@code
 * checkpoint}, hash tiles {@code tile/<L>/<N>[.p/<W>]}, data tiles {@code tile/data/<N>[.p/<W>]}
 * (gzip optional) and {@code issuer/<hex>}.
 */
package org.ctmon.testlog.tiles;
