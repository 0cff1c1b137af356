package org.bookbuild.figure;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Makes the book's text faces known to Java2D, so that figure text is measured with the real metrics and Batik writes
 * the real family name into the SVG (FOP then sets it in the same embedded font as the body text). The faces come from
 * the fonts shipped in {@code styles/fonts/}.
 */
final class Fonts {
  private static final String[] BUILTIN = {
    "styles/fonts/cmu/cmu-serif-500-roman.ttf",
    "styles/fonts/cmu/cmu-serif-500-italic.ttf",
    "styles/fonts/cmu/cmu-serif-700-roman.ttf",
    "styles/fonts/cmu/cmu-serif-700-italic.ttf"
  };
  private static final Set<String> registered = new HashSet<>();

  private Fonts() {}

  /** Registers the built-in faces once per JVM. */
  static synchronized void ensureBuiltins() {
    for (String r : BUILTIN) {
      if (registered.contains(r)) continue;
      try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(r)) {
        if (in != null) register(in.readAllBytes());
      } catch (IOException e) {
        // a missing face shows up as wrong metrics, and the font check of the PDF reports it
      }
      registered.add(r);
    }
  }

  /** Built-in font files registered by name (see {@link FigureEngine#registerBuiltinFace}). */
  private static final Set<String> registeredByName = new HashSet<>();

  static synchronized void registerBuiltin(String resource, java.util.function.Supplier<java.util.Optional<byte[]>> bytes) {
    if (!registeredByName.add(resource)) return;
    bytes.get().ifPresent(Fonts::register);
  }

  /** Registers one TrueType/OpenType face from its bytes; returns its family name, or null if unreadable. */
  static synchronized String register(byte[] ttf) {
    try {
      Font f = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf));
      GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(f);
      return f.getFamily();
    } catch (FontFormatException | IOException e) {
      return null;
    }
  }

  /** Whether Java2D knows a family by this name (registered or installed). */
  static synchronized boolean known(String family) {
    ensureBuiltins();
    for (String f : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(java.util.Locale.ROOT)) {
      if (f.equals(family)) return true;
    }
    return false;
  }

  static Font font(String family, double size) {
    ensureBuiltins();
    return new Font(family, Font.PLAIN, 1).deriveFont((float) size);
  }
}
