package org.ctmon.parser.x509;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders an X.500 Name (issuer, subject) as an RFC 4514 string and picks out the attributes a
 * monitor needs, decoding attribute values by their string type.
 *
 * <p>The rendering is what {@code openssl x509 -nameopt RFC2253} prints (the order is also
 * Go's {@code pkix.Name.String()}): RDNs from last to first joined by {@code ,}, the members of a
 * multi-valued RDN also last to first joined by {@code +}, attribute types by OpenSSL's short
 * names ({@code CN}, {@code O}, {@code emailAddress}, {@code jurisdictionC}, ...) or the dotted
 * OID, empty RDNs left out, values escaped as RFC 4514 requires
 * (plus control characters as {@code \xx}), values that are not strings as {@code #} and the hex
 * of their DER. The walk is our own so that one bad value costs a problem string, not the name.
 */
final class DistinguishedName {
  static final byte[] CN = {0x55, 0x04, 0x03};
  static final byte[] O = {0x55, 0x04, 0x0a};
  /** Attribute type names by dotted OID: OpenSSL's short names, so DNs read as openssl prints them. */
  private static final Map<String, String> SYMBOLS = Map.ofEntries(
      Map.entry("2.5.4.3", "CN"),
      Map.entry("2.5.4.4", "SN"),
      Map.entry("2.5.4.5", "serialNumber"),
      Map.entry("2.5.4.6", "C"),
      Map.entry("2.5.4.7", "L"),
      Map.entry("2.5.4.8", "ST"),
      Map.entry("2.5.4.9", "street"),
      Map.entry("2.5.4.10", "O"),
      Map.entry("2.5.4.11", "OU"),
      Map.entry("2.5.4.12", "title"),
      Map.entry("2.5.4.13", "description"),
      Map.entry("2.5.4.15", "businessCategory"),
      Map.entry("2.5.4.16", "postalAddress"),
      Map.entry("2.5.4.17", "postalCode"),
      Map.entry("2.5.4.18", "postOfficeBox"),
      Map.entry("2.5.4.20", "telephoneNumber"),
      Map.entry("2.5.4.41", "name"),
      Map.entry("2.5.4.42", "GN"),
      Map.entry("2.5.4.43", "initials"),
      Map.entry("2.5.4.44", "generationQualifier"),
      Map.entry("2.5.4.45", "x500UniqueIdentifier"),
      Map.entry("2.5.4.46", "dnQualifier"),
      Map.entry("2.5.4.65", "pseudonym"),
      Map.entry("2.5.4.97", "organizationIdentifier"),
      Map.entry("0.9.2342.19200300.100.1.1", "UID"),
      Map.entry("0.9.2342.19200300.100.1.25", "DC"),
      Map.entry("1.2.840.113549.1.9.1", "emailAddress"),
      Map.entry("1.2.840.113549.1.9.2", "unstructuredName"),
      Map.entry("1.2.840.113549.1.9.8", "unstructuredAddress"),
      Map.entry("1.3.6.1.4.1.311.60.2.1.1", "jurisdictionL"),
      Map.entry("1.3.6.1.4.1.311.60.2.1.2", "jurisdictionST"),
      Map.entry("1.3.6.1.4.1.311.60.2.1.3", "jurisdictionC"));

  /** Short names of the 2.5.4.x attribute types by their last arc, the common case, without text. */
  private static final String[] X520 = new String[128];

  static {
    for (Map.Entry<String, String> e : SYMBOLS.entrySet()) {
      if (e.getKey().startsWith("2.5.4.")) {
        X520[Integer.parseInt(e.getKey().substring(6))] = e.getValue();
      }
    }
  }

  private static String symbol(Tlv type) {
    byte[] b = type.buf();
    int p = type.valueStart();
    if (type.valueLength() == 3 && b[p] == 0x55 && b[p + 1] == 0x04 && b[p + 2] >= 0 && X520[b[p + 2]] != null) {
      return X520[b[p + 2]];
    }
    String oid = Oids.text(type);
    return SYMBOLS.getOrDefault(oid, oid);
  }

  /** The rendered name, the common names and organizations in encoding order, problems met. */
  record Rendered(String text, List<String> commonNames, List<String> organizations) {}

  private DistinguishedName() {}

  /** Renders the Name TLV {@code name}; appends problems to {@code problems} prefixed by {@code what}. */
  static Rendered render(Tlv name, String what, List<String> problems) {
    name.expect(Tlv.SEQUENCE, what);
    List<String> rdns = new ArrayList<>(8);
    List<String> cns = new ArrayList<>(1);
    List<String> orgs = new ArrayList<>(1);
    DerReader sets = name.children();
    StringBuilder sb = new StringBuilder(64);
    while (sets.hasNext()) {
      Tlv set = sets.next().expect(Tlv.SET, what + " rdn");
      DerReader atvs = set.children();
      List<String> members = new ArrayList<>(1);
      while (atvs.hasNext()) {
        sb.setLength(0);
        Tlv atv = atvs.next().expect(Tlv.SEQUENCE, what + " attribute");
        DerReader r = atv.children();
        Tlv type = r.next(Tlv.OID, what + " attribute type");
        Tlv value = r.next();
        sb.append(symbol(type)).append('=');
        String s = decodeString(value, what, problems);
        if (s == null) {
          sb.append('#');
          appendHex(sb, value);
        } else {
          escape(sb, s);
          if (type.isOid(CN)) {
            cns.add(s);
          } else if (type.isOid(O)) {
            orgs.add(s);
          }
        }
        members.add(sb.toString());
      }
      if (members.isEmpty()) {
        problems.add(what + ": empty rdn");
        continue;
      }
      // last to first within an RDN too, as OpenSSL and Go print multi-valued RDNs
      StringBuilder rdn = new StringBuilder(members.get(members.size() - 1));
      for (int i = members.size() - 2; i >= 0; i--) {
        rdn.append('+').append(members.get(i));
      }
      rdns.add(rdn.toString());
    }
    StringBuilder out = new StringBuilder(64 * rdns.size());
    for (int i = rdns.size() - 1; i >= 0; i--) {
      out.append(rdns.get(i));
      if (i > 0) {
        out.append(',');
      }
    }
    return new Rendered(out.toString(), cns, orgs);
  }

  /**
   * The text of a directory string value, or null if {@code v} is not a string type. Bytes that
   * do not fit the declared type are decoded leniently and reported.
   */
  static String decodeString(Tlv v, String what, List<String> problems) {
    byte[] b = v.buf();
    int p = v.valueStart();
    int n = v.valueLength();
    switch (v.tag()) {
      case Tlv.UTF8_STRING:
        return utf8(b, p, n, what, problems);
      case Tlv.PRINTABLE_STRING:
        for (int i = p; i < p + n; i++) {
          if (!printable(b[i])) {
            problems.add(what + ": character outside printablestring");
            break;
          }
        }
        // fall through: decoded as the ASCII types are
      case Tlv.IA5_STRING:
      case Tlv.VISIBLE_STRING:
      case 0x12: // NumericString
        for (int i = p; i < p + n; i++) {
          if (b[i] < 0) {
            problems.add(what + ": non-ascii byte in a " + typeName(v.tag()));
            return utf8(b, p, n, what, problems);
          }
        }
        return new String(b, p, n, StandardCharsets.ISO_8859_1);
      case Tlv.T61_STRING:
        // as OpenSSL does: T61 read as Latin-1
        return new String(b, p, n, StandardCharsets.ISO_8859_1);
      case Tlv.BMP_STRING:
        if (n % 2 != 0) {
          problems.add(what + ": bmpstring of odd length " + n);
        }
        return new String(b, p, n - n % 2, StandardCharsets.UTF_16BE);
      case Tlv.UNIVERSAL_STRING:
        if (n % 4 != 0) {
          problems.add(what + ": universalstring of length " + n);
        }
        StringBuilder sb = new StringBuilder(n / 4);
        for (int i = p; i + 4 <= p + n; i += 4) {
          int cp = (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
          if (Character.isValidCodePoint(cp)) {
            sb.appendCodePoint(cp);
          } else {
            sb.append('\ufffd');
          }
        }
        return sb.toString();
      default:
        return null;
    }
  }

  /** X.680 PrintableString: letters, digits, space and {@code '()+,-./:=?}. */
  private static boolean printable(byte c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' '
        || c == '\'' || c == '(' || c == ')' || c == '+' || c == ',' || c == '-' || c == '.'
        || c == '/' || c == ':' || c == '=' || c == '?';
  }

  private static String utf8(byte[] b, int p, int n, String what, List<String> problems) {
    boolean ascii = true;
    for (int i = p; i < p + n; i++) {
      if (b[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(b, p, n, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, p, n))
          .toString();
    } catch (CharacterCodingException e) {
      problems.add(what + ": invalid utf-8");
      return new String(b, p, n, StandardCharsets.ISO_8859_1);
    }
  }

  private static String typeName(int tag) {
    switch (tag) {
      case Tlv.PRINTABLE_STRING:
        return "printablestring";
      case Tlv.IA5_STRING:
        return "ia5string";
      case Tlv.VISIBLE_STRING:
        return "visiblestring";
      default:
        return "numericstring";
    }
  }

  private static void escape(StringBuilder sb, String s) {
    int last = s.length() - 1;
    boolean plain = last < 0 || s.charAt(0) != '#' && s.charAt(0) != ' ' && s.charAt(last) != ' ';
    for (int i = 0; plain && i <= last; i++) {
      char c = s.charAt(i);
      plain = c >= 0x20 && c != 0x7f && c != ',' && c != '+' && c != '"' && c != '\\' && c != '<'
          && c != '>' && c != ';';
    }
    if (plain) {
      sb.append(s);
      return;
    }
    for (int i = 0; i <= last; i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '+' || c == '"' || c == '\\' || c == '<' || c == '>' || c == ';'
          || (i == 0 && (c == '#' || c == ' ')) || (i == last && c == ' ')) {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        sb.append('\\').append(String.format(Locale.ROOT, "%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
  }

  private static void appendHex(StringBuilder sb, Tlv v) {
    byte[] b = v.buf();
    for (int i = v.start(); i < v.end(); i++) {
      sb.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
    }
  }
}
