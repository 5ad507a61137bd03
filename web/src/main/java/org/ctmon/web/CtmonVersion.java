package org.ctmon.web;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code ctmon --version}: the jar's implementation version, or "dev". */
final class CtmonVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Ctmon.class.getPackage().getImplementationVersion();
    return new String[] {"ctmon " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
  }
}
