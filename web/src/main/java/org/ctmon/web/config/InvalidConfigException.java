package org.ctmon.web.config;

import org.ctmon.parser.CtmonException;

/** A configuration value that cannot be used; the message names the key, the value and where it came from. */
public final class InvalidConfigException extends CtmonException {
  InvalidConfigException(String message) {
    super(message);
  }
}
