package org.bookbuild.edition;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bookbuild.io.SourceVersion;
import org.bookbuild.io.World;
import org.bookbuild.model.Metadata;

/**
 * Which release a build is, from the book option {@code version:}: {@code auto} (the default) asks the world for the
 * git state (the tag at the commit, else the describe form {@code 2026-fall+3}, else the commit id; uncommitted
 * changes make it a draft); {@code none} prints no version; any other text is printed as the version as written.
 */
public final class Releases {
  public static final String AUTO = "auto";
  public static final String NONE = "none";

  private Releases() {}

  public static Metadata.Release of(World world, String option) {
    String opt = option == null || option.isBlank() ? AUTO : option.strip();
    if (opt.equals(NONE) || opt.equals("false")) return Metadata.Release.NONE;
    if (!opt.equals(AUTO)) return new Metadata.Release(opt, "", "", false, "", "", List.of());
    Optional<SourceVersion> v = world.sourceVersion();
    if (v.isEmpty()) return Metadata.Release.NONE;
    return of(v.get());
  }

  /** The release a git state describes. */
  public static Metadata.Release of(SourceVersion v) {
    List<Metadata.Previous> history = new ArrayList<>();
    for (SourceVersion.Tag t : v.tags()) {
      if (!t.commit().equals(v.commit())) history.add(new Metadata.Previous(t.name(), day(t.date())));
    }
    return new Metadata.Release(v.version(), v.commit(), day(v.date()), v.dirty(), "", "", history);
  }

  static String day(java.time.Instant i) {
    return i.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }
}
