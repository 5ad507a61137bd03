package org.ctmon.store;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A second process holding an H2 database open, as a running ctmon does: prints "open", then keeps
 * the connection until its standard input closes. Started by {@link H2FileCompactionTest}.
 */
final class HoldsH2Open {
  private HoldsH2Open() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection(args[0], "", "")) {
      System.out.println("open");
      System.out.flush();
      System.in.read();
    }
  }
}
