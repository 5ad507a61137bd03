package org.ctmon.alerts.email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.ctmon.alerts.delivery.AlertPayload;
import org.ctmon.alerts.delivery.DeliveryBackoff;
import org.ctmon.alerts.delivery.DeliveryResult;
import org.ctmon.alerts.delivery.EmailChannel;
import org.ctmon.alerts.outbox.Alert;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Mails alerts through one SMTP server: a multipart/alternative message (plain text, then HTML)
 * whose {@code Message-ID} is derived from the alert's idempotency key, with the key itself in
 * {@code X-Ctmon-Alert-Id}, so a repeat (after a crash between the server's 250 and recording the
 * delivery) is the same message to the recipient's mail system.
 *
 * <p>Results: accepted is delivered; a 5xx reply (550 no such user, 554 rejected) gives up,
 * since resending the same message cannot pass; a 4xx reply, a refused or broken connection,
 * failed authentication or a missing STARTTLS retries with {@link DeliveryBackoff}. Thread safe
 * (a Jakarta Mail {@link Session} is).
 */
public final class EmailSender implements EmailChannel {
  private final SmtpSettings settings;
  private final DeliveryBackoff backoff;
  private final Clock clock;
  private final Session session;
  private final String domain;

  public EmailSender(SmtpSettings settings, DeliveryBackoff backoff, Clock clock) {
    this.settings = settings;
    this.backoff = backoff;
    this.clock = clock;
    this.session = Session.getInstance(properties(settings));
    this.domain = settings.from().substring(settings.from().lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
  }

  @Override
  public DeliveryResult send(String address, Alert alert) {
    EmailContent content = EmailContent.of(AlertPayload.parse(alert.payloadJson()), alert.idempotencyKey());
    return deliver(address, content, alert.idempotencyKey(), alert.eventType().wireName(), alert.attempts() + 1);
  }

  @Override
  public DeliveryResult sendDigest(String address, List<Alert> alerts) {
    if (alerts.size() == 1) {
      return send(address, alerts.get(0));
    }
    // The digest's own key: the same alerts make the same digest id.
    String key = "digest-" + sha256(String.join(",", alerts.stream().map(Alert::idempotencyKey).toList())).substring(0, 32);
    int attempt = alerts.stream().mapToInt(Alert::attempts).max().orElse(0) + 1;
    return deliver(address, EmailDigest.of(alerts), key, "digest", attempt);
  }

  private DeliveryResult deliver(String address, EmailContent content, String key, String type, int attempt) {
    String where = "error mailing alert " + key + " to " + address + " via " + settings.host() + ":" + settings.port();
    try {
      MimeMessage message = new KeyedMessage(session, messageId(key));
      message.setFrom(new InternetAddress(settings.from()));
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(address, true));
      message.setSubject(content.subject(), "UTF-8");
      message.setSentDate(Date.from(clock.instant()));
      message.setHeader("X-Ctmon-Alert-Id", EmailContent.oneLine(key));
      message.setHeader("X-Ctmon-Event", type);
      message.setHeader("Auto-Submitted", "auto-generated");
      MimeBodyPart text = new MimeBodyPart();
      text.setText(content.text(), "UTF-8", "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(content.html(), "UTF-8", "html");
      MimeMultipart alternative = new MimeMultipart("alternative", text, html);
      message.setContent(alternative);
      message.saveChanges();
      if (settings.username().isPresent()) {
        Transport.send(message, settings.username().get(), settings.password().orElse(""));
      } else {
        Transport.send(message);
      }
      return new DeliveryResult.Delivered();
    } catch (MessagingException e) {
      int code = replyCode(e);
      String error = where + ": " + (code > 0 ? "smtp " + code + " " : "") + describe(e);
      if (code >= 500) {
        return new DeliveryResult.GaveUp(error);
      }
      if (code < 0 && e instanceof jakarta.mail.internet.AddressException) {
        return new DeliveryResult.GaveUp(error);
      }
      return new DeliveryResult.RetryAt(backoff.next(attempt), error);
    }
  }

  /** The SMTP reply code carried anywhere in the exception chain, or -1. */
  static int replyCode(Throwable t) {
    for (int depth = 0; t != null && depth < 10; depth++) {
      if (t instanceof SMTPAddressFailedException a) {
        return a.getReturnCode();
      }
      if (t instanceof SMTPSendFailedException s) {
        return s.getReturnCode();
      }
      if (t instanceof SMTPSenderFailedException s) {
        return s.getReturnCode();
      }
      Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
          : t.getCause();
      t = next == t ? null : next;
    }
    return -1;
  }

  private static String describe(MessagingException e) {
    Throwable deepest = e;
    for (int i = 0; i < 10; i++) {
      Throwable next = deepest instanceof MessagingException m && m.getNextException() != null
          ? m.getNextException() : deepest.getCause();
      if (next == null || next == deepest) {
        break;
      }
      deepest = next;
    }
    String msg = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
    return EmailContent.oneLine(msg);
  }

  private String messageId(String key) {
    String local = key.matches("[A-Za-z0-9._+-]{1,200}") ? key : sha256(key);
    return "<ctmon." + local + "@" + (domain.isEmpty() ? "ctmon.invalid" : domain) + ">";
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static Properties properties(SmtpSettings s) {
    Properties p = new Properties();
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", s.host());
    p.put("mail.smtp.port", Integer.toString(s.port()));
    p.put("mail.smtp.from", s.from());
    p.put("mail.smtp.connectiontimeout", Long.toString(s.connectTimeout().toMillis()));
    p.put("mail.smtp.timeout", Long.toString(s.timeout().toMillis()));
    p.put("mail.smtp.writetimeout", Long.toString(s.timeout().toMillis()));
    p.put("mail.smtp.auth", Boolean.toString(s.username().isPresent()));
    if (s.security() == SmtpSettings.Security.STARTTLS) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    } else if (s.security() == SmtpSettings.Security.TLS) {
      p.put("mail.smtp.ssl.enable", "true");
    }
    if (s.trustedHosts().isEmpty()) {
      p.put("mail.smtp.ssl.checkserveridentity", "true");
    } else {
      // A trusted host's certificate is not checked at all, its name included (Angus 2 checks
      // the name by default, even for hosts in ssl.trust).
      p.put("mail.smtp.ssl.trust", String.join(" ", s.trustedHosts()));
      p.put("mail.smtp.ssl.checkserveridentity", "false");
    }
    return p;
  }

  /** A message whose Message-ID is ours, not a random one from {@link MimeMessage#saveChanges()}. */
  private static final class KeyedMessage extends MimeMessage {
    private final String id;

    KeyedMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
