package org.ctmon.web;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.util.Locale;
import java.util.Optional;

/**
 * The encoder of ctmon's log lines, chosen by {@code CTMON_LOG_FORMAT}: {@code text} (the
 * default: {@code 01:36:54.743 INFO  Monitor: message}) or {@code json} (one JSON object per
 * line, logback's {@link JsonEncoder}: timestamp in epoch milliseconds, level, threadName,
 * loggerName, mdc, formattedMessage, throwable), for log collectors. Chosen in code rather than in
 * logback.xml so that the file holds one appender and an unknown value is reported, not silent.
 */
public final class LogFormatEncoder extends EncoderBase<ILoggingEvent> {
  /** The text lines' pattern. */
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0}: %msg%n";

  private Encoder<ILoggingEvent> delegate;

  @Override
  public void start() {
    String format = System.getenv().getOrDefault("CTMON_LOG_FORMAT", "text");
    delegate = forFormat(format).orElseGet(() -> {
      System.err.println("ctmon: CTMON_LOG_FORMAT = '" + format + "' is not text or json; logging text");
      return forFormat("text").orElseThrow();
    });
    delegate.setContext(getContext());
    delegate.start();
    super.start();
  }

  /** The encoder of {@code format} ({@code text} or {@code json}, any case), not started; empty for another. */
  static Optional<Encoder<ILoggingEvent>> forFormat(String format) {
    switch (format.strip().toLowerCase(Locale.ROOT)) {
      case "json":
        JsonEncoder json = new JsonEncoder();
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithContext(false);
        json.setWithMessage(false);
        json.setWithArguments(false);
        json.setWithFormattedMessage(true);
        return Optional.of(json);
      case "text":
      case "":
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setPattern(PATTERN);
        return Optional.of(text);
      default:
        return Optional.empty();
    }
  }

  @Override
  public byte[] headerBytes() {
    return delegate.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return delegate.encode(event);
  }

  @Override
  public byte[] footerBytes() {
    return delegate.footerBytes();
  }

  @Override
  public void stop() {
    delegate.stop();
    super.stop();
  }
}
