package org.ctmon.testlog.log;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.ctmon.parser.Der;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.merkle.HashTileSource;
import org.ctmon.parser.merkle.MerkleHash;
import org.ctmon.parser.merkle.Tile;
import org.ctmon.parser.treehead.DigitallySigned;
import org.ctmon.parser.treehead.LogKey;
import org.ctmon.parser.treehead.SignedTreeHead;
import org.ctmon.parser.treehead.TreeHead;
import org.ctmon.testlog.fault.Damage;
import org.ctmon.testlog.fault.Fault;
import org.ctmon.testlog.fault.Faults;
import org.ctmon.testlog.pki.Sct;
import org.ctmon.testlog.pki.Submission;
import org.ctmon.testlog.pki.TestLogKey;

/**
 * One test CT log: a name, a signing key, a protocol, its entries and Merkle tree, the tree heads
 * it signs, and its active {@link Faults}.
 *
 * <p>Entries become visible only when a head covers them: {@link #append} adds to the tree, {@link
 * #publish()} signs a head over everything appended so far (like a log's integration step, the
 * merge delay shrunk to a call), and readers ({@link #head()}, {@link #entries}, {@link
 * #hashTiles()}) see the published size. Tests decide when heads advance; a server may publish on
 * a schedule. During a {@link Fault.SplitView} every reader sees the forked tree instead (built on
 * first use and kept growing with the real one) and its own signed heads.
 *
 * <p>Thread-safe: every method synchronizes on the log. Time (SCT and head timestamps) comes from
 * the injected clock; a head's timestamp never goes backwards.
 */
public final class TestLog {
  private final String name;
  private final TestLogKey key;
  private final LogKey publicKey;
  private final LogProtocol protocol;
  private final Clock clock;
  private final List<Der> roots;
  private final Map<Sha256, Der> issuers;
  private final Faults faults = new Faults();
  private final LogView main = new LogView();
  private LogView fork;
  private long forkAt = -1;
  private LogView rolledBack; // the tree cut back, during a Fault.Rollback
  private long rolledBackTo = -1;

  /**
   * A log with no entries and the head of the empty tree signed at the clock's time.
   *
   * @param roots what get-roots serves and submissions must chain to
   * @param issuers every CA certificate entries may refer to, by SHA-256 (what {@code issuer/<hex>} serves)
   */
  public TestLog(String name, TestLogKey key, LogProtocol protocol, Clock clock, List<Der> roots, Map<Sha256, Der> issuers) {
    if (name.isEmpty() || !name.matches("[a-z0-9][a-z0-9._-]*")) {
      throw new IllegalArgumentException("log name '" + name + "' is not lower-case letters, digits, '.', '_' and '-'");
    }
    this.name = name;
    this.key = key;
    this.publicKey = LogKey.fromDer(key.publicKey());
    this.protocol = protocol;
    this.clock = clock;
    this.roots = List.copyOf(roots);
    this.issuers = Map.copyOf(issuers);
    main.head = sign(main, 0);
  }

  /** The log's name, also its URL path segment. */
  public String name() {
    return name;
  }

  /** The signing key. */
  public TestLogKey key() {
    return key;
  }

  /** The public key as a monitor parses it from a log list. */
  public LogKey logKey() {
    return publicKey;
  }

  /** RFC 6962 or static-ct-api. */
  public LogProtocol protocol() {
    return protocol;
  }

  /** The log's clock. */
  public Clock clock() {
    return clock;
  }

  /** The accepted roots (get-roots). */
  public List<Der> roots() {
    return roots;
  }

  /** The CA certificate with SHA-256 {@code fingerprint}, if entries may refer to it. */
  public Optional<Der> issuer(Sha256 fingerprint) {
    return Optional.ofNullable(issuers.get(fingerprint));
  }

  /** Every CA certificate entries may refer to. */
  public Collection<Der> issuers() {
    return issuers.values();
  }

  /** The active faults; add and remove at any time. */
  public Faults faults() {
    return faults;
  }

  /**
   * Appends {@code entry} logged at {@code timestampMillis}; returns its index. A {@link
   * Fault.DamagedEntries} fault may append a damaged entry after it. Not visible until {@link
   * #publish()}.
   */
  public synchronized long append(Submission entry, long timestampMillis) {
    long index = main.size();
    add(LoggedEntry.of(index, timestampMillis, entry, protocol));
    faults.damageAfterAppend().ifPresent(d -> add(LoggedEntry.damaged(main.size(), timestampMillis, d, protocol)));
    return index;
  }

  /**
   * Appends {@code entry} with {@code extensions} as its CtExtensions instead of its leaf_index (a
   * log that lost it or wrote another index); returns its index. Not visible until {@link #publish()}.
   */
  public synchronized long appendMisstamped(Submission entry, long timestampMillis, byte[] extensions) {
    long index = main.size();
    add(LoggedEntry.misstamped(index, timestampMillis, entry, extensions));
    return index;
  }

  /** Appends a {@link Damage}d entry at the clock's time; returns its index. */
  public synchronized long appendDamaged(Damage damage) {
    long index = main.size();
    add(LoggedEntry.damaged(index, clock.millis(), damage, protocol));
    return index;
  }

  /**
   * What add-chain and add-pre-chain do: appends {@code entry} at the clock's time and returns the
   * log's SCT for it (with the leaf_index extension in a static log).
   */
  public synchronized Sct submit(Submission entry) {
    long index = main.size();
    long ts = clock.millis();
    add(LoggedEntry.of(index, ts, entry, protocol));
    return key.sign(entry, ts, LoggedEntry.extensionsFor(index, protocol));
  }

  /** Appends an entry read back from an {@link EntryCache}, without faults. */
  synchronized void restore(LoggedEntry e) {
    if (e.index() != main.size()) {
      throw new IllegalStateException("cached entry " + e.index() + " does not follow " + main.size() + " entries");
    }
    add(e);
  }

  /** A snapshot of every appended entry of the real tree, published or not. */
  synchronized List<LoggedEntry> appendedEntries() {
    return new ArrayList<>(main.entries);
  }

  private void add(LoggedEntry e) {
    main.append(e);
    if (fork != null) {
      fork.append(e.index() >= forkAt ? e.withTimestamp(e.timestamp() + 1) : e);
    }
  }

  /** Number of entries appended, published or not. */
  public synchronized long appendedSize() {
    return main.size();
  }

  /**
   * Signs a head over every appended entry (and over the forked tree, if there is one) and returns
   * the head readers now see.
   */
  public synchronized SignedTreeHead publish() {
    main.head = sign(main, main.size());
    if (fork != null) {
      fork.head = sign(fork, fork.size());
    }
    if (rolledBack != null) {
      rolledBack.head = sign(rolledBack, rolledBack.size());
    }
    return served().head;
  }

  private SignedTreeHead sign(LogView view, long size) {
    return sign(view, size, 0);
  }

  private SignedTreeHead sign(LogView view, long size, long notBefore) {
    long ts = Math.max(clock.millis(), notBefore);
    if (view.head != null && view.head.timestamp() > ts) {
      ts = view.head.timestamp();
    }
    TreeHead th = new TreeHead(size, ts, view.tree.root(size));
    return new SignedTreeHead(size, ts, th.rootHash(), DigitallySigned.decode(key.digitallySigned(th.signatureInput())));
  }

  /**
   * The head readers see now, as it is served: under a {@link Fault.BadTreeHeadSignature} with a
   * signature that does not verify.
   */
  public synchronized SignedTreeHead head() {
    SignedTreeHead h = served().head;
    Optional<Fault.BadTreeHeadSignature> bad = faults.find(Fault.BadTreeHeadSignature.class);
    if (bad.isEmpty()) {
      return h;
    }
    if (bad.get().how() == Fault.BadTreeHeadSignature.How.WRONG_ROOT) {
      byte[] other = h.rootHash().bytes();
      other[0] ^= 0x01;
      TreeHead th = new TreeHead(h.treeSize(), h.timestamp(), Sha256.wrap(other));
      return new SignedTreeHead(h.treeSize(), h.timestamp(), h.rootHash(),
          DigitallySigned.decode(key.digitallySigned(th.signatureInput())));
    }
    byte[] sig = h.signature().signature().bytes();
    sig[sig.length - 1] ^= 0x01;
    return new SignedTreeHead(h.treeSize(), h.timestamp(), h.rootHash(),
        new DigitallySigned(h.signature().hashAlgorithm(), h.signature().signatureAlgorithm(),
            OpaqueBytes.of(sig)));
  }

  /** The size readers see: that of the served head. */
  public synchronized long publishedSize() {
    return served().head.treeSize();
  }

  /**
   * Entries {@code start} to {@code end} inclusive of the served tree, cut at its published size;
   * empty if {@code start} is at or beyond it.
   */
  public synchronized List<LoggedEntry> entries(long start, long end) {
    LogView v = served();
    long last = Math.min(end, v.head.treeSize() - 1);
    if (start < 0 || start > last) {
      return List.of();
    }
    return new ArrayList<>(v.entries.subList((int) start, (int) last + 1));
  }

  /** The served tree's root at {@code size} (at most the published size). */
  public synchronized Sha256 root(long size) {
    checkPublished(size);
    return size == 0 ? MerkleHash.EMPTY_TREE : served().tree.root(size);
  }

  /** The consistency proof between two published sizes of the served tree. */
  public synchronized List<Sha256> consistencyProof(long size1, long size2) {
    checkPublished(size2);
    return served().tree.consistencyProof(size1, size2);
  }

  /** The audit path of {@code index} in the served tree of {@code size} (at most the published size). */
  public synchronized List<Sha256> inclusionProof(long index, long size) {
    checkPublished(size);
    return served().tree.inclusionProof(index, size);
  }

  /** The index of the first entry of the served tree with leaf hash {@code hash}, if there is one. */
  public synchronized OptionalLong indexOf(Sha256 hash) {
    Long i = served().indexByHash.get(hash);
    return i == null ? OptionalLong.empty() : OptionalLong.of(i);
  }

  /**
   * The served tree's hash tiles, limited to what its published size completes: a tile beyond it
   * is an {@link IllegalArgumentException}.
   */
  public HashTileSource hashTiles() {
    return tile -> {
      synchronized (this) {
        LogView v = served();
        Optional<Fault.ForkedCheckpoint> forked = faults.find(Fault.ForkedCheckpoint.class);
        if (forked.isPresent() && v == main && isPartialTileOf(tile, forked.get().size())) {
          return forkedAt(forked.get().forkAt()).tree.read(tile); // the forked checkpoint's own tile
        }
        long size = v.head.treeSize();
        int k = Tile.HEIGHT * tile.level();
        long available = k >= Long.SIZE ? 0 : size >>> k;
        if (tile.index() * Tile.FULL_WIDTH + tile.width() > available) {
          throw new IllegalArgumentException("hash tile " + tile + " is beyond the published tree of size " + size);
        }
        return v.tree.read(tile);
      }
    };
  }

  /** Whether {@code tile} is the partial tile at its level of a tree of {@code size} entries. */
  private static boolean isPartialTileOf(Tile tile, long size) {
    int k = Tile.HEIGHT * tile.level();
    long atLevel = k >= Long.SIZE ? 0 : size >>> k;
    return tile.width() < Tile.FULL_WIDTH && tile.index() == atLevel / Tile.FULL_WIDTH
        && tile.width() == atLevel % Tile.FULL_WIDTH;
  }

  private void checkPublished(long size) {
    long published = served().head.treeSize();
    if (size < 0 || size > published) {
      throw new IllegalArgumentException("tree size " + size + " is not within 0.." + published);
    }
  }

  /**
   * The view readers see: the tree cut back during a rollback, the fork during a split view, each
   * built on first use.
   */
  private LogView served() {
    Optional<Fault.Rollback> rollback = faults.find(Fault.Rollback.class);
    if (rollback.isEmpty()) {
      rolledBack = null; // a later rollback is signed afresh
    } else {
      long size = Math.min(rollback.get().size(), main.head == null ? 0 : main.head.treeSize());
      if (rolledBack == null || rolledBackTo != size) {
        rolledBackTo = size;
        rolledBack = new LogView();
        for (LoggedEntry e : main.entries.subList(0, (int) size)) {
          rolledBack.append(e);
        }
        // Signed now: newer than every head signed before, and smaller.
        rolledBack.head = sign(rolledBack, size, main.head == null ? 0 : main.head.timestamp() + 1);
      }
      return rolledBack;
    }
    Optional<Fault.SplitView> split = faults.find(Fault.SplitView.class);
    Optional<Fault.ForkedCheckpoint> forked = faults.find(Fault.ForkedCheckpoint.class);
    long splitAt;
    if (split.isPresent()) {
      splitAt = split.get().forkAt();
    } else if (forked.isPresent() && (main.head == null || main.head.treeSize() <= forked.get().size())) {
      splitAt = forked.get().forkAt();
    } else {
      return main;
    }
    return forkedAt(splitAt);
  }

  /** The fork from {@code at}, built on first use. */
  private LogView forkedAt(long at) {
    if (fork == null || forkAt != at) {
      forkAt = at;
      fork = new LogView();
      for (LoggedEntry e : main.entries) {
        fork.append(e.index() >= forkAt ? e.withTimestamp(e.timestamp() + 1) : e);
      }
      fork.head = sign(fork, main.head.treeSize());
    }
    return fork;
  }

  @Override
  public String toString() {
    return "TestLog[" + name + ", " + protocol + ", " + publicKey.logId().base64() + "]";
  }
}
