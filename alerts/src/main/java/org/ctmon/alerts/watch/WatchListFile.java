package org.ctmon.alerts.watch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * certspotter's watch-list file: one item per line, blank lines and {@code #} comments ignored,
 * surrounding whitespace trimmed, a trailing {@code valid_at:...} parameter accepted and ignored
 * as certspotter does. ctmon imports and exports these files so users can move either way.
 *
 * <p>Unlike certspotter, parsing does not stop at the first bad line: every usable item and every
 * error (with its line number) are returned, so an import can show all mistakes at once.
 */
public final class WatchListFile {
  private WatchListFile() {}

  /**
   * The items of a file and its errors.
   *
   * @param items the usable items in file order, duplicates (by canonical text) dropped
   * @param errors one per refused line, in file order
   */
  public record Parsed(List<WatchItem> items, List<LineError> errors) {
    /** Copies the lists. */
    public Parsed {
      items = List.copyOf(items);
      errors = List.copyOf(errors);
    }
  }

  /**
   * A line that could not be used.
   *
   * @param line 1-based line number
   * @param text the line as written, trimmed
   * @param message lower-case, names the item and the mistake
   */
  public record LineError(int line, String text, String message) {}

  /** Parses a watch-list file; never throws on bad lines. Line ends: LF, CRLF or CR. */
  public static Parsed parse(String text) {
    List<WatchItem> items = new ArrayList<>();
    List<LineError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (n == 0 && line.startsWith("\ufeff")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        WatchItem item = parseLine(line);
        if (seen.add(item.text())) {
          items.add(item);
        }
      } catch (InvalidWatchItemException e) {
        errors.add(new LineError(n + 1, line, e.getMessage()));
      }
    }
    return new Parsed(items, errors);
  }

  private static WatchItem parseLine(String line) {
    String[] fields = line.split("\\s+");
    for (int i = 1; i < fields.length; i++) {
      if (!fields[i].startsWith("valid_at:")) {
        throw new InvalidWatchItemException("unknown parameter \"" + WatchItemParser.escape(fields[i])
            + "\" after watch item \"" + WatchItemParser.escape(fields[0]) + "\"");
      }
    }
    return WatchItem.parse(fields[0]);
  }

  /**
   * A watch-list file certspotter reads: a header comment, then one canonical item per line. IP
   * items are written too (certspotter would refuse them; ctmon reads them back).
   */
  public static String write(List<WatchItem> items) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ctmon watch list (certspotter format): one item per line\n");
    sb.append("# example.com = that name only; .example.com = the domain and all its subdomains\n");
    for (WatchItem item : items) {
      sb.append(item.text()).append('\n');
    }
    return sb.toString();
  }
}
