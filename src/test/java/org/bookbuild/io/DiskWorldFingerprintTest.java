package org.bookbuild.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk world reads a file once for its fingerprint during its build (the watch's memos check the same images in
 * several stages), forgets a file it writes, and a world made for the next build reads the file again; a memo's fact
 * recorded through a {@link RecordingWorld} sees a change in the next build's world.
 */
class DiskWorldFingerprintTest {
  @TempDir Path dir;

  @Test
  void aFingerprintHoldsForItsWorldsBuildAndTheNextWorldSeesTheChange() throws Exception {
    Files.write(dir.resolve("pic.png"), new byte[] {1, 2, 3});
    DiskWorld build1 = DiskWorld.of(dir);
    byte[] first = build1.fingerprint("pic.png");
    assertArrayEquals(Fingerprint.of(new byte[] {1, 2, 3}), first);

    RecordingWorld rec = new RecordingWorld(build1);
    rec.read("pic.png");
    assertTrue(RecordingWorld.holds(rec.facts(), build1));

    Files.write(dir.resolve("pic.png"), new byte[] {1, 2, 4});
    assertArrayEquals(first, build1.fingerprint("pic.png"), "remembered for the rest of this world's build");
    DiskWorld build2 = DiskWorld.of(dir);
    assertFalse(Arrays.equals(first, build2.fingerprint("pic.png")), "the next build's world reads it again");
    assertFalse(RecordingWorld.holds(rec.facts(), build2), "so a memo's fact about the file fails");

    build2.writeAtomically(dir.resolve("pic.png"), o -> o.write(new byte[] {9}));
    assertArrayEquals(Fingerprint.of(new byte[] {9}), build2.fingerprint("pic.png"), "a file written is forgotten");

    RecordingWorld asked = new RecordingWorld(build2);
    assertThrows(NoSuchFileException.class, () -> asked.fingerprint("none.png"));
    asked.fingerprint("pic.png");
    assertTrue(RecordingWorld.holds(asked.facts(), DiskWorld.of(dir)));
    Files.write(dir.resolve("none.png"), new byte[] {0});
    assertFalse(RecordingWorld.holds(asked.facts(), DiskWorld.of(dir)), "a fingerprint asked through a recording world is a fact");
  }
}
