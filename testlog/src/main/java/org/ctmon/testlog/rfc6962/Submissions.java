package org.ctmon.testlog.rfc6962;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.ctmon.parser.Der;
import org.ctmon.testlog.http.Reply;
import org.ctmon.testlog.log.TestLog;
import org.ctmon.testlog.pki.IssuedCertificate;
import org.ctmon.testlog.pki.IssuedPrecertificate;
import org.ctmon.testlog.pki.Sct;
import org.ctmon.testlog.pki.Submission;

/**
 * add-chain and add-pre-chain: decodes {@code {"chain": [base64 DER, ...]}}, checks loosely that the
 * chain leads to the log's roots (each certificate's issuer DN is the next one's subject, every
 * certificate after the first is one of the log's known CAs, and a chain that stops short of a root
 * is completed from them; signatures are not checked), that a precertificate is submitted only to
 * add-pre-chain and a certificate only to add-chain, then appends the entry and returns the SCT
 * as JSON. The entry is visible once the log publishes its next head.
 */
final class Submissions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ASN1ObjectIdentifier POISON = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.3");

  Reply addChain(TestLog log, byte[] body, boolean precert) {
    String endpoint = precert ? "add-pre-chain" : "add-chain";
    List<Der> chain = parse(body, endpoint);
    List<X509CertificateHolder> certs = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) {
      certs.add(holder(chain.get(i), endpoint, i));
    }
    boolean poisoned = certs.get(0).getExtension(POISON) != null;
    if (poisoned != precert) {
      throw new Rfc6962Api.BadRequest(endpoint + ": the first certificate " + (poisoned ? "is" : "is not")
          + " a precertificate (poison extension " + POISON + ")");
    }
    List<Der> full = new ArrayList<>(chain);
    for (int i = 1; i < chain.size(); i++) {
      if (log.issuer(chain.get(i).sha256()).isEmpty()) {
        throw new Rfc6962Api.BadRequest(endpoint + ": chain certificate " + i + " (" + certs.get(i).getSubject()
            + ") is not a ca this log knows");
      }
    }
    for (int i = 0; i + 1 < certs.size(); i++) {
      if (!certs.get(i).getIssuer().equals(certs.get(i + 1).getSubject())) {
        throw new Rfc6962Api.BadRequest(endpoint + ": certificate " + i + " is issued by " + certs.get(i).getIssuer()
            + ", not by the next one in the chain, " + certs.get(i + 1).getSubject());
      }
    }
    complete(log, full, certs.get(certs.size() - 1), endpoint);
    if (full.size() < 2) {
      throw new Rfc6962Api.BadRequest(endpoint + ": the chain has no issuer for its first certificate");
    }
    Submission entry;
    try {
      entry = precert ? IssuedPrecertificate.fromChain(full) : new IssuedCertificate(full.get(0), full.subList(1, full.size()));
    } catch (RuntimeException e) {
      throw new Rfc6962Api.BadRequest(endpoint + ": " + e.getMessage());
    }
    Sct sct = log.submit(entry);
    ObjectNode o = JSON.createObjectNode();
    o.put("sct_version", 0);
    o.put("id", sct.logId().base64());
    o.put("timestamp", sct.timestamp());
    o.put("extensions", Base64.getEncoder().encodeToString(sct.extensions()));
    o.put("signature", Base64.getEncoder().encodeToString(sct.digitallySigned()));
    return Reply.json(o.toString());
  }

  /** Appends the log's known CAs above {@code last}, found by issuer name, until a self-issued root. */
  private static void complete(TestLog log, List<Der> full, X509CertificateHolder last, String endpoint) {
    X509CertificateHolder at = last;
    for (int guard = 0; guard < 8 && !at.getIssuer().equals(at.getSubject()); guard++) {
      X509CertificateHolder cursor = at;
      Der parent = log.issuers().stream()
          .filter(ca -> holder(ca, endpoint, -1).getSubject().equals(cursor.getIssuer()))
          .findFirst()
          .orElseThrow(() -> new Rfc6962Api.BadRequest(endpoint + ": the chain ends at " + cursor.getSubject()
              + ", whose issuer " + cursor.getIssuer() + " is not a ca of this log"));
      full.add(parent);
      at = holder(parent, endpoint, full.size() - 1);
    }
  }

  private static List<Der> parse(byte[] body, String endpoint) {
    JsonNode chain;
    try {
      chain = JSON.readTree(body).get("chain");
    } catch (IOException e) {
      throw new Rfc6962Api.BadRequest(endpoint + ": the body is not json: " + e.getMessage());
    }
    if (chain == null || !chain.isArray() || chain.isEmpty()) {
      throw new Rfc6962Api.BadRequest(endpoint + ": the body has no non-empty \"chain\" array");
    }
    List<Der> out = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) {
      try {
        out.add(Der.of(Base64.getDecoder().decode(chain.get(i).asText())));
      } catch (IllegalArgumentException e) {
        throw new Rfc6962Api.BadRequest(endpoint + ": chain element " + i + " is not base64");
      }
    }
    return out;
  }

  private static X509CertificateHolder holder(Der der, String endpoint, int i) {
    try {
      return new X509CertificateHolder(der.unsafeBytes());
    } catch (IOException | RuntimeException e) {
      throw new Rfc6962Api.BadRequest(endpoint + ": chain element " + i + " is not a der certificate");
    }
  }
}
