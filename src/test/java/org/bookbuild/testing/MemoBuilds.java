package org.bookbuild.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.Pipeline;
import org.bookbuild.pipeline.Resident;

/** Builds of a project's FO with and without what a resident process keeps, for the tests of its memos. */
public final class MemoBuilds {
  private MemoBuilds() {}

  /** A build's FO text and its diagnostics, formatted. */
  public record Built(String fo, List<String> diags) {}

  /** The FO of the project in {@code dir}, with {@code resident} (null: none) and a world of its own, as a watch does. */
  public static Built build(Path dir, Resident resident) throws IOException {
    Diagnostics d = new Diagnostics();
    Pipeline.FoResult r = Pipeline.fo(DiskWorld.of(dir), d, Pipeline.Edition.BASE, resident);
    return new Built(r.fo().fo(), d.all().stream().map(Diagnostic::format).toList());
  }

  /** A build with the memos, asserted equal (FO and diagnostics) to one without them; {@code step} names the case. */
  public static Built same(Path dir, Resident resident, String step) throws IOException {
    Built memo = build(dir, resident);
    Built plain = build(dir, null);
    assertEquals(plain.diags(), memo.diags(), step + ": the diagnostics with the memo are those without it");
    assertEquals(plain.fo(), memo.fo(), step + ": the FO with the memo is the FO without it");
    return memo;
  }
}
