package org.ctmon.alerts.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ctmon.alerts.delivery.DeliveryBackoff;
import org.ctmon.alerts.delivery.DeliveryResult;
import org.ctmon.alerts.delivery.TestAlerts;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.DeliveryState;
import org.ctmon.alerts.outbox.EventType;
import org.ctmon.alerts.outbox.Recipient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class EmailSenderTest {
  private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String HOSTILE = "<script>alert(1)</script>.mybank.example";

  @RegisterExtension
  static final GreenMailExtension GREENMAIL = new GreenMailExtension(new ServerSetup[] {
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort()})
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("ctmon@ctmon.example", "ctmon", "s3cret"));

  private static EmailSender sender(SmtpSettings s) {
    return new EmailSender(s, new DeliveryBackoff(CLOCK, new SplittableRandom(1)), CLOCK);
  }

  private static SmtpSettings plain(int port) {
    return SmtpSettings.of("127.0.0.1", port, SmtpSettings.Security.NONE, Optional.empty(), Optional.empty(),
        "ctmon@ctmon.example");
  }

  private static Alert alert(String key, String... names) {
    return TestAlerts.alert(key, new Recipient.Email("sec@mybank.example"),
        TestAlerts.match(key, "unexpected", names), NOW);
  }

  private static String part(MimeMessage m, int i) throws Exception {
    MimeMultipart mp = (MimeMultipart) m.getContent();
    BodyPart p = mp.getBodyPart(i);
    return (String) p.getContent();
  }

  @Test
  void mailsAnAlternativeMessageSayingWhatWasFoundWithHostileNamesEscaped() throws Exception {
    Alert a = alert("alert-1", "vpn.mybank.example", HOSTILE);
    DeliveryResult res = sender(plain(GREENMAIL.getSmtp().getPort())).send("sec@mybank.example", a);
    assertEquals(new DeliveryResult.Delivered(), res);

    MimeMessage m = GREENMAIL.getReceivedMessages()[0];
    assertEquals("[ctmon] unexpected certificate for vpn.mybank.example and 1 more", m.getSubject());
    assertEquals("<ctmon.alert-1@ctmon.example>", m.getMessageID());
    assertEquals("alert-1", m.getHeader("X-Ctmon-Alert-Id")[0]);
    assertTrue(m.getContentType().startsWith("multipart/alternative"), m.getContentType());
    String text = part(m, 0);
    String html = part(m, 1);
    for (String s : List.of("vpn.mybank.example", "Watch list:  prod", "Verdict:     unexpected",
        "issuer C=US, O=Let's Encrypt, CN=R11 is not an expected issuer", "2026-05-02T00:00:00Z", "#123456 (precert)",
        "https://ctmon.example/certs/", HOSTILE)) {
      assertTrue(text.contains(s), "text has " + s);
    }
    assertFalse(html.contains("<script>"), "a name is not markup");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;.mybank.example"));
    assertTrue(html.contains("<a href=\"https://ctmon.example/certs/"));
  }

  @Test
  void aRepeatIsTheSameMessageId() throws Exception {
    EmailSender s = sender(plain(GREENMAIL.getSmtp().getPort()));
    s.send("sec@mybank.example", alert("alert-2", "vpn.mybank.example"));
    s.send("sec@mybank.example", alert("alert-2", "vpn.mybank.example"));
    MimeMessage[] got = GREENMAIL.getReceivedMessages();
    assertEquals(2, got.length);
    assertEquals(got[0].getMessageID(), got[1].getMessageID());
  }

  @Test
  void sendsOverTlsWithAuthentication() throws Exception {
    SmtpSettings tls = new SmtpSettings("127.0.0.1", GREENMAIL.getSmtps().getPort(), SmtpSettings.Security.TLS,
        Optional.of("ctmon"), Optional.of("s3cret"), "ctmon@ctmon.example", Duration.ofSeconds(5),
        Duration.ofSeconds(5), List.of("127.0.0.1"));
    assertEquals(new DeliveryResult.Delivered(), sender(tls).send("sec@mybank.example", alert("alert-3", "a.example")));
    assertEquals(1, GREENMAIL.getReceivedMessages().length);
  }

  @Test
  void requiredStarttlsIsNeverSkippedForAServerWithoutIt() {
    // GreenMail's SMTP does not offer STARTTLS: a required upgrade must fail, not fall back to clear text.
    SmtpSettings starttls = SmtpSettings.of("127.0.0.1", GREENMAIL.getSmtp().getPort(), SmtpSettings.Security.STARTTLS,
        Optional.of("ctmon"), Optional.of("s3cret"), "ctmon@ctmon.example");
    DeliveryResult res = sender(starttls).send("sec@mybank.example", alert("alert-4", "a.example"));
    assertTrue(assertInstanceOf(DeliveryResult.RetryAt.class, res).error().toLowerCase().contains("starttls"),
        res.toString());
    assertEquals(0, GREENMAIL.getReceivedMessages().length);
  }

  @Test
  void aRefusedConnectionIsRetried() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    DeliveryResult res = sender(plain(closed)).send("sec@mybank.example", alert("alert-5", "a.example"));
    DeliveryResult.RetryAt retry = assertInstanceOf(DeliveryResult.RetryAt.class, res);
    assertTrue(retry.error().startsWith("error mailing alert alert-5 to sec@mybank.example via 127.0.0.1:" + closed),
        retry.error());
  }

  @Test
  void a550NoSuchUserGivesUp() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> scriptedSmtp(server, "550 5.1.1 no such user"));
      t.start();
      DeliveryResult res = sender(plain(server.getLocalPort())).send("nobody@mybank.example",
          alert("alert-6", "a.example"));
      t.join();
      String error = assertInstanceOf(DeliveryResult.GaveUp.class, res).error();
      assertTrue(error.contains("smtp 550"), error);
    }
  }

  @Test
  void a451IsRetried() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> scriptedSmtp(server, "451 4.3.0 try again later"));
      t.start();
      DeliveryResult res = sender(plain(server.getLocalPort())).send("sec@mybank.example", alert("alert-7", "a.example"));
      t.join();
      assertTrue(assertInstanceOf(DeliveryResult.RetryAt.class, res).error().contains("smtp 451"), res.toString());
    }
  }

  @Test
  void severalAlertsMakeOneDigest() throws Exception {
    List<Alert> alerts = List.of(alert("d1", "a.mybank.example"), alert("d2", HOSTILE), alert("d3", "c.mybank.example"));
    assertEquals(new DeliveryResult.Delivered(),
        sender(plain(GREENMAIL.getSmtp().getPort())).sendDigest("sec@mybank.example", alerts));
    MimeMessage m = GREENMAIL.getReceivedMessages()[0];
    assertEquals("[ctmon] 3 alerts, 3 unexpected", m.getSubject());
    String text = part(m, 0);
    assertTrue(text.contains("Alert id: d1") && text.contains("Alert id: d3"));
    assertFalse(part(m, 1).contains("<script>"));
  }

  @Test
  void aLogMisbehaviourAlertHasItsOwnRendering() throws Exception {
    String payload = "{\"type\":\"log.misbehaviour\",\"id\":\"m1\",\"log\":{\"description\":\"Test Log <2026>\"},"
        + "\"evidence\":{\"kind\":\"root_mismatch\"}}";
    Alert a = new Alert(1, 1, "m1", EventType.LOG_MISBEHAVIOUR,
        new Recipient.Email("sec@mybank.example"), Optional.empty(), Optional.empty(), payload, NOW,
        DeliveryState.PENDING, 0, NOW, Optional.empty(), Optional.empty());
    sender(plain(GREENMAIL.getSmtp().getPort())).send("sec@mybank.example", a);
    MimeMessage m = GREENMAIL.getReceivedMessages()[0];
    assertEquals("[ctmon] log misbehaviour: Test Log <2026>", m.getSubject());
    assertTrue(part(m, 0).contains("root_mismatch"));
    assertTrue(part(m, 1).contains("Test Log &lt;2026&gt;"));
  }

  /** A one-connection SMTP server that answers RCPT TO with {@code rcptReply}. */
  private static void scriptedSmtp(ServerSocket server, String rcptReply) {
    try (Socket s = server.accept();
         BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
         PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.US_ASCII)) {
      out.print("220 scripted ESMTP\r\n");
      out.flush();
      String line;
      while ((line = in.readLine()) != null) {
        String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
        String reply = switch (cmd) {
          case "EHLO", "HELO" -> "250 scripted";
          case "RCPT" -> rcptReply;
          case "QUIT" -> "221 bye";
          default -> "250 ok";
        };
        out.print(reply + "\r\n");
        out.flush();
        if (cmd.equals("QUIT")) {
          return;
        }
      }
    } catch (IOException e) {
      // the client hung up
    }
  }
}
