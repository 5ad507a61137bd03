package org.ctmon.alerts.bench;

import java.util.ArrayList;
import java.util.List;
import org.ctmon.testlog.pki.Names;
import org.ctmon.testlog.pki.SanName;

/**
 * The subject alternative names of a generated certificate as the matcher and the store take them:
 * DNS names and IP addresses in text, in two lists the caller may still add to (the common name).
 */
record SanLists(List<String> dns, List<String> ips) {
  static SanLists of(Names names) {
    List<String> dns = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    for (SanName s : names.sans()) {
      if (s instanceof SanName.Dns d) {
        dns.add(d.name());
      } else if (s instanceof SanName.Ip ip) {
        ips.add(ip.address().getHostAddress());
      }
    }
    return new SanLists(dns, ips);
  }
}
