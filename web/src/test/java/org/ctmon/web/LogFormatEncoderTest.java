package org.ctmon.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class LogFormatEncoderTest {
  private final LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
  private final Logger logger = context.getLogger("org.ctmon.web.serve.Monitor");

  @Test
  void jsonWritesOneObjectPerLineWithTheFormattedMessage() throws Exception {
    String line = encode("JSON", new LoggingEvent("x", logger, Level.WARN, "following {} logs from \"{}\"", null,
        new Object[] {2, "list"}));
    assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, line);
    JsonNode o = new ObjectMapper().readTree(line);
    assertEquals("WARN", o.get("level").asText());
    assertEquals("org.ctmon.web.serve.Monitor", o.get("loggerName").asText());
    assertEquals("following 2 logs from \"list\"", o.get("formattedMessage").asText());
    assertTrue(o.get("timestamp").asLong() > 0, line);
  }

  @Test
  void textIsTheDefaultOneLinePerEvent() {
    String line = encode("", new LoggingEvent("x", logger, Level.INFO, "stopped", null, null));
    assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  Monitor: stopped\\n"), line);
  }

  @Test
  void anUnknownFormatIsRefusedNotSilent() {
    assertTrue(LogFormatEncoder.forFormat("xml").isEmpty());
  }

  private String encode(String format, ILoggingEvent event) {
    Encoder<ILoggingEvent> e = LogFormatEncoder.forFormat(format).orElseThrow();
    e.setContext(context);
    e.start();
    return new String(e.encode(event), StandardCharsets.UTF_8);
  }
}
