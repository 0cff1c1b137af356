package org.bookbuild.render;

/**
 * FOP settings beyond fonts that other stages ask for, in one record passed to {@link Renderer} (see SEAMS: one field
 * per setting, the defaults give today's screen PDF).
 *
 * @param pdfXMode FOP's {@code pdf-x-mode} ({@code PDF/X-3:2003} or {@code PDF/X-4}), or null for none
 * @param outputProfile the output-device ICC profile for the PDF/X output intent: a built-in or project path
 *     ({@code styles/icc/...}), required with {@code pdfXMode}
 */
public record RenderSettings(String pdfXMode, String outputProfile) {
  /** Today's screen PDF. */
  public static final RenderSettings SCREEN = new RenderSettings(null, null);
}
