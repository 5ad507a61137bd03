package org.ctmon.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.ctmon.web.harness.LauncherProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./ctmon} launcher, run as a user runs it, on a tiny jar in a copy of the tree. */
final class LauncherTest {
  private static final Path LAUNCHER = Path.of("").toAbsolutePath().getParent().resolve("ctmon");

  @TempDir Path tree;

  @Test
  void aRunningCtmonSurvivesTheJarBeingRebuiltInPlace() throws Exception {
    Path script = tree.resolve("ctmon");
    Files.copy(LAUNCHER, script);
    Path jar = Files.createDirectories(tree.resolve("web/target")).resolve("ctmon.jar");
    writeProbeJar(jar);
    // Sources older than the jar: the launcher runs it without building.
    Files.writeString(tree.resolve("pom.xml"), "<project/>");
    Files.setLastModifiedTime(tree.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(3600)));

    Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("ready", out.readLine());
      // What Maven's package does to a jar that exists: new bytes written into the same file.
      try (FileChannel ch = FileChannel.open(jar, StandardOpenOption.WRITE)) {
        byte[] garbage = new byte[(int) ch.size()];
        Arrays.fill(garbage, (byte) 0x5a);
        ch.write(ByteBuffer.wrap(garbage), 0);
      }
      try (OutputStream in = p.getOutputStream()) {
        in.write("go\n".getBytes(StandardCharsets.UTF_8));
      }
      String rest = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe did not finish");
      assertEquals("later loaded", rest.strip(), "a class loaded after the rebuild came from the jar it started with");
      assertEquals(0, p.exitValue(), rest);
    } finally {
      p.destroyForcibly();
    }
  }

  private static void writeProbeJar(Path jar) throws Exception {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
    try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar), m)) {
      for (Class<?> c : new Class<?>[] {LauncherProbe.class, Class.forName(LauncherProbe.class.getName() + "$Later")}) {
        String name = c.getName().replace('.', '/') + ".class";
        j.putNextEntry(new JarEntry(name));
        try (var bytes = LauncherProbe.class.getClassLoader().getResourceAsStream(name)) {
          bytes.transferTo(j);
        }
        j.closeEntry();
      }
    }
  }
}
