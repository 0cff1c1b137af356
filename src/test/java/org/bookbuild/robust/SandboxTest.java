package org.bookbuild.robust;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bookbuild.TestBooks;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.io.SandboxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are read only inside the project: symlinks are resolved, and {@code ../} and absolute paths refused. */
class SandboxTest {
  @TempDir Path dir;

  @Test
  void symlinksOutOfTheProjectAreRefused() throws Exception {
    Path project = Files.createDirectories(dir.resolve("book"));
    Path secret = dir.resolve("secret.md");
    Files.writeString(secret, "# Secret\n\nTOPSECRETVALUE\n");
    Files.createSymbolicLink(project.resolve("linked.md"), secret);
    Files.createDirectories(project.resolve("figs"));
    Files.createSymbolicLink(project.resolve("figs/pic.png"), Path.of("/etc/hostname"));
    TestBooks.write(project, Map.of("book.yml", TestBooks.bookYml(null, "one.md", "linked.md"),
        "one.md", "# One\n\nText ![p](figs/pic.png) here.\n"));
    TestBooks.Run r = TestBooks.cli("build", project.toString());
    assertEquals(1, r.status(), r.stderr());
    assertTrue(r.stderr().contains("book.yml:7:5: error: path leads outside the project folder: linked.md [path-outside-project]"), r.stderr());
    assertTrue(r.stderr().contains("one.md:3:6: error: image outside the project folder: figs/pic.png [path-outside-project]"), r.stderr());
    assertFalse(Files.readString(project.resolve("out/test-book.fo")).contains("TOPSECRETVALUE"));

    DiskWorld w = DiskWorld.of(project);
    assertThrows(SandboxException.class, () -> w.read("../secret.md"));
    assertThrows(SandboxException.class, () -> w.read("/etc/hostname"));
    assertThrows(SandboxException.class, () -> w.read("linked.md"));
    assertThrows(SandboxException.class, () -> w.resolve("chapters/a.md", "../../secret.md"));
    assertFalse(w.exists("linked.md"));
  }
}
