package org.ctmon.web.harness;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The main class of a tiny jar that {@code LauncherTest} runs through the real launcher: it
 * loads a second class only when told to, as a long-running ctmon loads classes long after start.
 */
public final class LauncherProbe {
  private LauncherProbe() {}

  public static void main(String[] args) throws Exception {
    System.out.println("ready");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    in.readLine();
    System.out.println(Later.say());
  }

  /** Loaded on first use, after the jar it came from may have been rebuilt. */
  static final class Later {
    private Later() {}

    static String say() {
      return "later loaded";
    }
  }
}
