package org.ctmon.web.decode;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ctmon.parser.CtmonException;
import org.ctmon.parser.leaf.DataTile;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.leaf.Rfc6962Entries;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ctmon decode [--start N | --tile N] FILE|-}: decodes a saved {@code get-entries} response
 * or a static-ct-api data tile and prints one JSON object per entry per line.
 *
 * <p>Exit status 0 when every entry decoded, 1 when at least one entry is malformed (all are still
 * printed), 2 when the input is unreadable or not a log response at all.
 */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
        "Decode a get-entries response (JSON) or, with --tile, a static-ct-api data tile (gzip or not).",
        "Prints one JSON object per entry: index, entry_type, timestamp, tbs_sha256, cert_sha256, dns_names,",
        "ip_addresses, subject, issuer, serial, not_before, not_after, spki_sha256, is_ca, error."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:every entry decoded", "1:some entries are malformed (all are printed)",
        "2:the input could not be read or is not a log response"})
public final class DecodeCommand implements Callable<Integer> {
  /** Inputs larger than this are refused: a get-entries page or a gzip tile is a few MB at most. */
  static final long MAX_INPUT_BYTES = 256L * 1024 * 1024;

  static final class Position {
    @Option(names = "--start", paramLabel = "N", description = "Index of the first entry of a get-entries response (default 0).")
    Long start;

    @Option(names = "--tile", paramLabel = "N",
        description = "Decode a data tile whose first entry has index N (a multiple of 256 for a log's own tiles).")
    Long tile;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Position position = new Position();

  @Parameters(index = "0", paramLabel = "FILE", description = "The file to decode, or - for standard input.")
  String file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return run(System.in, spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** Decodes {@link #file} (or {@code stdin} for "-") to {@code out}; messages go to {@code err}. */
  int run(InputStream stdin, Writer out, PrintWriter err) {
    String source = "-".equals(file) ? "standard input" : file;
    byte[] body;
    try {
      body = "-".equals(file) ? readBounded(stdin, source) : readFile(Path.of(file), source);
    } catch (CtmonException e) {
      err.println("ctmon decode: " + e.getMessage());
      return 2;
    }
    List<EntryDecoding> decodings;
    List<GetEntriesResponse.RawEntry> unreadable = List.of();
    long first;
    if (position.tile != null) {
      first = position.tile;
      if (first < 0) {
        err.println("ctmon decode: --tile must not be negative, got " + first);
        return 2;
      }
      decodings = DataTile.decode(first, body);
    } else {
      first = position.start == null ? 0 : position.start;
      if (first < 0) {
        err.println("ctmon decode: --start must not be negative, got " + first);
        return 2;
      }
      GetEntriesResponse response;
      try {
        response = GetEntriesResponse.parse(new ObjectMapper(), body, source);
      } catch (CtmonException e) {
        err.println("ctmon decode: " + e.getMessage());
        return 2;
      }
      decodings = new ArrayList<>(response.entries().size());
      unreadable = response.entries();
      for (int i = 0; i < response.entries().size(); i++) {
        GetEntriesResponse.RawEntry raw = response.entries().get(i);
        decodings.add(raw.error() == null ? Rfc6962Entries.decode(first + i, raw.leafInput(), raw.extraData()) : null);
      }
    }
    int malformed = 0;
    try (JsonGenerator json = new ObjectMapper().getFactory().createGenerator(out)) {
      json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      json.setRootValueSeparator(null);
      for (int i = 0; i < decodings.size(); i++) {
        EntryDecoding d = decodings.get(i);
        boolean bad;
        if (d == null) {
          EntryJson.writeUnreadable(json, first + i, unreadable.get(i).error());
          bad = true;
        } else {
          bad = EntryJson.write(json, d);
        }
        json.writeRaw('\n');
        if (bad) {
          malformed++;
        }
      }
      json.flush();
      out.flush();
    } catch (IOException e) {
      err.println("ctmon decode: error writing output: " + e.getMessage());
      return 2;
    }
    if (malformed > 0) {
      err.println("ctmon decode: " + malformed + " of " + decodings.size() + " entries in " + source + " are malformed (see their \"error\")");
      return 1;
    }
    return 0;
  }

  private static byte[] readFile(Path path, String source) {
    try {
      long size = Files.size(path);
      if (size > MAX_INPUT_BYTES) {
        throw new CtmonException("error reading " + source + ": " + size + " bytes is more than the "
            + MAX_INPUT_BYTES + " a log response can be");
      }
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new CtmonException("error reading " + source + ": no such file");
    } catch (IOException e) {
      throw new CtmonException("error reading " + source + ": " + e.getMessage(), e);
    }
  }

  private static byte[] readBounded(InputStream in, String source) {
    try {
      byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_INPUT_BYTES + 1));
      if (data.length > MAX_INPUT_BYTES) {
        throw new CtmonException("error reading " + source + ": more than the " + MAX_INPUT_BYTES
            + " bytes a log response can be");
      }
      return data;
    } catch (IOException e) {
      throw new CtmonException("error reading " + source + ": " + e.getMessage(), e);
    }
  }
}
