package org.ctmon.testlog.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.merkle.MerkleTree;
import org.ctmon.parser.treehead.SignedTreeHead;

/**
 * One tree a log serves: its entries, their Merkle tree, an index from leaf hash to position, and
 * the last head signed over it. A log has one, or two during a split view. Not thread-safe: the
 * owning {@link TestLog} synchronizes.
 */
final class LogView {
  final List<LoggedEntry> entries = new ArrayList<>();
  final MerkleTree tree = new MerkleTree();
  final Map<Sha256, Long> indexByHash = new HashMap<>();
  SignedTreeHead head;

  void append(LoggedEntry e) {
    Sha256 h = e.leafHash();
    tree.append(h);
    indexByHash.putIfAbsent(h, e.index());
    entries.add(e);
  }

  long size() {
    return entries.size();
  }
}
