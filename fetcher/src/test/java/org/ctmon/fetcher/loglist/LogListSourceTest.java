package org.ctmon.fetcher.loglist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LogListSourceTest {

  @Test
  void theBundledSnapshotIsTheCorpusV89_25ListByteForByte() {
    assertArrayEquals(LogListCorpus.json(LogListCorpus.V89_25), LogListSource.bundled().read());
    assertArrayEquals(LogListCorpus.sig(LogListCorpus.V89_25), ResourceSource.of("all_logs_list.sig").read());
  }

  @Test
  void theBundledSnapshotVerifiesAndLoadsAllItsLogs() {
    LogList list = LogListSource.bundled().load();
    assertEquals(Optional.of(new LogListVersion("89.25")), list.version());
    assertEquals(Optional.of(Instant.parse("2026-08-20T13:34:57Z")), list.timestamp());
    assertEquals(117, list.logs().size());
    assertEquals("bundled all_logs_list.json", list.source());
    assertEquals("log list version 89.25 (2026-08-20T13:34:57Z) from bundled all_logs_list.json", list.describe());
  }

  @Test
  void aSignedFileSourceVerifiesBeforeItReleasesTheBytes(@TempDir Path dir) throws IOException {
    Path json = Files.write(dir.resolve("list.json"), LogListCorpus.json(LogListCorpus.V83_1));
    Path sig = Files.write(dir.resolve("list.sig"), LogListCorpus.sig(LogListCorpus.V83_1));
    LogListSource good = LogListSource.signed(LogListSource.file(json), LogListSource.file(sig), LogListSigningKey.google());
    assertEquals(247, good.load().logs().size());
    assertEquals("file " + json, good.name());

    byte[] tampered = LogListCorpus.json(LogListCorpus.V83_1);
    tampered[tampered.length - 3] ^= 0x20;
    Files.write(json, tampered);
    var e = assertThrows(UnableToVerifyLogListException.class, good::load);
    assertTrue(e.getMessage().startsWith("error verifying log list from file " + json + ": "), e.getMessage());
  }

  @Test
  void aBadSignatureIsATypedErrorThatALogListExceptionCatches() {
    LogListSource wrongSig = LogListSource.signed(
        LogListSource.of("https://www.gstatic.com/ct/log_list/v3/all_logs_list.json", LogListCorpus.json(LogListCorpus.V89_25)),
        LogListSource.of("sig", LogListCorpus.sig(LogListCorpus.V83_1)),
        LogListSigningKey.google());
    LogListException e = assertThrows(LogListException.class, wrongSig::read);
    assertTrue(e instanceof UnableToVerifyLogListException);
    assertEquals("https://www.gstatic.com/ct/log_list/v3/all_logs_list.json", e.source());
  }

  @Test
  void aMissingFileIsAReadErrorNamingThePath(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    var e = assertThrows(UnableToReadLogListException.class, () -> LogListSource.file(missing).load());
    assertEquals("error reading log list from file " + missing + ": no such file", e.getMessage());
  }

  @Test
  void aFileSourceRereadsTheFileOnEveryLoad(@TempDir Path dir) throws IOException {
    Path f = Files.write(dir.resolve("l.json"), LogListCorpus.json(LogListCorpus.V81_14));
    LogListSource src = LogListSource.file(f);
    assertEquals(75, src.load().logs().size());
    Files.write(f, LogListCorpus.json(LogListCorpus.V89_25));
    assertEquals(117, src.load().logs().size());
  }

  @Test
  void bytesInHandAreCopiedSoTheSourceCannotChange() {
    byte[] json = "{\"operators\": []}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    LogListSource src = LogListSource.of("t", json);
    json[0] = 'x';
    assertEquals(List.of(), src.load().logs());
  }
}
