package org.ctmon.testlog.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.ctmon.testlog.http.Reply;

/**
 * The faults active on one log, changeable at any time from any thread (tests add and remove them
 * while clients are fetching). Each fault counts its own requests from the moment it was added, so
 * "every Nth" is deterministic for a test that controls the requests.
 */
public final class Faults {
  private static final byte[] HTML = ("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
      + "<body><h1>Bad Gateway</h1><p>The proxy received an invalid response.</p></body></html>\n")
      .getBytes(StandardCharsets.UTF_8);

  private final CopyOnWriteArrayList<Active> active = new CopyOnWriteArrayList<>();

  /** Activates {@code fault} with its counter at zero. */
  public void add(Fault fault) {
    active.add(new Active(fault));
  }

  /** Deactivates every instance equal to {@code fault}; whether there was one. */
  public boolean remove(Fault fault) {
    return active.removeIf(a -> a.fault.equals(fault));
  }

  /** Deactivates every fault. */
  public void clear() {
    active.clear();
  }

  /** The active faults, in the order added. */
  public List<Fault> list() {
    return active.stream().map(a -> a.fault).toList();
  }

  /** The first active fault of {@code type}. */
  public <T extends Fault> Optional<T> find(Class<T> type) {
    return active.stream().map(a -> a.fault).filter(type::isInstance).map(type::cast).findFirst();
  }

  /**
   * The transport fault answer to one request, if any: 429 (rate limits) or 5xx. Counts the request
   * for every counting fault. {@code now} is the log's clock.
   */
  public Optional<Reply> onRequest(Instant now) {
    Reply reply = null;
    for (Active a : active) {
      Fault f = a.fault;
      Reply r = null;
      if (f instanceof Fault.RateLimited rl) {
        if (a.count.incrementAndGet() % rl.everyNth() == 0) {
          r = tooMany(rl.retryAfter());
        }
      } else if (f instanceof Fault.RateLimitedUntil ru) {
        if (now.isBefore(ru.until())) {
          r = tooMany(ru.retryAfter());
        }
      } else if (f instanceof Fault.ServerError se) {
        if (a.count.incrementAndGet() % se.everyNth() == 0) {
          r = Reply.text(se.status(), "injected server error " + se.status() + "\n");
        }
      }
      if (reply == null) {
        reply = r;
      }
    }
    return Optional.ofNullable(reply);
  }

  /** The delay before answering: the sum of the active {@link Fault.Slow} delays. */
  public Duration delay() {
    Duration d = Duration.ZERO;
    for (Active a : active) {
      if (a.fault instanceof Fault.Slow s) {
        d = d.plus(s.delay());
      }
    }
    return d;
  }

  /** A garbage (HTML) answer for this page, if a {@link Fault.GarbagePages} fault says so; counts the page. */
  public Optional<Reply> garbagePage() {
    Reply reply = null;
    for (Active a : active) {
      if (a.fault instanceof Fault.GarbagePages g && a.count.incrementAndGet() % g.everyNth() == 0 && reply == null) {
        reply = Reply.ok("text/html; charset=utf-8", HTML.clone());
      }
    }
    return Optional.ofNullable(reply);
  }

  /** The most entries a get-entries page may hold under {@link Fault.TruncatedPages}, or {@code max}. */
  public int pageCap(int max) {
    int cap = max;
    for (Active a : active) {
      if (a.fault instanceof Fault.TruncatedPages t) {
        cap = Math.min(cap, t.maxEntries());
      }
    }
    return cap;
  }

  /** The damage to append after the entry just appended, if a {@link Fault.DamagedEntries} fault says so. */
  public Optional<Damage> damageAfterAppend() {
    Damage d = null;
    for (Active a : active) {
      if (a.fault instanceof Fault.DamagedEntries de && a.count.incrementAndGet() % de.everyNth() == 0 && d == null) {
        d = de.damage();
      }
    }
    return Optional.ofNullable(d);
  }

  private static Reply tooMany(Duration retryAfter) {
    long seconds = (retryAfter.toMillis() + 999) / 1000;
    return new Reply(429, "text/plain; charset=utf-8", Map.of("Retry-After", Long.toString(seconds)),
        "injected rate limit: too many requests\n".getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Faults" + list();
  }

  private static final class Active {
    final Fault fault;
    final AtomicLong count = new AtomicLong();

    Active(Fault fault) {
      this.fault = fault;
    }
  }
}
