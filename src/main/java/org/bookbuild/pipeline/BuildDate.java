package org.bookbuild.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.bookbuild.io.World;
import org.bookbuild.model.Metadata;

/**
 * The date stamped into the PDF. Never the clock: {@code SOURCE_DATE_EPOCH} when set (the reproducible-builds
 * convention), else the date of the release's commit (a clean git tree), else the book's {@code date}, else a fixed date, so that two builds give identical bytes.
 */
final class BuildDate {
  static final Instant FALLBACK = Instant.parse("2000-01-01T00:00:00Z");

  private BuildDate() {}

  static Date of(World world, Metadata meta) {
    String epoch = world.env("SOURCE_DATE_EPOCH").orElse("").trim();
    if (!epoch.isEmpty()) {
      try {
        return Date.from(Instant.ofEpochSecond(Long.parseLong(epoch)));
      } catch (NumberFormatException e) {
        // an unusable value is ignored like an unset one
      }
    }
    // a release is dated by its commit: building the same tag again gives the same bytes
    Metadata.Release r = meta.release();
    if (r.versioned() && !r.draft() && !r.date().isEmpty()) {
      return Date.from(LocalDate.parse(r.date()).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    try {
      if (!meta.date().isEmpty()) {
        return Date.from(LocalDate.parse(meta.date().trim().substring(0, Math.min(10, meta.date().trim().length())))
            .atStartOfDay(ZoneOffset.UTC).toInstant());
      }
    } catch (DateTimeParseException e) {
      // fall through
    }
    return Date.from(FALLBACK);
  }
}
