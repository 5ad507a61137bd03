package org.ctmon.fetcher.follow;

import java.util.Objects;
import org.ctmon.parser.treehead.TreeHead;

/**
 * The head a log served: {@link Verified}, or {@link BadSignature} (misbehaviour), each with the
 * bytes to keep as evidence (the {@code digitally-signed} of an STH, the whole note of a checkpoint).
 */
sealed interface HeadPoll {
  TreeHead head();

  byte[] evidence();

  record Verified(TreeHead head, byte[] evidence) implements HeadPoll {
    public Verified {
      Objects.requireNonNull(head, "head");
      evidence = evidence.clone();
    }
  }

  record BadSignature(TreeHead head, byte[] evidence, String reason) implements HeadPoll {
    public BadSignature {
      Objects.requireNonNull(head, "head");
      evidence = evidence.clone();
    }
  }
}
