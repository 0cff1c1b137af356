package org.bookbuild.transform;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 11 item 6: which title openings are numbers the author wrote. */
class AuthorNumbersTest {
  @Test
  void commonFormsAreFound() {
    assertEquals(Optional.of("3"), AuthorNumbers.of("Chapter 3: Vectors"));
    assertEquals(Optional.of("4"), AuthorNumbers.of("Lecture 4 \u2013 Heat transport"));
    assertEquals(Optional.of("2"), AuthorNumbers.of("Week 2: Loops"));
    assertEquals(Optional.of("3"), AuthorNumbers.of("03 - Stats Review"));
    assertEquals(Optional.of("3"), AuthorNumbers.of("3. Vectors"));
    assertEquals(Optional.of("2.5"), AuthorNumbers.of("2.5. Matrices"));
    assertEquals(Optional.of("2.5"), AuthorNumbers.of("2.5 Matrices"));
    assertEquals(Optional.of("IV"), AuthorNumbers.of("IV. Integrals"));
  }

  @Test
  void ordinaryTitlesAreNotNumbers() {
    assertEquals(Optional.empty(), AuthorNumbers.of("3D printing"));
    assertEquals(Optional.empty(), AuthorNumbers.of("1984 revisited"));
    assertEquals(Optional.empty(), AuthorNumbers.of("2 ways to sort"));
    assertEquals(Optional.empty(), AuthorNumbers.of("Vectors"));
    assertEquals(Optional.empty(), AuthorNumbers.of("Chapters of history"));
  }
}
