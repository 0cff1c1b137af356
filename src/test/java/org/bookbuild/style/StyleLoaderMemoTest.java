package org.bookbuild.style;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bookbuild.io.DiskWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code book watch} loads the style for every build: while none of its files changed the same style comes back (its
 * resolved roles kept), and an edit of the overlay is seen at the next load.
 */
class StyleLoaderMemoTest {
  @TempDir Path dir;

  @Test
  void theSameFilesGiveTheSameStyleAndAnEditedOverlayANewOne() throws Exception {
    Files.writeString(dir.resolve(StyleLoader.OVERLAY), "roles:\n  body:\n    color: \"#112233\"\n");
    Style first = StyleLoader.load(new DiskWorld(dir, Map.of()), "default", "en");
    Style again = StyleLoader.load(new DiskWorld(dir, Map.of()), "default", "en");
    assertSame(first, again, "nothing changed: the style loaded before");
    assertEquals("#112233", again.prop("body", "color", ""));

    Files.writeString(dir.resolve(StyleLoader.OVERLAY), "roles:\n  body:\n    color: \"#445566\"\n");
    Style edited = StyleLoader.load(new DiskWorld(dir, Map.of()), "default", "en");
    assertNotSame(first, edited);
    assertEquals("#445566", edited.prop("body", "color", ""), "the edit is seen");

    Files.delete(dir.resolve(StyleLoader.OVERLAY));
    Style plain = StyleLoader.load(new DiskWorld(dir, Map.of()), "default", "en");
    assertNotEquals("#445566", plain.prop("body", "color", ""), "a removed overlay is seen");
    assertNotSame(plain, StyleLoader.load(new DiskWorld(dir, Map.of()), "default", "fr"), "another language");
  }
}
