package org.bookbuild.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmUpTest {
  @Test
  void theWarmUpPageGoesThroughLayoutJoinAndReadBack() {
    // it swallows its failures (a build must never pay for it): this is where one would show
    assertTrue(WarmUp.run(), "the warm-up page no longer lays out, joins or reads back cleanly");
  }
}
